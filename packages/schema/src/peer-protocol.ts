import { z } from "zod";
import { RUBRIC_MAX, RUBRIC_MIN } from "./bank.js";
import { ANSWER_MAX_CHARS, clockStateSchema } from "./practice.js";

/**
 * The live peer-session protocol: one union per direction, versioned.
 * Documented in packages/schema/PROTOCOL.md; rule ids there are cited by tests.
 */

/** 2: the view's `swappedTo` means a role swap only; the mini loop's next question is `advancedTo`. */
export const PROTOCOL_VERSION = 2;
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [2];
export const MAX_FRAME_BYTES = 64 * 1024;
export const MAX_ROOM_CONNECTIONS = 12;
/** How long a dropped participant shows as "away" before "gone". */
export const PRESENCE_GRACE_MS = 10_000;
export const HANDSHAKE_TIMEOUT_MS = 5_000;
/** Token bucket per socket: sustained messages per second and burst. */
export const RATE_LIMIT = { perSecond: 20, burst: 40 } as const;
/** Invalid frames tolerated on one socket before it is closed. */
export const MAX_INVALID_FRAMES = 10;
/** Beyond this many missed events a reconnecting client gets a snapshot instead. */
export const MAX_REPLAY_EVENTS = 500;
export const NOTE_MAX_CHARS = 2_000;
/** Notes one interviewer may take in one session. */
export const MAX_NOTES_PER_AUTHOR = 500;
/** Changes one session keeps; a whole interview is a few hundred. */
export const MAX_SESSION_CHANGES = 20_000;
export const FEEDBACK_MAX_CHARS = 5_000;

export const CLOSE_CODES = {
  normal: 1000,
  tooLarge: 1009,
  unauthorized: 4001,
  protocolVersion: 4002,
  revoked: 4003,
  handshakeTimeout: 4004,
  rateLimited: 4008,
  roomFull: 4009,
  tooManyInvalid: 4010,
  replaced: 4011,
  /** The host re-issued this participant's link: the old link and its credentials no longer work. */
  linkReplaced: 4012,
} as const;

/** What a person holding a link the host has re-issued is told, wherever the old link is refused. */
export const LINK_REPLACED_MESSAGE =
  "This link was replaced by the host with a new one, so it no longer works. Ask the host for your new link.";

/** Close codes after which retrying cannot help: the client shows the reason and stops. */
export const FATAL_CLOSE_CODES: readonly number[] = [
  CLOSE_CODES.unauthorized,
  CLOSE_CODES.protocolVersion,
  CLOSE_CODES.revoked,
  CLOSE_CODES.roomFull,
  CLOSE_CODES.linkReplaced,
];

export const SESSION_ROLES = ["host", "co-interviewer", "candidate", "observer"] as const;
export const sessionRoleSchema = z.enum(SESSION_ROLES);
export type SessionRole = z.infer<typeof sessionRoleSchema>;
export const INTERVIEWER_ROLES: readonly SessionRole[] = ["host", "co-interviewer"];
export const isInterviewer = (role: SessionRole) => INTERVIEWER_ROLES.includes(role);
/** The roles the host hands out links for after creating a session (host and candidate come with it). */
export const LINK_ROLES = ["co-interviewer", "observer"] as const satisfies readonly SessionRole[];
export const linkRoleSchema = z.enum(LINK_ROLES);
export type LinkRole = z.infer<typeof linkRoleSchema>;

/** "away": dropped within the grace period; "gone": longer, or never joined. */
export const PRESENCE_STATUSES = ["online", "away", "gone"] as const;
export const presenceStatusSchema = z.enum(PRESENCE_STATUSES);
export type PresenceStatus = z.infer<typeof presenceStatusSchema>;

export const RECOMMENDATIONS = ["strong-no", "no", "yes", "strong-yes"] as const;
export const recommendationSchema = z.enum(RECOMMENDATIONS);
export const RECOMMENDATION_LABELS: Record<(typeof RECOMMENDATIONS)[number], string> = {
  "strong-no": "Strong no",
  no: "No",
  yes: "Yes",
  "strong-yes": "Strong yes",
};

const rubricScore = z
  .number()
  .int("scores are whole numbers")
  .min(RUBRIC_MIN, `scores run from ${RUBRIC_MIN} to ${RUBRIC_MAX}`)
  .max(RUBRIC_MAX, `scores run from ${RUBRIC_MIN} to ${RUBRIC_MAX}`);
const opId = z
  .string()
  .min(8)
  .max(64)
  .describe("Idempotency key: a retried operation with the same id applies once");

