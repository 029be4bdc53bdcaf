import type { QuestionListQuery } from "@loopwright/schema";

/**
 * Every query key the app uses, in one place, so a page that invalidates after
 * a write names exactly what another page reads. Keys are nested: invalidating
 * a prefix (a workspace, an exercise) refreshes everything under it, e.g. an
 * exercise's results with the exercise.
 *
 * A secret that decides what the server answers (a practitioner key, a
 * workspace or session credential) is part of the key, so a sign-in as someone
 * else never sees the previous person's cached answers. Keys live only in
 * memory.
 */
export const queryKeys = {
  bank: {
    all: ["bank"] as const,
    /** The home page's counts: the same request as an unfiltered list, read without the schemas. */
    counts: () => ["bank", "counts"] as const,
    list: (query: QuestionListQuery = {}) => ["bank", "list", listFilters(query)] as const,
    question: (id: string) => ["bank", "question", id] as const,
  },

  practice: {
    all: (practitionerKey: string) => ["practice", practitionerKey] as const,
    attempts: (practitionerKey: string) => ["practice", practitionerKey, "attempts"] as const,
    attempt: (practitionerKey: string, id: string) => ["practice", practitionerKey, "attempt", id] as const,
  },

  workspace: (workspaceId: string, credential: string) => {
    const all = ["workspace", workspaceId, credential] as const;
    return {
      all,
      view: [...all, "view"] as const,
      loops: [...all, "loops"] as const,
      loop: (loopId: string) => [...all, "loop", loopId] as const,
      loopResults: (loopId: string) => [...all, "loop", loopId, "results"] as const,
      exercises: [...all, "exercises"] as const,
      exercise: (exerciseId: string) => [...all, "exercise", exerciseId] as const,
      exerciseResults: (exerciseId: string) => [...all, "exercise", exerciseId, "results"] as const,
    };
  },

  session: {
    /** Everyone with a link; without `roster`, the prefix of every version (for invalidation). */
    participants: (sessionId: string, credential: string, roster?: string) =>
      roster === undefined
        ? (["session", sessionId, credential, "participants"] as const)
        : (["session", sessionId, credential, "participants", roster] as const),
    /** `scorecards` is how many interviewers have submitted: each new one asks again. */
    agreement: (sessionId: string, credential: string, scorecards: number) =>
      ["session", sessionId, credential, "agreement", scorecards] as const,
  },
};

export type WorkspaceKeys = ReturnType<typeof queryKeys.workspace>;

/**
 * The filters as the request sends them (withQuery drops empty values), so `{}`
 * and `{ q: "" }` share one cache entry and one request.
 */
function listFilters({ competency, level, q }: QuestionListQuery) {
  return { competency: competency ?? null, level: level ?? null, q: q || null };
}
