import type { Question } from "@loopwright/schema";
import { useQueries } from "@tanstack/react-query";
import { bankQueries } from "../../../api/bank-queries";
import { combineQueries } from "../../../api/combine-queries";

/**
 * The full questions (rubrics included) behind a set of answers, keyed by id.
 * `data` is only set once every requested question is in it, so a change of
 * ids never shows a half-empty map for a render.
 */
export function useQuestions(ids: readonly string[]) {
  const unique = [...new Set(ids)].sort();
  return useQueries({
    queries: unique.map((id) => bankQueries.question(id)),
    combine: (results) => {
      const combined = combineQueries(results);
      return combined.status === "success"
        ? { ...combined, data: new Map<string, Question>(combined.data.map((q) => [q.id, q])) }
        : combined;
    },
  });
}
