import { z } from "zod";
import { RUBRIC_MAX, RUBRIC_MIN } from "./bank.js";
import { COMPETENCIES, competencySchema } from "./competencies.js";

/* ───────────── Agreement analysis (POST /api/calibration/analyze) ───────────── */

/*
 * Bounds of one analysis. The many-facet Rasch fit dominates the cost (each
 * sweep is proportional to ratings × scale points), so these keep the largest
 * well-behaved analysis to a few seconds on one worker thread. They are shared
 * so the web client can state them before an upload.
 */
export const ANALYZE_MAX_RATINGS = 100_000;
export const ANALYZE_MAX_RATERS = 200;
export const ANALYZE_MAX_SUBJECTS = 2_000;
/** Each dimension is analysed on its own, so many dimensions multiply the per-dimension work. */
export const ANALYZE_MAX_DIMENSIONS = 20;
/** Points of the scale, max − min + 1 (a 1–4 rubric has 4). */
export const ANALYZE_MAX_SCALE_POINTS = 11;
/** Below this ordinal alpha a dimension's anchors are too vague to agree on (Krippendorff's lowest tentative bar). */
export const ALPHA_FLAG_THRESHOLD = 0.667;
/** An interviewer this many points off the panel median, on average, is flagged as harsh or lenient. */
export const OFFSET_FLAG_THRESHOLD = 0.5;
/** An answer whose scores on one dimension span this many points split the panel. */
export const SPLIT_FLAG_THRESHOLD = 2;

const count = (n: number) => n.toLocaleString("en");

const label = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} is empty`)
    .max(200, `${what} is over 200 characters`);

export const scaleSchema = z
  .object({
    min: z.number().int("scale.min must be a whole number"),
    max: z.number().int("scale.max must be a whole number"),
  })
  .strict()
  .refine((s) => s.max > s.min, { message: "scale.max must be above scale.min", path: ["max"] })
  .superRefine((s, ctx) => {
    const points = s.max - s.min + 1;
    if (points > ANALYZE_MAX_SCALE_POINTS) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: `a scale has at most ${ANALYZE_MAX_SCALE_POINTS} points (max − min + 1), got ${points} (${s.min}–${s.max})`,
      });
    }
  });
export type Scale = z.infer<typeof scaleSchema>;

export const ratingSchema = z
  .object({
    rater: label("rater"),
    subject: label("subject"),
    dimension: label("dimension"),
    score: z.number({ error: "score must be a number" }).int("score must be a whole number"),
  })
  .strict();
export type RatingInput = z.infer<typeof ratingSchema>;

export const analyzeRequestSchema = z
  .object({
    scale: scaleSchema,
    ratings: z
      .array(ratingSchema)
      .min(1, "there are no ratings to analyse")
      .max(ANALYZE_MAX_RATINGS, {
        error: (issue) =>
          `at most ${count(ANALYZE_MAX_RATINGS)} ratings per analysis, got ${count((issue.input as unknown[]).length)}`,
      }),
  })
  .strict()
  .superRefine((body, ctx) => {
    // Bounds first: past them the row checks below are wasted work and noise.
    if (body.ratings.length > ANALYZE_MAX_RATINGS) return;
    const bounds = [
      ["raters", ANALYZE_MAX_RATERS, new Set(body.ratings.map((r) => r.rater)).size],
      ["subjects", ANALYZE_MAX_SUBJECTS, new Set(body.ratings.map((r) => r.subject)).size],
      ["dimensions", ANALYZE_MAX_DIMENSIONS, new Set(body.ratings.map((r) => r.dimension)).size],
    ] as const;
    for (const [what, limit, actual] of bounds) {
      if (actual > limit) {
        ctx.addIssue({
          code: "custom",
          path: ["ratings"],
          message: `at most ${count(limit)} ${what} per analysis, got ${count(actual)}`,
        });
      }
    }
    if (bounds.some(([, limit, actual]) => actual > limit)) return;
    const seen = new Map<string, number>();
    body.ratings.forEach((r, i) => {
      if (r.score < body.scale.min || r.score > body.scale.max) {
        ctx.addIssue({
          code: "custom",
          path: ["ratings", i, "score"],
          message: `row ${i + 1}: score ${r.score} is outside the scale ${body.scale.min}–${body.scale.max}`,
        });
      }
      const key = JSON.stringify([r.rater, r.subject, r.dimension]);
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["ratings", i],
          message: `row ${i + 1}: ${r.rater} already rated ${r.subject} on ${r.dimension} in row ${first + 1}`,
        });
      } else seen.set(key, i);
    });
  });
export type AnalyzeRequest = z.infer<typeof analyzeRequestSchema>;

/* ───────────── CSV uploads: the columns a file's header names ───────────── */

/** The columns a ratings CSV must have, in the order the mapping step asks for them. */
export const RATING_COLUMNS = ["rater", "subject", "dimension", "score"] as const;
export type RatingColumn = (typeof RATING_COLUMNS)[number];
export const RATING_COLUMN_LABELS: Record<RatingColumn, { label: string; hint: string }> = {
  rater: { label: "Rater", hint: "Who gave the score: the interviewer or reviewer." },
  subject: { label: "Subject", hint: "What was scored: the candidate or answer." },
  dimension: { label: "Dimension", hint: "The rubric criterion or competency the score is for." },
  score: { label: "Score", hint: "The rating itself, a whole number on the scale." },
};

const headerName = (column: RatingColumn) =>
  z
    .string()
    .trim()
    .min(1, `the ${column} column's header is empty`)
    .max(200, `the ${column} column's header is over 200 characters`)
    .optional()
    .describe(`The header of the file's column that holds the ${column}, when it is not named '${column}'`);

