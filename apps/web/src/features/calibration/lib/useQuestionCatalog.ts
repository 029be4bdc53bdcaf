import type { Competency, QuestionSummary } from "@loopwright/schema";
import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { bankQueries } from "../../../api/bank-queries";

type Entry =
  | { status: "loading" }
  | { status: "ready"; questions: QuestionSummary[] }
  | { status: "error"; error: Error };

/**
 * Bank questions per competency (GET /api/questions?competency=…), fetched on
 * first use. A competency unticked again stays loaded, so a question picked
 * from it still shows its title.
 */
export function useQuestionsByCompetency(competencies: readonly Competency[]) {
  const [used, setUsed] = useState<readonly Competency[]>([]);
  const added = competencies.filter((c, i) => !used.includes(c) && competencies.indexOf(c) === i);
  // Adjusted while rendering (React's pattern for state derived from props): no render with a gap.
  if (added.length > 0) setUsed([...used, ...added]);
  const all = [...used, ...added];

  const results = useQueries({ queries: all.map((competency) => bankQueries.list({ competency })) });
  const entries = new Map<Competency, Entry>(
    all.map((competency, i) => {
      const result = results[i];
      const entry: Entry = result?.data
        ? { status: "ready", questions: result.data.questions }
        : result?.error
          ? { status: "error", error: result.error }
          : { status: "loading" };
      return [competency, entry];
    }),
  );

  const title = (id: string): string | undefined => {
    for (const entry of entries.values()) {
      if (entry.status === "ready") {
        const q = entry.questions.find((x) => x.id === id);
        if (q) return q.title;
      }
    }
    return undefined;
  };

  return { entries, title };
}
