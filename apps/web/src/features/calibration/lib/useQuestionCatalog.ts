import type { Competency, QuestionSummary } from "@loopwright/schema";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../../../api/client";

type Entry =
  | { status: "loading" }
  | { status: "ready"; questions: QuestionSummary[] }
  | { status: "error"; error: Error };

/**
 * Bank questions per competency (GET /api/questions?competency=…), fetched on
 * first use and kept for the page's lifetime.
 */
export function useQuestionsByCompetency(competencies: readonly Competency[]) {
  const [entries, setEntries] = useState<ReadonlyMap<Competency, Entry>>(new Map());
  const requested = useRef(new Set<Competency>());

  const load = useCallback((competency: Competency) => {
    requested.current.add(competency);
    setEntries((prev) => new Map(prev).set(competency, { status: "loading" }));
    api.listQuestions({ competency }).then(
      (list) =>
        setEntries((prev) => new Map(prev).set(competency, { status: "ready", questions: list.questions })),
      (error: unknown) =>
        setEntries((prev) =>
          new Map(prev).set(competency, {
            status: "error",
            error: error instanceof Error ? error : new Error(String(error)),
          }),
        ),
    );
  }, []);

  const key = [...new Set(competencies)].sort().join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the set of competencies
  useEffect(() => {
    for (const c of new Set(competencies)) if (!requested.current.has(c)) load(c);
  }, [key, load]);

  const title = (id: string): string | undefined => {
    for (const entry of entries.values()) {
      if (entry.status === "ready") {
        const q = entry.questions.find((x) => x.id === id);
        if (q) return q.title;
      }
    }
    return undefined;
  };

  return { entries, title, retry: load };
}