/**
 * Which of the file's headers holds each column, for an export whose headers differ
 * (an ATS's "Reviewer" for rater). Headers match case-insensitively; a column not
 * mapped is looked for under its own name.
 */
export const csvColumnMappingSchema = z.object({
  rater: headerName("rater"),
  subject: headerName("subject"),
  dimension: headerName("dimension"),
  score: headerName("score"),
});
export type CsvColumnMapping = z.infer<typeof csvColumnMappingSchema>;

/** The query of POST /api/calibration/analyze/csv: the scale, the answer's format and the column mapping. */
export const analyzeCsvQuerySchema = csvColumnMappingSchema
  .extend({
    min: z.coerce.number().int("min must be a whole number").default(1),
    max: z.coerce.number().int("max must be a whole number").default(4),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict();

/** How many of a file's first data rows the column preview shows. */
export const CSV_PREVIEW_ROWS = 5;

/** What the column preview reads from the start of a CSV, so a person can map its columns. */
export const csvColumnsPreviewSchema = z.object({
  delimiter: z.enum([",", ";", "\t"]),
  /** The header row, as written. */
  headers: z.array(z.string()),
  /** The first data rows, cells in header order. */
  rows: z.array(z.array(z.string())),
  /** The best guess at each column's header (case and common synonyms), null when nothing fits. */
  guess: z.object({
    rater: z.string().nullable(),
    subject: z.string().nullable(),
    dimension: z.string().nullable(),
    score: z.string().nullable(),
  }),
  /** Columns the header does not name outright, so the analysis needs a mapping for them. */
  missing: z.array(z.enum(RATING_COLUMNS)),
});
export type CsvColumnsPreview = z.infer<typeof csvColumnsPreviewSchema>;

const stat = z.number().nullable();
export const dimensionResultSchema = z.object({
  dimension: z.string(),
  raters: z.number().int(),
  subjects: z.number().int(),
  ratings: z.number().int(),
  alpha: z.object({ nominal: stat, ordinal: stat, interval: stat }),
  icc: z
    .object({
      icc1: z.number(),
      icc2: z.number(),
      icc3: z.number(),
      icc1k: z.number(),
      icc2k: z.number(),
      icc3k: z.number(),
    })
    .nullable(),
  fleissKappa: stat,
  exactAgreement: stat,
  adjacentAgreement: stat,
});
export type DimensionResultDto = z.infer<typeof dimensionResultSchema>;

export const raterResultSchema = z.object({
  rater: z.string(),
  ratings: z.number().int(),
  meanOffset: stat,
  severity: stat,
  severitySE: stat,
  infit: stat,
  outfit: stat,
});
export type RaterResultDto = z.infer<typeof raterResultSchema>;

export const analysisSchema = z.object({
  dimensions: z.array(dimensionResultSchema),
  raters: z.array(raterResultSchema),
});
export type Analysis = z.infer<typeof analysisSchema>;

/* ───────────── Flags a person can act on ───────────── */

export const flagSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("vague-dimension"),
    dimension: z.string(),
    alpha: z.number(),
    message: z.string(),
  }),
  z.object({
    kind: z.literal("rater-offset"),
    rater: z.string(),
    offset: z.number(),
    direction: z.enum(["harsher", "more lenient"]),
    message: z.string(),
  }),
  z.object({
    kind: z.literal("split-answer"),
    subject: z.string(),
    dimension: z.string(),
    low: z.number(),
    high: z.number(),
    message: z.string(),
  }),
]);
export type Flag = z.infer<typeof flagSchema>;

