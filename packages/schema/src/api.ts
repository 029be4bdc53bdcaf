import { z } from "zod";
import { questionSchema } from "./bank.js";
import { competencySchema, levelSchema } from "./competencies.js";

/** Every 4xx/5xx body the API sends. `issues` lists field-level problems when there are any. */
export const apiErrorSchema = z.object({
  error: z.string().describe("Short machine-readable code, e.g. 'not_found'"),
  message: z.string().describe("What went wrong, written for a person"),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const healthSchema = z.object({
  status: z.literal("ok"),
  version: z.string(),
  questions: z.number().int(),
  storage: z.string(),
  /** Live peer-session rooms this instance holds in memory; idle ones are unloaded. */
  rooms: z.number().int(),
});
export type Health = z.infer<typeof healthSchema>;

export const questionListQuerySchema = z
  .object({
    competency: competencySchema.optional(),
    level: levelSchema.optional(),
    q: z.string().trim().max(200, "search text is limited to 200 characters").optional(),
  })
  .strict();
export type QuestionListQuery = z.infer<typeof questionListQuerySchema>;

export const questionSummarySchema = questionSchema.pick({
  id: true,
  title: true,
  competency: true,
  levels: true,
  summary: true,
  durationMinutes: true,
});
export type QuestionSummary = z.infer<typeof questionSummarySchema>;

export const questionListSchema = z.object({
  total: z.number().int(),
  questions: z.array(questionSummarySchema),
});
export type QuestionList = z.infer<typeof questionListSchema>;

export const questionIdParamsSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,120}$/, "question ids are lower-case words joined by hyphens"),
});

/** Ids of records that appear in URLs: unguessable, URL-safe. */
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "is not a valid id");
export const okSchema = z.object({ ok: z.literal(true) });

/** The client-error responses every authenticated route documents. */
export const clientErrorResponses = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
  409: apiErrorSchema,
} as const;
