import type { QuestionListQuery } from "@loopwright/schema";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client";
import { BANK_STALE_MS } from "./query-client";
import { queryKeys } from "./query-keys";

/**
 * The question bank's queries, for every page that reads it. They do not take
 * the query's abort signal: a bank answer is worth keeping even when the page
 * that asked has gone (the next page showing that question or list starts from
 * it), and a request the route-preload script or the route's loader started
 * must not be cancelled and asked again because React mounted a page twice.
 */
export const bankQueries = {
  counts: () =>
    queryOptions({
      queryKey: queryKeys.bank.counts(),
      queryFn: () => api.questionCounts(),
      staleTime: BANK_STALE_MS,
    }),

  list: (query: QuestionListQuery = {}) =>
    queryOptions({
      queryKey: queryKeys.bank.list(query),
      queryFn: () => api.listQuestions(query),
      staleTime: BANK_STALE_MS,
    }),

  question: (id: string) =>
    queryOptions({
      queryKey: queryKeys.bank.question(id),
      queryFn: () => api.getQuestion(id),
      staleTime: BANK_STALE_MS,
    }),
};