export const analysisWithFlagsSchema = analysisSchema.extend({
  flags: z.array(flagSchema),
  /** Mean score per rater × subject, for the heatmap. */
  heatmap: z.array(z.object({ rater: z.string(), subject: z.string(), mean: z.number() })),
  /** How often each score on the scale was given, per dimension. */
  distributions: z.array(
    z.object({
      dimension: z.string(),
      counts: z.array(z.object({ score: z.number().int(), count: z.number().int() })),
    }),
  ),
  /**
   * Per interviewer, the mean of (score − reference score) over the answers that
   * carry reference scores (bank example answers); empty when none do.
   */
  referenceOffsets: z.array(
    z.object({ rater: z.string(), ratings: z.number().int(), meanOffset: z.number() }),
  ),
});
export type AnalysisWithFlags = z.infer<typeof analysisWithFlagsSchema>;

/* ───────────── Workspaces, members and capability links ───────────── */

export const MEMBER_ROLES = ["admin", "interviewer"] as const;
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof memberRoleSchema>;

export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  createdAt: z.string(),
  revoked: z.boolean(),
});
export type Member = z.infer<typeof memberSchema>;

export const createWorkspaceBodySchema = z
  .object({ name: label("the workspace name"), adminName: label("your name") })
  .strict();
export const createMemberBodySchema = z.object({ name: label("the interviewer's name") }).strict();

/** A capability link's secret; the client keeps it in the URL fragment and never sends it in a URL. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, "is not a valid link token");
export const exchangeLinkBodySchema = z.object({ token: linkTokenSchema }).strict();

export const workspaceSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
/**
 * A member signed in to a workspace: the credential their link was traded for.
 * ("Session" is the peer mock interview's word; this is not one.)
 */
export const memberSignInSchema = z.object({
  credential: z.string().describe("Send as 'Authorization: Bearer <credential>'"),
  expiresAt: z.string(),
  member: memberSchema,
  workspace: workspaceSchema,
});
export type MemberSignIn = z.infer<typeof memberSignInSchema>;

export const workspaceCreatedSchema = z.object({
  workspace: workspaceSchema,
  adminToken: z.string(),
});
export const memberCreatedSchema = z.object({ member: memberSchema, token: z.string() });
export const workspaceViewSchema = z.object({
  workspace: workspaceSchema,
  members: z.array(memberSchema),
  me: memberSchema,
});

/* ───────────── Loops ───────────── */

export const loopRoundSchema = z
  .object({
    name: label("the round name"),
    durationMinutes: z
      .number()
      .int()
      .min(10, "a round lasts at least 10 minutes")
      .max(180, "a round lasts at most 180 minutes"),
    competencies: z.array(competencySchema).min(1, "a round assesses at least one competency"),
    questionIds: z.array(z.string().min(1)).default([]),
  })
  .strict();
