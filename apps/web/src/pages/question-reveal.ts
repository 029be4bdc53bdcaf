/**
 * Whether the question page shows its interviewer material (guide, rubric, red
 * flags, talking points, example answers), as the person last chose for that
 * question. Kept in localStorage under `loopwright.question.reveal.<id>`:
 * "shown" after "Show the interviewer material", "hidden" after hiding it again
 * (which also overrides the default of showing it once a practice attempt at
 * the question is scored). No entry means no choice was made.
 *
 * Storage can be blocked (private modes) or full: then the choice is kept in
 * memory for the life of the page, and nothing throws.
 */

export const REVEAL_KEY_PREFIX = "loopwright.question.reveal.";

export type RevealChoice = "shown" | "hidden";

/** The part of `Storage` this module uses, so tests can pass an in-memory one. */
export interface RevealStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const revealKey = (questionId: string) => `${REVEAL_KEY_PREFIX}${questionId}`;

function browserStorage(): RevealStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Reading `localStorage` itself throws when storage is blocked.
    return null;
  }
}

/** Choices that could not be written to storage, per question id. */
const memory = new Map<string, RevealChoice>();

const isChoice = (value: unknown): value is RevealChoice => value === "shown" || value === "hidden";

/** The remembered choice for this question, or null when none was made (or it cannot be read). */
export function readRevealChoice(
  questionId: string,
  storage: RevealStorage | null = browserStorage(),
): RevealChoice | null {
  // A copy in memory is there because the last write failed: it is newer than what storage holds.
  const remembered = memory.get(questionId);
  if (remembered) return remembered;
  if (!storage) return null;
  try {
    const stored = storage.getItem(revealKey(questionId));
    return isChoice(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Remembers the choice; false when only the in-memory copy could be kept. */
export function saveRevealChoice(
  questionId: string,
  choice: RevealChoice,
  storage: RevealStorage | null = browserStorage(),
): boolean {
  try {
    if (!storage) throw new Error("no storage");
    storage.setItem(revealKey(questionId), choice);
    memory.delete(questionId);
    return true;
  } catch {
    memory.set(questionId, choice);
    return false;
  }
}

/**
 * Shown or hidden: the person's own choice wins; without one, the material is
 * open once they have a completed practice attempt at the question.
 */
export function isRevealed(choice: RevealChoice | null, hasCompletedAttempt: boolean): boolean {
  return choice === null ? hasCompletedAttempt : choice === "shown";
}

/** For tests: forgets the in-memory copies. */
export function resetRevealMemory(): void {
  memory.clear();
}