/* ───────────── client → server ───────────── */

export const helloSchema = z.object({
  type: z.literal("hello"),
  protocol: z.number().int(),
  credential: z.string().min(22).max(128),
  lastSeq: z.number().int().nonnegative().nullable().default(null),
});

const intent = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), opId, ...shape }).strict();

export const clientMessageSchema = z.discriminatedUnion("type", [
  helloSchema.strict(),
  z.object({ type: z.literal("ping"), clientTime: z.number() }).strict(),
  intent("reveal-prompt", {}),
  intent("clock", {
    action: z.enum(["start", "pause", "resume", "advance", "extend"]),
    extendMinutes: z.number().int().min(1).max(30).optional(),
  }),
  intent("inject-curveball", { curveballId: z.string().min(1).max(120) }),
  intent("answer", {
    text: z
      .string()
      .max(ANSWER_MAX_CHARS, `answers are limited to ${ANSWER_MAX_CHARS.toLocaleString("en")} characters`),
    revision: z.number().int().positive(),
  }),
  intent("add-note", {
    text: z.string().trim().min(1, "a note needs text").max(NOTE_MAX_CHARS),
    shared: z.boolean().default(false),
  }),
  intent("share-note", { noteId: z.string().min(1).max(64), shared: z.boolean() }),
  intent("submit-score", {
    scores: z.record(z.string(), rubricScore),
    recommendation: recommendationSchema,
    feedback: z.string().trim().max(FEEDBACK_MAX_CHARS).default(""),
  }),
  intent("self-score", { scores: z.record(z.string(), rubricScore) }),
  intent("release", {}),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientIntent = Exclude<ClientMessage, { type: "hello" } | { type: "ping" }>;

/* ───────────── shared view pieces ───────────── */

export const participantSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: sessionRoleSchema,
});
export type Participant = z.infer<typeof participantSchema>;

export const presenceSchema = z.array(participantSchema.extend({ status: presenceStatusSchema }));
export type PresenceEntry = z.infer<typeof presenceSchema>[number];