export const loopBodySchema = z
  .object({
    name: label("the loop name"),
    rounds: z
      .array(loopRoundSchema)
      .min(1, "a loop has at least one round")
      .max(12, "a loop has at most 12 rounds"),
  })
  .strict();
export type LoopBody = z.infer<typeof loopBodySchema>;
export const loopCoverageCellSchema = z.object({
  competency: competencySchema,
  rounds: z.array(z.number().int()),
  status: z.enum(["gap", "covered", "overlap"]),
});
export type LoopCoverageCell = z.infer<typeof loopCoverageCellSchema>;

/**
 * Competency × round: which competencies no round assesses (gap) and which
 * several do (overlap). Shared so the loop editor shows it live and the server
 * returns the same thing.
 */
export function loopCoverage(rounds: { competencies: readonly string[] }[]): LoopCoverageCell[] {
  return COMPETENCIES.map((competency) => {
    const hits = rounds.flatMap((r, i) => (r.competencies.includes(competency) ? [i] : []));
    return {
      competency,
      rounds: hits,
      status: hits.length === 0 ? "gap" : hits.length === 1 ? "covered" : "overlap",
    };
  });
}

export const loopSchema = loopBodySchema.extend({
  id: z.string(),
  createdAt: z.string(),
  /** Competency × round: gaps and overlaps before any interview runs. */
  coverage: z.array(loopCoverageCellSchema),
});
export type Loop = z.infer<typeof loopSchema>;

/* ───────────── Calibration exercises ───────────── */

/** Where an answer to score comes from: a bank example answer, or a transcript pasted in. */
export const EXERCISE_ITEM_KINDS = ["example", "transcript"] as const;
export const exerciseItemKindSchema = z.enum(EXERCISE_ITEM_KINDS);
export type ExerciseItemKind = z.infer<typeof exerciseItemKindSchema>;

export const exerciseItemInputSchema = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("example"), questionId: z.string().min(1), exampleId: z.string().min(1) })
    .strict(),
  z
    .object({
      kind: z.literal("transcript"),
      questionId: z.string().min(1),
      title: label("the transcript title"),
      text: z
        .string()
        .trim()
        .min(50, "a transcript needs at least 50 characters")
        .max(50_000, "a transcript is limited to 50,000 characters"),
    })
    .strict(),
]);
/**
 * When the panel should have finished scoring: an instant with its offset (the client
 * turns the reader's local date and time into one), or null for no due date.
 */
export const dueAtSchema = z.iso
  .datetime({ offset: true, error: "the due date must be a date and time, e.g. 2026-03-01T17:00:00Z" })
  .nullable()
  .describe("ISO 8601 instant, e.g. 2026-03-01T17:00:00+01:00; null for none");

export const createExerciseBodySchema = z
  .object({
    name: label("the exercise name"),
    loopId: z.string().nullable().default(null),
    items: z
      .array(exerciseItemInputSchema)
      .min(1, "pick at least one answer to score")
      .max(30, "at most 30 answers per exercise"),
    interviewerIds: z.array(z.string()).min(2, "invite at least two interviewers; agreement needs a panel"),
    dueAt: dueAtSchema.default(null),
  })
  .strict();
export type CreateExerciseBody = z.infer<typeof createExerciseBodySchema>;

/** PUT …/exercises/:id/due: set or clear (null) when the panel should have finished scoring. */
export const setExerciseDueBodySchema = z.object({ dueAt: dueAtSchema }).strict();
export type SetExerciseDueBody = z.infer<typeof setExerciseDueBodySchema>;

export const exerciseItemSchema = z.object({
  id: z.string(),
  /** "Answer A", "Answer B"…: all the panel ever sees of where an answer came from. */
  label: z.string(),
  /** A pasted transcript's title ("Candidate K, onsite"); admins only, null for everyone else and for bank examples. */
  title: z.string().nullable(),
  questionId: z.string(),
  questionTitle: z.string(),
  /** Bank example or pasted transcript; admins only, since knowing it tells the panel which answers are graded. */
  kind: exerciseItemKindSchema.nullable(),
  text: z.string(),
});

