import { z } from "zod";
import { exampleAnswerSchema, RUBRIC_MAX, RUBRIC_MIN } from "./bank.js";
import { competencySchema } from "./competencies.js";

/** Solo practice: attempts owned by a practitioner key, with a server-kept clock and durable answers. */

export const ANSWER_MAX_CHARS = 50_000;
export const REFLECTION_MAX_CHARS = 4_000;
export const LOOP_MIN_ROUNDS = 2;
export const LOOP_MAX_ROUNDS = 6;
/** Header carrying the practitioner key: `Authorization: Bearer <key>`. */
export const PRACTITIONER_AUTH_SCHEME = "Bearer";

export const practitionerCreatedSchema = z.object({
  key: z.string().describe("Private key; keep it secret. Only its hash is stored on the server."),
});

export const phasePlanSchema = z.object({ id: z.string(), name: z.string(), durationMs: z.number() });

/** Mirrors @loopwright/clock's ClockState so the server can send it and the client derive the display. */
export const clockStateSchema = z.object({
  phases: z.array(phasePlanSchema),
  startedAt: z.number().nullable(),
  pausedAt: z.number().nullable(),
  pausedMs: z.number(),
  advances: z.array(z.number()),
  extensionsMs: z.array(z.number()),
  stoppedAt: z.number().nullable(),
});
export type ClockStateDto = z.infer<typeof clockStateSchema>;

export const ATTEMPT_STATUSES = ["pending", "active", "review", "completed"] as const;
export const attemptStatusSchema = z.enum(ATTEMPT_STATUSES);
export type AttemptStatus = z.infer<typeof attemptStatusSchema>;

export const selfScoresSchema = z.record(
  z.string(),
  z
    .number()
    .int("scores are whole numbers")
    .min(RUBRIC_MIN, `scores run from ${RUBRIC_MIN} to ${RUBRIC_MAX}`)
    .max(RUBRIC_MAX, `scores run from ${RUBRIC_MIN} to ${RUBRIC_MAX}`),
);

export const phaseTimeSchema = z.object({
  id: z.string(),
  name: z.string(),
  plannedMs: z.number(),
  spentMs: z.number(),
});

export const attemptSummarySchema = z.object({
  id: z.string(),
  questionId: z.string(),
  questionTitle: z.string(),
  competency: competencySchema,
  status: attemptStatusSchema,
  loopId: z.string().nullable(),
  loopPosition: z.number().int().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  phaseTimes: z.array(phaseTimeSchema),
  overrunMs: z.number(),
  selfScores: selfScoresSchema.nullable(),
  meanSelfScore: z.number().nullable(),
});
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;

export const phraseMatchSchema = z.object({
  phrase: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});
export const coverageSchema = z.object({
  points: z.array(
    z.object({
      id: z.string(),
      point: z.string(),
      covered: z.boolean(),
      matches: z.array(phraseMatchSchema),
    }),
  ),
  coveredCount: z.number().int(),
  total: z.number().int(),
});

export const attemptReviewSchema = z.object({
  examples: z.array(exampleAnswerSchema),
  closestExampleId: z.string().nullable(),
  /** Self-score minus the closest example's reference score, per dimension. */
  gaps: z.record(z.string(), z.number()),
  coverage: coverageSchema,
  matchingRules: z.array(z.string()),
});
export type AttemptReview = z.infer<typeof attemptReviewSchema>;

export const attemptSchema = attemptSummarySchema.extend({
  clock: clockStateSchema,
  /** The server's clock when this response was made, so the client can correct its own. */
  serverNow: z.number(),
  answer: z.object({ text: z.string(), revision: z.number().int(), savedAt: z.string().nullable() }),
  reflection: z.string().nullable(),
  loop: z
    .object({
      id: z.string(),
      rounds: z.array(
        z.object({ attemptId: z.string(), questionTitle: z.string(), status: attemptStatusSchema }),
      ),
    })
    .nullable(),
  /** Present only once the practitioner has self-scored. */
  review: attemptReviewSchema.nullable(),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const roundChoiceSchema = z.union([
  z.object({ questionId: z.string().min(1) }).strict(),
  z
    .object({ competency: competencySchema })
    .strict()
    .describe("Pick a question of this competency the practitioner has not attempted yet"),
]);
export type RoundChoice = z.infer<typeof roundChoiceSchema>;

export const startAttemptBodySchema = roundChoiceSchema;
export const startLoopBodySchema = z
  .object({
    rounds: z
      .array(roundChoiceSchema)
      .min(LOOP_MIN_ROUNDS, `a mock loop has ${LOOP_MIN_ROUNDS} to ${LOOP_MAX_ROUNDS} rounds`)
      .max(LOOP_MAX_ROUNDS, `a mock loop has ${LOOP_MIN_ROUNDS} to ${LOOP_MAX_ROUNDS} rounds`),
  })
  .strict();

export const saveAnswerBodySchema = z
  .object({
    text: z
      .string()
      .max(ANSWER_MAX_CHARS, `answers are limited to ${ANSWER_MAX_CHARS.toLocaleString("en")} characters`),
    revision: z
      .number()
      .int()
      .positive()
      .describe("Monotonic per attempt; a save with a revision at or below the stored one is not applied"),
  })
  .strict();
export type SaveAnswerBody = z.infer<typeof saveAnswerBodySchema>;

export const saveAnswerResultSchema = z.object({
  applied: z.boolean(),
  revision: z.number().int(),
  savedAt: z.string().nullable(),
});

export const CLOCK_ACTIONS = ["pause", "resume", "advance"] as const;
export const clockActionBodySchema = z.object({ action: z.enum(CLOCK_ACTIONS) }).strict();

export const submitAttemptBodySchema = z
  .object({
    answer: saveAnswerBodySchema.optional().describe("The final text, saved atomically with the submit"),
  })
  .strict();

export const selfScoreBodySchema = z
  .object({
    scores: selfScoresSchema,
    reflection: z
      .string()
      .trim()
      .max(
        REFLECTION_MAX_CHARS,
        `the reflection is limited to ${REFLECTION_MAX_CHARS.toLocaleString("en")} characters`,
      )
      .default(""),
  })
  .strict();

export const attemptListSchema = z.object({ attempts: z.array(attemptSummarySchema) });
export const attemptIdParamsSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "is not an attempt id"),
});
export const exportQuerySchema = z.object({ format: z.enum(["json", "markdown"]).default("json") }).strict();
export const deletedSchema = z.object({ deleted: z.number().int() });
