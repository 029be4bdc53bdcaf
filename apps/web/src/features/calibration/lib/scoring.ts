import type { Exercise, SaveScoresBody } from "@loopwright/schema";

/**
 * An interviewer's draft for the current round: a score and comment per
 * answer × rubric dimension. Only scored entries are sent to the server; a
 * comment typed before its score waits in the draft until the score is chosen.
 */

export interface DraftEntry {
  score: number | null;
  comment: string;
}
export type Draft = ReadonlyMap<string, DraftEntry>;

export const draftKey = (itemId: string, dimension: string) => JSON.stringify([itemId, dimension]);

export function draftFromScores(scores: Exercise["myScores"]): Map<string, DraftEntry> {
  return new Map(
    scores.map((s) => [draftKey(s.itemId, s.dimension), { score: s.score, comment: s.comment }]),
  );
}

export function updateDraft(
  draft: Draft,
  itemId: string,
  dimension: string,
  change: Partial<DraftEntry>,
): Draft {
  const key = draftKey(itemId, dimension);
  const next = new Map(draft);
  next.set(key, { score: null, comment: "", ...draft.get(key), ...change });
  return next;
}

export function draftEntries(draft: Draft): SaveScoresBody["scores"] {
  const entries: SaveScoresBody["scores"] = [];
  for (const [key, entry] of draft) {
    if (entry.score === null) continue;
    const [itemId, dimension] = JSON.parse(key) as [string, string];
    entries.push({ itemId, dimension, score: entry.score, comment: entry.comment.trim() });
  }
  return entries;
}

/** The answer × dimension pairs a panel member must score, in reading order. */
export function requiredPairs(
  items: readonly { id: string; questionId: string }[],
  dimensionsOf: (questionId: string) => readonly string[] | undefined,
): { itemId: string; dimension: string }[] {
  return items.flatMap((item) =>
    (dimensionsOf(item.questionId) ?? []).map((dimension) => ({ itemId: item.id, dimension })),
  );
}

export function completion(draft: Draft, required: readonly { itemId: string; dimension: string }[]) {
  const missing = required.filter(
    (p) => (draft.get(draftKey(p.itemId, p.dimension))?.score ?? null) === null,
  );
  return { scored: required.length - missing.length, required: required.length, missing };
}
