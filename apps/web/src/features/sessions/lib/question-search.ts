import { COMPETENCY_LABELS, type QuestionSummary } from "@loopwright/schema";

/** Where a word is found says how much the question is about it: its title most, its competency least. */
const WEIGHTS = { title: 4, summary: 2, competency: 1 } as const;

function fields(q: QuestionSummary) {
  return {
    title: q.title.toLowerCase(),
    summary: q.summary.toLowerCase(),
    competency: COMPETENCY_LABELS[q.competency].toLowerCase(),
  };
}

/** A word counts twice where it starts a word ("spans" in "spans of control"), not inside one. */
function hit(text: string, word: string): number {
  const at = text.indexOf(word);
  if (at < 0) return 0;
  const startsWord = text.search(
    new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u"),
  );
  return startsWord >= 0 ? 2 : 1;
}

/**
 * The questions that contain every word of the query (in the title, the summary or the
 * competency), those about it first: a word in the title outranks the same word in a summary.
 * Ties keep the bank's order.
 */
export function searchQuestions<Q extends QuestionSummary>(questions: readonly Q[], query: string): Q[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...questions];
  return questions
    .map((q, index) => {
      const f = fields(q);
      let score = 0;
      for (const word of words) {
        const inTitle = hit(f.title, word);
        const inSummary = hit(f.summary, word);
        const inCompetency = hit(f.competency, word);
        if (inTitle + inSummary + inCompetency === 0) return null;
        score += inTitle * WEIGHTS.title + inSummary * WEIGHTS.summary + inCompetency * WEIGHTS.competency;
      }
      return { q, index, score };
    })
    .filter((entry): entry is { q: Q; index: number; score: number } => entry !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.q);
}
