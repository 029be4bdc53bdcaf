import {
  type Attempt,
  type AttemptSummary,
  apiErrorSchema,
  attemptListSchema,
  attemptSchema,
  type CLOCK_ACTIONS,
  deletedSchema,
  practitionerCreatedSchema,
  type RoundChoice,
  type SaveAnswerBody,
  saveAnswerResultSchema,
} from "@loopwright/schema";
import { queryOptions } from "@tanstack/react-query";
import { ApiRequestError, isAbortError, sendJson } from "../../api/client";
import { queryKeys } from "../../api/query-keys";

/** Every call the practice journey makes. Each one carries the practitioner key as a bearer secret. */

export type ClockAction = (typeof CLOCK_ACTIONS)[number];
export type SaveAnswerResult = { applied: boolean; revision: number; savedAt: string | null };
export type ExportFormat = "json" | "markdown";

const attemptPath = (id: string, rest = "") => `/api/attempts/${encodeURIComponent(id)}${rest}`;

export const practiceApi = {
  async createPractitioner(): Promise<string> {
    return (await sendJson("/api/practitioners", practitionerCreatedSchema, { method: "POST" })).key;
  },

  async list(key: string, signal?: AbortSignal): Promise<AttemptSummary[]> {
    return (await sendJson("/api/attempts", attemptListSchema, { bearer: key, signal })).attempts;
  },

  get(key: string, id: string, signal?: AbortSignal): Promise<Attempt> {
    return sendJson(attemptPath(id), attemptSchema, { bearer: key, signal });
  },

  start(key: string, choice: RoundChoice): Promise<Attempt> {
    return sendJson("/api/attempts", attemptSchema, { method: "POST", bearer: key, body: choice });
  },

  startLoop(key: string, rounds: RoundChoice[]): Promise<Attempt> {
    return sendJson("/api/practice-loops", attemptSchema, { method: "POST", bearer: key, body: { rounds } });
  },

  beginRound(key: string, id: string): Promise<Attempt> {
    return sendJson(attemptPath(id, "/start"), attemptSchema, { method: "POST", bearer: key });
  },

  clock(key: string, id: string, action: ClockAction): Promise<Attempt> {
    return sendJson(attemptPath(id, "/clock"), attemptSchema, {
      method: "POST",
      bearer: key,
      body: { action },
    });
  },

  saveAnswer(key: string, id: string, body: SaveAnswerBody): Promise<SaveAnswerResult> {
    return sendJson(attemptPath(id, "/answer"), saveAnswerResultSchema, { method: "PUT", bearer: key, body });
  },

  submit(key: string, id: string, answer: SaveAnswerBody | undefined): Promise<Attempt> {
    return sendJson(attemptPath(id, "/submit"), attemptSchema, {
      method: "POST",
      bearer: key,
      body: answer ? { answer } : {},
    });
  },

  selfScore(key: string, id: string, scores: Record<string, number>, reflection: string): Promise<Attempt> {
    return sendJson(attemptPath(id, "/self-score"), attemptSchema, {
      method: "PUT",
      bearer: key,
      body: { scores, reflection },
    });
  },

  async remove(key: string, id: string): Promise<number> {
    return (await sendJson(attemptPath(id), deletedSchema, { method: "DELETE", bearer: key })).deleted;
  },

  async removeAll(key: string): Promise<number> {
    return (await sendJson("/api/attempts", deletedSchema, { method: "DELETE", bearer: key })).deleted;
  },

  /** The history as a file. Not JSON-parsed: the Markdown export is text, and the JSON one is kept byte for byte. */
  async exportHistory(key: string, format: ExportFormat): Promise<{ blob: Blob; filename: string }> {
    let response: Response;
    try {
      response = await fetch(`/api/attempts/export?format=${format}`, {
        headers: { Authorization: `Bearer ${key}` },
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new ApiRequestError(
        "Could not reach the Loopwright server. Check that it is running and your connection is up, then try again.",
        0,
        "network_error",
      );
    }
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => undefined);
      const parsed = apiErrorSchema.safeParse(body);
      throw parsed.success
        ? new ApiRequestError(parsed.data.message, response.status, parsed.data.error, parsed.data.issues)
        : new ApiRequestError(
            `The export failed with status ${response.status}.`,
            response.status,
            "http_error",
          );
    }
    const blob = await response.blob();
    return { blob, filename: exportFilename(response.headers.get("content-disposition"), format) };
  },
};

/** The file name the server suggests, or a sensible one when it suggests none. */
export function exportFilename(contentDisposition: string | null, format: ExportFormat): string {
  const match = contentDisposition?.match(/filename="?([^";]+)"?/i);
  const suggested = match?.[1]?.trim();
  if (suggested) return suggested;
  return `loopwright-history.${format === "markdown" ? "md" : "json"}`;
}

/** The practice reads, cached per practitioner key. */
export const practiceQueries = {
  attempts: (practitionerKey: string) =>
    queryOptions({
      queryKey: queryKeys.practice.attempts(practitionerKey),
      queryFn: ({ signal }) => practiceApi.list(practitionerKey, signal),
    }),

  /**
   * One attempt, with the offset of the server's clock at the moment it
   * arrived. The attempt page copies it into its own state and changes it from
   * there (the clock, the answer), so no copy is kept once the page has gone:
   * the next visit loads it afresh rather than showing a stale one first.
   */
  attempt: (practitionerKey: string, id: string) =>
    queryOptions({
      queryKey: queryKeys.practice.attempt(practitionerKey, id),
      queryFn: async ({ signal }) => {
        const attempt = await practiceApi.get(practitionerKey, id, signal);
        /** serverNow − local time at receipt: added to Date.now() to read the server's clock. */
        const offset = attempt.serverNow - Date.now();
        return { attempt, offset };
      },
      gcTime: 0,
    }),
};

/** True when the server no longer recognises the key (e.g. its database was reset). */
export function isUnknownKey(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401;
}
