import {
  type AnalysisWithFlags,
  analysisWithFlagsSchema,
  type CreateExerciseBody,
  type CsvColumnMapping,
  type CsvColumnsPreview,
  csvColumnsPreviewSchema,
  type Exercise,
  type ExerciseResults,
  exerciseResultsSchema,
  exerciseSchema,
  exerciseSummarySchema,
  type Loop,
  type LoopBody,
  loopSchema,
  type MemberSignIn,
  memberCreatedSchema,
  memberSignInSchema,
  type SaveScoresBody,
  type Scale,
  workspaceCreatedSchema,
  workspaceViewSchema,
} from "@loopwright/schema";
import { ApiRequestError, sendJson, withQuery } from "../../api/client";

/** Anything with zod's `safeParse` shape (the shared schemas), without importing zod here. */
interface Parser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

/** Parses `{ [key]: value }` with `parser` and answers the value alone. */
function field<T>(key: string, parser: Parser<T>): Parser<T> {
  return {
    safeParse(input) {
      if (input === null || typeof input !== "object" || !(key in input)) return { success: false };
      return parser.safeParse((input as Record<string, unknown>)[key]);
    },
  };
}

const okParser: Parser<true> = {
  safeParse: (input) =>
    input !== null && typeof input === "object" && (input as { ok?: unknown }).ok === true
      ? { success: true, data: true }
      : { success: false },
};

export type WorkspaceView = ReturnType<typeof workspaceViewSchema.parse>;
export type WorkspaceCreated = ReturnType<typeof workspaceCreatedSchema.parse>;
export type MemberCreated = ReturnType<typeof memberCreatedSchema.parse>;
export type ExerciseSummary = ReturnType<typeof exerciseSummarySchema.parse>;

const loopsParser = field("loops", loopSchema.array());
const exercisesParser = field("exercises", exerciseSummarySchema.array());

/**
 * A results request whose refusal is something the page explains rather than
 * a failure (409: no round revealed yet; 403: not the admin's to see): the
 * refusal comes back as the answer, and is cached as one.
 */
export function refusalAsAnswer<T>(
  request: Promise<T>,
  statuses: readonly number[],
): Promise<T | ApiRequestError> {
  return request.catch((error: unknown) => {
    if (error instanceof ApiRequestError && statuses.includes(error.status)) return error;
    throw error;
  });
}

/** The calls that need no workspace session: creating one, signing in with a link, CSV analysis. */
export const calibrationApi = {
  createWorkspace(body: { name: string; adminName: string }): Promise<WorkspaceCreated> {
    return sendJson("/api/workspaces", workspaceCreatedSchema, { method: "POST", body });
  },

  /** Swaps a link's secret (read from the URL fragment) for a session credential. */
  exchange(token: string): Promise<MemberSignIn> {
    return sendJson("/api/workspaces/sessions", memberSignInSchema, { method: "POST", body: { token } });
  },

  /** `columns` names the file's header for each column it does not name outright. */
  analyzeCsv(
    text: string,
    scale: Scale,
    columns: CsvColumnMapping = {},
    signal?: AbortSignal,
  ): Promise<AnalysisWithFlags> {
    return sendJson(
      withQuery("/api/calibration/analyze/csv", {
        min: String(scale.min),
        max: String(scale.max),
        ...columns,
      }),
      analysisWithFlagsSchema,
      { method: "POST", rawBody: { contentType: "text/csv", text }, signal },
    );
  },

  /** The header, first rows and guessed columns of a CSV, from its start (`text` may be cut short). */
  previewCsvColumns(text: string, signal?: AbortSignal): Promise<CsvColumnsPreview> {
    return sendJson("/api/calibration/analyze/csv/columns", csvColumnsPreviewSchema, {
      method: "POST",
      rawBody: { contentType: "text/csv", text },
      signal,
    });
  },
};

/** Every call inside one workspace, authorised by the session credential of its link. */
export function workspaceApi(workspaceId: string, credential: string) {
  const base = `/api/workspaces/${encodeURIComponent(workspaceId)}`;
  const bearer = credential;
  const id = encodeURIComponent;
  return {
    view: (signal?: AbortSignal): Promise<WorkspaceView> =>
      sendJson(base, workspaceViewSchema, { bearer, signal }),
    addMember: (name: string): Promise<MemberCreated> =>
      sendJson(`${base}/members`, memberCreatedSchema, { method: "POST", body: { name }, bearer }),
    reissueLink: (memberId: string): Promise<MemberCreated> =>
      sendJson(`${base}/members/${id(memberId)}/link`, memberCreatedSchema, { method: "POST", bearer }),
    revokeMember: (memberId: string): Promise<true> =>
      sendJson(`${base}/members/${id(memberId)}`, okParser, { method: "DELETE", bearer }),

    listLoops: (signal?: AbortSignal): Promise<Loop[]> =>
      sendJson(`${base}/loops`, loopsParser, { bearer, signal }),
    getLoop: (loopId: string, signal?: AbortSignal): Promise<Loop> =>
      sendJson(`${base}/loops/${id(loopId)}`, loopSchema, { bearer, signal }),
    createLoop: (body: LoopBody): Promise<Loop> =>
      sendJson(`${base}/loops`, loopSchema, { method: "POST", body, bearer }),
    updateLoop: (loopId: string, body: LoopBody): Promise<Loop> =>
      sendJson(`${base}/loops/${id(loopId)}`, loopSchema, { method: "PUT", body, bearer }),
    deleteLoop: (loopId: string): Promise<true> =>
      sendJson(`${base}/loops/${id(loopId)}`, okParser, { method: "DELETE", bearer }),
    loopResults: (loopId: string, signal?: AbortSignal): Promise<ExerciseResults> =>
      sendJson(`${base}/loops/${id(loopId)}/results`, exerciseResultsSchema, { bearer, signal }),

    listExercises: (signal?: AbortSignal): Promise<ExerciseSummary[]> =>
      sendJson(`${base}/exercises`, exercisesParser, { bearer, signal }),
    createExercise: (body: CreateExerciseBody): Promise<Exercise> =>
      sendJson(`${base}/exercises`, exerciseSchema, { method: "POST", body, bearer }),
    getExercise: (exerciseId: string, signal?: AbortSignal): Promise<Exercise> =>
      sendJson(`${base}/exercises/${id(exerciseId)}`, exerciseSchema, { bearer, signal }),
    saveScores: (exerciseId: string, body: SaveScoresBody): Promise<Exercise> =>
      sendJson(`${base}/exercises/${id(exerciseId)}/scores`, exerciseSchema, { method: "PUT", body, bearer }),
    setDue: (exerciseId: string, dueAt: string | null): Promise<Exercise> =>
      sendJson(`${base}/exercises/${id(exerciseId)}/due`, exerciseSchema, {
        method: "PUT",
        body: { dueAt },
        bearer,
      }),
    reveal: (exerciseId: string): Promise<Exercise> =>
      sendJson(`${base}/exercises/${id(exerciseId)}/reveal`, exerciseSchema, { method: "POST", bearer }),
    openRescore: (exerciseId: string): Promise<Exercise> =>
      sendJson(`${base}/exercises/${id(exerciseId)}/rounds`, exerciseSchema, { method: "POST", bearer }),
    results: (exerciseId: string, signal?: AbortSignal): Promise<ExerciseResults> =>
      sendJson(`${base}/exercises/${id(exerciseId)}/results`, exerciseResultsSchema, { bearer, signal }),
  };
}
export type WorkspaceApi = ReturnType<typeof workspaceApi>;
