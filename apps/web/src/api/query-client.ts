import { QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "./client";

/** Retries after a failure that may pass on its own; the first attempt is not counted. */
const MAX_RETRIES = 2;
/** A Retry-After longer than this is left to the person: the error says how long to wait. */
const LONGEST_WAIT_MS = 10_000;

/**
 * Whether a failed query is worth asking again. Only a server that could not
 * be reached (status 0) or failed on its side (5xx) may answer differently a
 * moment later. A 4xx (not found, validation, a revoked credential, a rate
 * limit whose message says how long to wait) or a response this client cannot
 * read will not change by asking again, so it shows at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof ApiRequestError)) return false;
  if (error.code === "unexpected_response" || error.code === "client_chunk_missing") return false;
  return error.status === 0 || error.status >= 500;
}

/** A 503's Retry-After when the server sent a short one; otherwise 1 s, then 2 s. */
export function retryDelay(failureCount: number, error: unknown): number {
  const asked = error instanceof ApiRequestError ? error.retryAfterSeconds : undefined;
  if (asked !== undefined && asked * 1000 <= LONGEST_WAIT_MS) return asked * 1000;
  return Math.min(1000 * 2 ** failureCount, LONGEST_WAIT_MS);
}

/**
 * How long the question bank counts as current. The server loads the bank once
 * at start and serves it with ETags (`no-cache`), so asking again costs a 304;
 * five minutes spares even that on every page change, while a tab left open
 * over a redeploy still picks up the new bank.
 */
export const BANK_STALE_MS = 5 * 60_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        // Attempts, workspaces and sessions change under other people's hands: refetch on every visit.
        staleTime: 0,
        // Not on focus: a page that must stay current polls (refetchInterval), and the rest show
        // what they loaded, as they did before, rather than a background error after a tab switch.
        refetchOnWindowFocus: false,
      },
      // A write is not repeated behind the person's back: they see the error and decide.
      mutations: { retry: false },
    },
  });
}

/** The app's one cache; the router's loaders prefetch into it before a page's code has arrived. */
export const queryClient = createQueryClient();
