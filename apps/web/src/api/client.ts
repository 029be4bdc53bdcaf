import type { Competency, Health, Question, QuestionList, QuestionListQuery } from "@loopwright/schema";
import { formatCount } from "../lib/format";

/** Anything with zod's `safeParse` shape; keeps this module free of a direct zod import. */
export interface Parser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

/**
 * A parser fetched on first use. This module is in the entry chunk (every page
 * fetches), and the shared schemas bring zod, about 30 KB gzip: loading them
 * on demand keeps them off the home page, which never needs them. Pages that
 * import a schema themselves already hold the module, so the import is free.
 */
export type LazyParser<T> = () => Promise<Parser<T>>;

const schemas = () => import("./validators");

/** A failed API call, carrying the server's own message when it sent one. */
export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";

  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** The server's machine-readable code (`ApiError.error`), or a client-side one. */
    readonly code: string,
    readonly issues: { path: string; message: string }[] = [],
    /** From a 429's or 503's Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface SendOptions extends RequestOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Sent as JSON when present. */
  body?: unknown;
  /** A bearer secret (practitioner key or workspace credential) for `Authorization`. */
  bearer?: string;
  /** Sent as-is with this content type instead of JSON (e.g. a CSV upload). */
  rawBody?: { contentType: string; text: string };
}

declare global {
  /**
   * Responses the route-preload script (apps/web/build/route-preload.ts) asked for before this
   * code arrived, by "METHOD path" (and the JSON body, for a POST); each is
   * taken once, by the first identical request, and never by a later one. A
   * global rather than a property of `window`: the client also runs outside a
   * browser (its tests run in Node), where there is no window.
   */
  var __loopwrightEarly: Map<string, Promise<Response>> | undefined;
}

/** The response the route-preload script already asked for, once: the request started before this code loaded. */
function takeEarlyResponse(key: string): Promise<Response> | undefined {
  const early = globalThis.__loopwrightEarly?.get(key);
  if (early) globalThis.__loopwrightEarly?.delete(key);
  return early;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/**
 * Every API call goes through here: JSON in and out, the server's ApiError
 * message surfaced as the thrown error, and the response checked against the
 * shared schema so a client/server mismatch is caught rather than rendered.
 */
export async function sendJson<T>(
  path: string,
  parser: Parser<T> | LazyParser<T>,
  options: SendOptions = {},
): Promise<T> {
  const { signal, method = "GET", body, bearer, rawBody } = options;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let payload: string | undefined;
  if (rawBody) {
    headers["Content-Type"] = rawBody.contentType;
    payload = rawBody.text;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  // A lazy parser loads while the request is in flight, not after it.
  const parserReady = typeof parser === "function" ? parser() : Promise.resolve(parser);
  // Its failure surfaces below, where it is awaited; until then it must not count as unhandled.
  parserReady.catch(() => {});
  let response: Response;
  try {
    // Only requests the script can make: no credential, JSON or no body.
    const early =
      !bearer && !rawBody && !signal?.aborted
        ? takeEarlyResponse(payload === undefined ? `${method} ${path}` : `${method} ${path} ${payload}`)
        : undefined;
    response = await (early ?? fetch(path, { method, headers, body: payload, signal }));
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiRequestError(
      "Could not reach the Loopwright server. Check that it is running and your connection is up, then try again.",
      0,
      "network_error",
    );
  }

  let answer: unknown;
  try {
    answer = await response.json();
  } catch (error) {
    if (isAbortError(error)) throw error;
    answer = undefined;
  }

  if (!response.ok) {
    const retryAfter = retryAfterSeconds(response.headers.get("retry-after"));
    const apiError = await parseApiError(answer);
    if (apiError.success) {
      throw new ApiRequestError(
        apiError.data.message,
        response.status,
        apiError.data.error,
        apiError.data.issues,
        retryAfter,
      );
    }
    if (response.status === 429) {
      // A proxy in front of us may limit too, without our JSON body.
      const wait = retryAfter ? `in ${formatCount(retryAfter, "second")}` : "in a minute";
      throw new ApiRequestError(
        `Too many requests from your address right now. Try again ${wait}.`,
        429,
        "rate_limited",
        [],
        retryAfter,
      );
    }
    const statusText = response.statusText ? ` ${response.statusText}` : "";
    throw new ApiRequestError(
      `The server answered ${response.status}${statusText} without an explanation.`,
      response.status,
      "http_error",
    );
  }

  const parsed = (await loadParser(parserReady, response.status)).safeParse(answer);
  if (!parsed.success) {
    throw new ApiRequestError(
      "The server sent a response this page does not understand. Reload the page; if it persists, the web client and server may be out of date with each other.",
      response.status,
      "unexpected_response",
    );
  }
  return parsed.data;
}

/** The server's ApiError body, when that is what came back; its schema loads only when a call fails. */
async function parseApiError(answer: unknown) {
  try {
    return (await schemas()).apiErrorSchema.safeParse(answer);
  } catch {
    // The schemas could not be fetched (offline, a deploy removed the chunk): fall back to the status.
    return { success: false as const };
  }
}

async function loadParser<T>(parserReady: Promise<Parser<T>>, status: number): Promise<Parser<T>> {
  try {
    return await parserReady;
  } catch {
    throw new ApiRequestError(
      "Part of this page could not be loaded. Check your connection and reload the page; after an update, a reload fetches the new version.",
      status,
      "client_chunk_missing",
    );
  }
}

/** Retry-After as seconds (the HTTP-date form too); undefined when absent or unreadable. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function getJson<T>(
  path: string,
  parser: Parser<T> | LazyParser<T>,
  options: RequestOptions = {},
): Promise<T> {
  return sendJson(path, parser, options);
}

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** How many questions the bank holds, in all and per competency. */
export interface QuestionCounts {
  total: number;
  byCompetency: ReadonlyMap<Competency, number>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/**
 * Checks by hand just the two fields of the question list that the counts use
 * (the total, and each question's competency), so the home page can show them
 * without the shared schemas. A competency this client does not know is
 * counted under its name and simply never looked up.
 */
const questionCountsParser: Parser<QuestionCounts> = {
  safeParse(input) {
    if (!isRecord(input) || !Number.isInteger(input.total) || !Array.isArray(input.questions)) {
      return { success: false };
    }
    const byCompetency = new Map<Competency, number>();
    for (const question of input.questions) {
      if (!isRecord(question) || typeof question.competency !== "string") return { success: false };
      const competency = question.competency as Competency;
      byCompetency.set(competency, (byCompetency.get(competency) ?? 0) + 1);
    }
    return { success: true, data: { total: input.total as number, byCompetency } };
  },
};

export const api = {
  health(options?: RequestOptions): Promise<Health> {
    return getJson("/api/health", async () => (await schemas()).healthSchema, options);
  },

  listQuestions(query: QuestionListQuery = {}, options?: RequestOptions): Promise<QuestionList> {
    return getJson(
      withQuery("/api/questions", { competency: query.competency, level: query.level, q: query.q }),
      async () => (await schemas()).questionListSchema,
      options,
    );
  },

  /** The home page's counts: the same request as listQuestions, without loading zod. */
  questionCounts(options?: RequestOptions): Promise<QuestionCounts> {
    return getJson("/api/questions", questionCountsParser, options);
  },

  getQuestion(id: string, options?: RequestOptions): Promise<Question> {
    return getJson(
      `/api/questions/${encodeURIComponent(id)}`,
      async () => (await schemas()).questionSchema,
      options,
    );
  },
};
