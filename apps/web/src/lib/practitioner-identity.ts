/**
 * The practitioner key: the one module that reads and writes it (practice and
 * peer sessions both use it).
 *
 * Practice needs no account. The first time this browser practises, it asks the
 * server for a key and keeps it in localStorage; every practice call carries it
 * as `Authorization: Bearer <key>`. The personal link carries the key in the URL
 * fragment, which browsers never send to a server or put in a Referer header.
 */

export const KEY_STORAGE_NAME = "loopwright.practitionerKey";
/** The server issues 43 base64url characters; accept any plausible URL-safe token, refuse anything else. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;
export const CONTINUE_PATH = "/practice/continue";

export interface KeyStorage {
  getItem(name: string): string | null;
  setItem(name: string, value: string): void;
  removeItem(name: string): void;
}

let resolvedStorage: KeyStorage | null = null;

/** localStorage when the browser allows it; a memory store when it does not (e.g. storage disabled). */
export function defaultStorage(): KeyStorage {
  if (resolvedStorage) return resolvedStorage;
  try {
    const storage = window.localStorage;
    const probe = "loopwright.probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    resolvedStorage = storage;
  } catch {
    resolvedStorage = memoryStorage;
  }
  return resolvedStorage;
}

const memory = new Map<string, string>();
const memoryStorage: KeyStorage = {
  getItem: (name) => memory.get(name) ?? null,
  setItem: (name, value) => void memory.set(name, value),
  removeItem: (name) => void memory.delete(name),
};

export function isPlausibleKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

export function readStoredKey(storage: KeyStorage = defaultStorage()): string | null {
  const value = storage.getItem(KEY_STORAGE_NAME);
  return value && isPlausibleKey(value) ? value : null;
}

export function storeKey(key: string, storage: KeyStorage = defaultStorage()): void {
  if (!isPlausibleKey(key)) throw new Error("That is not a practitioner key.");
  storage.setItem(KEY_STORAGE_NAME, key);
  notify();
}

export function forgetKey(storage: KeyStorage = defaultStorage()): void {
  storage.removeItem(KEY_STORAGE_NAME);
  notify();
}

/** `${origin}/practice/continue#key=<key>`: the key lives only in the fragment. */
export function personalLink(origin: string, key: string): string {
  return `${origin.replace(/\/+$/, "")}${CONTINUE_PATH}#key=${encodeURIComponent(key)}`;
}

/** Reads `#key=<key>` (the fragment of a personal link); null when absent or malformed. */
export function keyFromFragment(hash: string): string | null {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  const value = new URLSearchParams(fragment).get("key")?.trim();
  return value && isPlausibleKey(value) ? value : null;
}

let pending: Promise<string> | null = null;

/**
 * The stored key, or a new one from the server on first use. Concurrent callers
 * (two components, React's strict-mode double effects) share one request, and a
 * key another tab stored meanwhile wins over the one just created.
 */
export function ensurePractitionerKey(
  create: () => Promise<string>,
  storage: KeyStorage = defaultStorage(),
): Promise<string> {
  const existing = readStoredKey(storage);
  if (existing) return Promise.resolve(existing);
  if (!pending) {
    pending = create()
      .then((created) => {
        const raced = readStoredKey(storage);
        if (raced) return raced;
        storeKey(created, storage);
        return created;
      })
      .finally(() => {
        pending = null;
      });
  }
  return pending;
}

/* A tiny subscription so every mounted component sees a key change (here or in another tab). */

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function subscribeToKey(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === KEY_STORAGE_NAME) listener();
  };
  if (typeof window !== "undefined") window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== "undefined") window.removeEventListener("storage", onStorage);
  };
}
