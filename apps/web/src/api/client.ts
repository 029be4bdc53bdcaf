import {
  apiErrorSchema,
  type Health,
  healthSchema,
  type Question,
  type QuestionList,
  type QuestionListQuery,
  questionListSchema,
  questionSchema,
} from "@loopwright/schema";

/** Anything with zod's `safeParse` shape; keeps this module free of a direct zod import. */
interface Parser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

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

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/**
 * Every API call goes through here: JSON in and out, the server's ApiError
 * message surfaced as the thrown error, and the response checked against the
 * shared schema so a client/server mismatch is caught rather than rendered.
 */
export async function sendJson<T>(path: string, parser: Parser<T>, options: SendOptions = {}): Promise<T> {
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
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, signal });
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
    const apiError = apiErrorSchema.safeParse(answer);
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
      const wait = retryAfter ? `in ${retryAfter} second${retryAfter === 1 ? "" : "s"}` : "in a minute";
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

  const parsed = parser.safeParse(answer);
  if (!parsed.success) {
    throw new ApiRequestError(
      "The server sent a response this page does not understand. Reload the page; if it persists, the web client and server may be out of date with each other.",
      response.status,
      "unexpected_response",
    );
  }
  return parsed.data;
}

/** Retry-After as seconds (the HTTP-date form too); undefined when absent or unreadable. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function getJson<T>(path: string, parser: Parser<T>, options: RequestOptions = {}): Promise<T> {
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

export const api = {
  health(options?: RequestOptions): Promise<Health> {
    return getJson("/api/health", healthSchema, options);
  },

  listQuestions(query: QuestionListQuery = {}, options?: RequestOptions): Promise<QuestionList> {
    return getJson(
      withQuery("/api/questions", { competency: query.competency, level: query.level, q: query.q }),
      questionListSchema,
      options,
    );
  },

  getQuestion(id: string, options?: RequestOptions): Promise<Question> {
    return getJson(`/api/questions/${encodeURIComponent(id)}`, questionSchema, options);
  },
};
