import { clearDrafts, clearDraft as clearStoredDraft, type DraftStorage } from "../../../lib/autosave";

/**
 * Where the answer pad keeps each attempt's draft on this device. The saving
 * itself is the shared autosave (lib/autosave); only the names are practice's.
 */

const DRAFT_PREFIX = "loopwright.practice.draft.";

export function draftStorageName(attemptId: string): string {
  return `${DRAFT_PREFIX}${attemptId}`;
}

export function clearDraft(storage: DraftStorage, attemptId: string): void {
  clearStoredDraft(storage, draftStorageName(attemptId));
}

/** Removes every practice draft (after "delete all history"). */
export function clearAllDrafts(
  storage: DraftStorage & { readonly length: number; key(i: number): string | null },
): void {
  clearDrafts(storage, DRAFT_PREFIX);
}
