import { z } from "zod";
import { recordIdSchema } from "./api.js";
import { competencySchema } from "./competencies.js";
import { recommendationSchema } from "./peer-protocol.js";

/**
 * A peer session's released feedback, kept by its candidate in their practice
 * history. Dimension names and the question's title are copied in when saved,
 * so the entry reads the same after the bank changes.
 */
export const peerFeedbackInterviewerSchema = z.object({
  name: z.string(),
  scores: z.array(z.object({ dimensionId: z.string(), dimension: z.string(), score: z.number().int() })),
  recommendation: recommendationSchema,
  feedback: z.string(),
});
export type PeerFeedbackInterviewer = z.infer<typeof peerFeedbackInterviewerSchema>;

export const peerFeedbackNoteSchema = z.object({
  authorName: z.string(),
  elapsedMs: z.number(),
  text: z.string(),
});

/** What is stored of the report beside the answer; the server parses it back with this schema. */
export const peerFeedbackReportSchema = z.object({
  questionTitle: z.string(),
  competency: competencySchema,
  interviewers: z.array(peerFeedbackInterviewerSchema),
  sharedNotes: z.array(peerFeedbackNoteSchema),
  /** The candidate's own scores by dimension id, when they self-scored. */
  selfScore: z.record(z.string(), z.number().int()).nullable(),
});
export type PeerFeedbackReport = z.infer<typeof peerFeedbackReportSchema>;

export const peerFeedbackEntrySchema = peerFeedbackReportSchema.extend({
  id: z.string(),
  kind: z.literal("peer-session"),
  sessionId: z.string(),
  questionId: z.string(),
  answer: z.string(),
  /** When the session was created. */
  sessionDate: z.string(),
  savedAt: z.string(),
});
export type PeerFeedbackEntry = z.infer<typeof peerFeedbackEntrySchema>;

export const savePeerFeedbackBodySchema = z
  .object({
    sessionId: recordIdSchema,
    credential: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22,128}$/, "is not a session credential")
      .describe("The candidate's session credential (from trading their link), proving the seat"),
  })
  .strict();
export type SavePeerFeedbackBody = z.infer<typeof savePeerFeedbackBodySchema>;

export const savedPeerFeedbackSchema = z.object({
  entry: peerFeedbackEntrySchema,
  created: z.boolean().describe("False when this session was already in the history; nothing was duplicated"),
});
export const peerFeedbackListSchema = z.object({ entries: z.array(peerFeedbackEntrySchema) });
export const peerFeedbackIdParamsSchema = z.object({ id: recordIdSchema });