export const noteSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  elapsedMs: z.number(),
  text: z.string(),
  shared: z.boolean(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

export const interviewerScoreSchema = z.object({
  participantId: z.string(),
  name: z.string(),
  scores: z.record(z.string(), z.number().int()),
  recommendation: recommendationSchema,
  feedback: z.string(),
  submittedAt: z.string(),
});
export type InterviewerScore = z.infer<typeof interviewerScoreSchema>;

export const injectedCurveballSchema = z.object({
  id: z.string(),
  title: z.string(),
  prompt: z.string(),
  elapsedMs: z.number(),
});

/**
 * What one participant may see of the room, decided on the server per role.
 * Fields a role may not see are absent (undefined), never hidden by the client.
 */
export const roomViewSchema = z.object({
  sessionId: z.string(),
  /**
   * The question's identity: interviewers always; candidate and observers only
   * once the prompt is revealed, since the id opens the public bank's guide.
   */
  questionId: z.string().optional(),
  questionTitle: z.string().optional(),
  seq: z.number().int(),
  you: participantSchema,
  participants: z.array(participantSchema),
  promptRevealed: z.boolean(),
  /** Present once revealed (candidate, observer) or always (interviewers). */
  prompt: z.string().optional(),
  scenario: z.unknown().optional(),
  clock: clockStateSchema,
  curveballs: z.array(injectedCurveballSchema),
  answer: z.object({ text: z.string(), revision: z.number().int() }),
  released: z.boolean(),
  /** Interviewers only. */
  notes: z.array(noteSchema).optional(),
  /** Interviewers: ids of interviewers who have submitted. */
  submittedBy: z.array(z.string()).optional(),
  /** Interviewers after submitting their own; candidate and observer after release. */
  scores: z.array(interviewerScoreSchema).optional(),
  /** The candidate's own self-score; interviewers see it after release. */
  selfScore: z.record(z.string(), z.number().int()).nullable().optional(),
  /**
   * Set once the host has created the mirrored session (roles exchanged). The
   * secret is never in the room: each participant trades its current
   * credential for its new link.
   */
  swappedTo: z.string().nullable(),
  /** Set once the host has moved the mini loop on to its next question; links are traded the same way. */
  advancedTo: z.string().nullable(),
  /** This question's place in a mini loop of several questions (1-based). */
  sequence: z.object({ position: z.number().int(), total: z.number().int() }),
  /** Interviewers only: the mini loop's questions still to come, in order (the host's invites add their length). */
  upcomingQuestionIds: z.array(z.string()).optional(),
  /** When the host plans to start (UTC instant); null when they did not set one. */
  scheduledStart: z.string().nullable(),
});
export type RoomView = z.infer<typeof roomViewSchema>;

/* ───────────── server → client ───────────── */

/** A change, already filtered for its recipient. `patch` is merged into the RoomView. */
export const roomEventSchema = z.object({
  seq: z.number().int(),
  kind: z.string(),
  patch: roomViewSchema.partial(),
});
export type RoomEvent = z.infer<typeof roomEventSchema>;

export const serverMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("welcome"),
    protocol: z.number().int(),
    serverNow: z.number(),
    /** "snapshot": the view replaces local state; "replay": the events below follow. */
    mode: z.enum(["snapshot", "replay"]),
    view: roomViewSchema.optional(),
  }),
  z.object({ type: z.literal("event"), event: roomEventSchema }),
  z.object({ type: z.literal("ack"), opId: z.string(), seq: z.number().int() }),
  z.object({
    type: z.literal("error"),
    opId: z.string().optional(),
    code: z.string(),
    message: z.string(),
  }),
  z.object({ type: z.literal("presence"), participants: presenceSchema }),
  z.object({ type: z.literal("pong"), clientTime: z.number(), serverNow: z.number() }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/* ───────────── HTTP around the room ───────────── */

export const MINI_LOOP_MAX_QUESTIONS = 4;
/** A UTC instant with a Z: what the web client's date and time fields turn into. */
export const scheduledStartSchema = z.iso.datetime({
  error: "the scheduled start must be a UTC date and time such as 2026-12-03T15:00:00Z",
});
export const createSessionBodySchema = z
  .object({
    questionId: z.string().min(1),
    /** Further questions for a mini loop, taken one after another with the same people and roles. */
    followUpQuestionIds: z
      .array(z.string().min(1))
      .max(MINI_LOOP_MAX_QUESTIONS - 1, `a mini loop has at most ${MINI_LOOP_MAX_QUESTIONS} questions`)
      .default([]),
    /** Multiplies the question's phase durations; 1 = as written in the bank. */
    durationScale: z.number().min(0.25).max(3).default(1),
    hostName: z.string().trim().min(1, "your name is empty").max(80),
    candidateName: z.string().trim().min(1, "the candidate's name is empty").max(80),
    /**
     * When the host means to start, as a UTC instant ("2026-12-03T15:00:00.000Z"); absent or
     * null for "whenever you are both ready". Every participant's view carries it.
     */
    scheduledStart: scheduledStartSchema.nullable().default(null),
  })
  .strict();
/** The body as the server reads it, defaults filled in; what the web client sends in full. */
export type CreateSessionBody = z.infer<typeof createSessionBodySchema>;
export const sessionLinkSchema = z.object({
  participant: participantSchema,
  token: z.string().describe("Put it in the link's fragment: /sessions/join#token=…"),
});
export const sessionCreatedSchema = z.object({
  sessionId: z.string(),
  host: sessionLinkSchema,
  candidate: sessionLinkSchema,
});
export const createLinkBodySchema = z
  .object({ role: linkRoleSchema, name: z.string().trim().min(1).max(80) })
  .strict();
export type CreateLinkBody = z.infer<typeof createLinkBodySchema>;
export const sessionExchangeBodySchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, "is not a valid link token") })
  .strict();
export const sessionCredentialSchema = z.object({
  credential: z.string(),
  sessionId: z.string(),
  participant: participantSchema,
  expiresAt: z.string(),
});
export const sessionParticipantsSchema = z.object({
  participants: z.array(
    participantSchema.extend({
      revoked: z.boolean(),
      linkReissuedAt: z.string().nullable().describe("When the host last re-issued this person's link"),
    }),
  ),
});
/** A participant's new link after the host re-issued it: shown once, like every link. */
export const reissuedLinkSchema = sessionLinkSchema.extend({
  reissuedAt: z.string().describe("From now on the old link and its credentials are refused"),
});
export type ReissuedLink = z.infer<typeof reissuedLinkSchema>;
export const swapResultSchema = z.object({ sessionId: z.string() });
/** The host may choose the swapped session's question; without one the server takes the first of the same competency. */
export const swapBodySchema = z.object({ questionId: z.string().min(1).max(200).optional() }).strict();
export type SwapBody = z.infer<typeof swapBodySchema>;
/** Your place in the mirrored session: a fresh link (only its hash is stored) and a credential. */
export const swapLinkSchema = sessionCredentialSchema.extend({ token: z.string() });
