import type { Question } from "@loopwright/schema";
import { api } from "../../../api/client";
import { useApi } from "../../../lib/useApi";

/**
 * The full questions (rubrics included) behind a set of answers, keyed by id.
 * `data` is only set once every requested question is in it, so a change of
 * ids never shows a half-empty map for a render.
 */
export function useQuestions(ids: readonly string[]) {
  const unique = [...new Set(ids)].sort();
  const state = useApi(
    async (signal) => {
      const questions = await Promise.all(unique.map((id) => api.getQuestion(id, { signal })));
      return new Map<string, Question>(questions.map((q) => [q.id, q]));
    },
    [unique.join(",")],
  );
  const complete = state.data !== undefined && unique.every((id) => state.data?.has(id));
  return { ...state, data: complete ? state.data : undefined };
}
