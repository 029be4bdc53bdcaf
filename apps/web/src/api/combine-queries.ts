import type { UseQueryResult } from "@tanstack/react-query";

/** Several queries a page shows together, as one: the shape of a single query's state. */
export type Combined<T extends readonly unknown[]> =
  | { status: "pending"; data: undefined; error: null; retry: () => void }
  | { status: "error"; data: undefined; error: Error; retry: () => void }
  | { status: "success"; data: T; error: null; retry: () => void };

type DataOf<Q> = Q extends UseQueryResult<infer D, Error> ? D : never;

/**
 * For `useQueries`' `combine`: the data once every query has it, so a page
 * never renders half of what it needs; the first error otherwise, with a retry
 * that asks again only for what failed. A query that already has data counts
 * as loaded even while it refetches, so a background refetch does not blank
 * the page.
 */
export function combineQueries<const Q extends readonly UseQueryResult<unknown, Error>[]>(
  results: Q,
): Combined<{ -readonly [K in keyof Q]: DataOf<Q[K]> }> {
  const retry = () => {
    for (const result of results) if (result.isError) void result.refetch();
  };
  const failed = results.find((result) => result.isError && result.data === undefined);
  if (failed?.error) return { status: "error", data: undefined, error: failed.error, retry };
  if (results.some((result) => result.data === undefined)) {
    return { status: "pending", data: undefined, error: null, retry };
  }
  const data = results.map((result) => result.data) as { -readonly [K in keyof Q]: DataOf<Q[K]> };
  return { status: "success", data, error: null, retry };
}
