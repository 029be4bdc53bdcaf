import type { DraftStore, Revisioned } from "./autosave-queue";

/**
 * Text drafts kept in browser storage, one entry per thing being written, so a
 * reload, a dropped connection or a server restart loses nothing typed.
 */

export interface DraftStorage {
  getItem(name: string): string | null;
  setItem(name: string, value: string): void;
  removeItem(name: string): void;
}

export function readDraft(storage: DraftStorage, name: string): Revisioned<string> | null {
  let raw: string | null;
  try {
    raw = storage.getItem(name);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { text?: unknown; revision?: unknown } | null;
    if (
      typeof value?.text === "string" &&
      typeof value.revision === "number" &&
      Number.isInteger(value.revision) &&
      value.revision >= 0
    ) {
      return { value: value.text, revision: value.revision };
    }
  } catch {
    // A corrupt draft is no draft.
  }
  return null;
}

/** Returns false when storage refused the write (quota, disabled storage). */
export function writeDraft(storage: DraftStorage, name: string, draft: Revisioned<string>): boolean {
  try {
    // Stored as {text, revision}, the shape drafts have always had on people's devices.
    storage.setItem(name, JSON.stringify({ text: draft.value, revision: draft.revision }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage, name: string): void {
  try {
    storage.removeItem(name);
  } catch {
    // Nothing to do: the draft simply stays.
  }
}

/** Removes every draft whose name starts with `prefix`. */
export function clearDrafts(
  storage: DraftStorage & { readonly length: number; key(i: number): string | null },
  prefix: string,
): void {
  const names: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name?.startsWith(prefix)) names.push(name);
  }
  for (const name of names) storage.removeItem(name);
}

/** One draft in storage, as the autosave queue keeps it. */
export function textDrafts(storage: DraftStorage, name: string): DraftStore<string> {
  return {
    read: () => readDraft(storage, name),
    write: (draft) => writeDraft(storage, name, draft),
    clear: () => clearDraft(storage, name),
  };
}
