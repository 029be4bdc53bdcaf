import { COMPETENCIES, COMPETENCY_LABELS, type Competency } from "@loopwright/schema";

/** What the suggestion needs of a bank question and of a past attempt. */
export interface SuggestableQuestion {
  id: string;
  title: string;
  competency: Competency;
}
export interface PastAttempt {
  questionId: string;
  competency: Competency;
  createdAt: string;
}

export interface Suggestion {
  question: SuggestableQuestion;
  /** Why this one, in a sentence the review shows beside it. */
  reason: string;
}

/**
 * The question to practise next after finishing `currentId`: one not yet
 * practised from the competency practised least (never practised first), so
 * the practice spreads over the whole loop; when every question of the
 * competencies with fresh questions has been done, the question practised
 * longest ago. Ties go to the bank's competency order, then the bank's order.
 * Null when the bank holds nothing else.
 */
export function suggestNextQuestion(
  questions: readonly SuggestableQuestion[],
  attempts: readonly PastAttempt[],
  currentId: string,
): Suggestion | null {
  const perCompetency = new Map<Competency, number>();
  const lastPractised = new Map<string, string>();
  for (const a of attempts) {
    perCompetency.set(a.competency, (perCompetency.get(a.competency) ?? 0) + 1);
    const seen = lastPractised.get(a.questionId);
    if (seen === undefined || a.createdAt > seen) lastPractised.set(a.questionId, a.createdAt);
  }
  const others = questions.filter((q) => q.id !== currentId);
  const fresh = others.filter((q) => !lastPractised.has(q.id));

  if (fresh.length > 0) {
    const rank = (q: SuggestableQuestion) => perCompetency.get(q.competency) ?? 0;
    const order = (q: SuggestableQuestion) => COMPETENCIES.indexOf(q.competency);
    const best = fresh.reduce((a, b) =>
      rank(b) < rank(a) || (rank(b) === rank(a) && order(b) < order(a)) ? b : a,
    );
    const count = rank(best);
    const label = COMPETENCY_LABELS[best.competency];
    const reason =
      count === 0
        ? `${label}: a round you have not practised yet.`
        : `${label}: the round you have practised least (${count === 1 ? "once" : `${count} times`}), with a question new to you.`;
    return { question: best, reason };
  }

  const stalest = others.reduce<SuggestableQuestion | null>((a, b) => {
    if (a === null) return b;
    return (lastPractised.get(b.id) ?? "") < (lastPractised.get(a.id) ?? "") ? b : a;
  }, null);
  return stalest
    ? { question: stalest, reason: "You have practised every question; this is the one you did longest ago." }
    : null;
}