export const scoreEntrySchema = z
  .object({
    itemId: z.string(),
    dimension: z.string(),
    score: z
      .number()
      .int()
      .min(RUBRIC_MIN, `scores run from ${RUBRIC_MIN} to ${RUBRIC_MAX}`)
      .max(RUBRIC_MAX, `scores run from ${RUBRIC_MIN} to ${RUBRIC_MAX}`),
    comment: z.string().trim().max(2000, "a comment is limited to 2,000 characters").default(""),
  })
  .strict();
export const saveScoresBodySchema = z
  .object({
    round: z.number().int().positive(),
    scores: z.array(scoreEntrySchema).max(30 * 5),
    submit: z.boolean().default(false),
  })
  .strict();
export type SaveScoresBody = z.infer<typeof saveScoresBodySchema>;

/** Where a panellist is in the current round: not started, scoring, or submitted. */
export const PARTICIPANT_STATES = ["not-started", "in-progress", "finished"] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];

export const participantProgressSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  scored: z.number().int(),
  required: z.number().int(),
  submitted: z.boolean(),
  state: z.enum(PARTICIPANT_STATES),
  /** Past the exercise's due date without having submitted this round (by the server's clock). */
  late: z.boolean(),
});

export const exerciseSchema = z.object({
  id: z.string(),
  name: z.string(),
  loopId: z.string().nullable(),
  createdAt: z.string(),
  round: z.number().int(),
  /** Whether the current round's results are visible. */
  revealed: z.boolean(),
  /** When the panel should have finished scoring (ISO, UTC); null when no due date is set. */
  dueAt: z.string().nullable(),
  items: z.array(exerciseItemSchema),
  progress: z.array(participantProgressSchema),
  /** The caller's own scores in the current round (interviewers only). */
  myScores: z.array(scoreEntrySchema),
  mySubmitted: z.boolean(),
  invited: z.boolean(),
});
export type Exercise = z.infer<typeof exerciseSchema>;
export const exerciseSummarySchema = exerciseSchema
  .pick({ id: true, name: true, loopId: true, createdAt: true, round: true, revealed: true, dueAt: true })
  .extend({
    submittedCount: z.number().int(),
    interviewerCount: z.number().int(),
    /** Interviewers past the due date who have not submitted the current round. */
    lateCount: z.number().int(),
  });

/** One answer and dimension: the reference score, and what the panel gave. */
export const referenceComparisonSchema = z.object({
  /** The answer, keyed as in subjectLabels. */
  subject: z.string(),
  /** The dimension's name, as in the analysis. */
  dimension: z.string(),
  reference: z.number(),
  /** Each score the panel gave, lowest first. */
  scores: z.array(z.number()),
  panelMean: z.number(),
  /** panelMean − reference: negative when the panel scored below the reference. */
  difference: z.number(),
});
export type ReferenceComparison = z.infer<typeof referenceComparisonSchema>;

export const exerciseResultsSchema = z.object({
  rounds: z.array(
    z.object({
      round: z.number().int(),
      analysis: analysisWithFlagsSchema,
      /**
       * The round's scores as given (rater and subject keyed as in the analysis), so they can be
       * exported in the very format the CSV analysis reads. Absent where results are pooled.
       */
      ratings: z
        .array(z.object({ rater: z.string(), subject: z.string(), dimension: z.string(), score: z.number() }))
        .optional(),
      /**
       * The panel's scores beside the reference scores of the answers that are bank examples.
       * Admins only: for the panel it is absent, so neither the reference scores nor which
       * answers are graded ever reach them.
       */
      referenceComparison: z.array(referenceComparisonSchema).optional(),
    }),
  ),
  /** Raters and subjects are shown by name and label, keyed the same as in the analysis. */
  raterNames: z.record(z.string(), z.string()),
  subjectLabels: z.record(z.string(), z.string()),
  comments: z.array(
    z.object({
      round: z.number().int(),
      rater: z.string(),
      itemId: z.string(),
      dimension: z.string(),
      comment: z.string(),
    }),
  ),
});
export type ExerciseResults = z.infer<typeof exerciseResultsSchema>;
