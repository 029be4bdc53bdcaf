/**
 * Credentials this browser holds, one entry per thing signed in to (a peer
 * interview, a calibration workspace). A capability link's secret is traded
 * once for a credential; the credential, who it belongs to and when it expires
 * live in localStorage under `prefix + id`. When storage is blocked or full,
 * an in-memory copy keeps the sign-in for the life of the page.
 */

/** The part of `Storage` this module uses, so tests can pass an in-memory one. */
export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function browserStore(): KeyValueStore | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage can be blocked (private modes, strict settings).
    return null;
  }
}

export type CredentialLookup<T> =
  | { status: "missing" }
  | { status: "expired"; entry: T }
  | { status: "active"; entry: T };

export interface CredentialStoreOptions<T> {
  /** Storage key prefix; the entry's id follows it. */
  prefix: string;
  /** An older prefix whose entries are moved under `prefix` when read, so existing sign-ins survive a rename. */
  legacyPrefix?: string;
  /** A stored value as an entry, or null when it is not one (corrupt, or from an older shape). */
  parse: (value: unknown) => T | null;
  idOf: (entry: T) => string;
  expiresAt: (entry: T) => string;
  /** Listing order, newest first, by this sortable string. */
  sortKey: (entry: T) => string;
}

export interface CredentialStore<T> {
  /** Keeps the entry; false when only the in-memory copy could be kept. */
  save(entry: T, store?: KeyValueStore | null): boolean;
  load(id: string, now?: number, store?: KeyValueStore | null): CredentialLookup<T>;
  forget(id: string, store?: KeyValueStore | null): void;
  /** Entries that have not expired, newest first. */
  list(now?: number, store?: KeyValueStore | null): T[];
}

export function credentialStore<T>(options: CredentialStoreOptions<T>): CredentialStore<T> {
  const { prefix, legacyPrefix, parse, idOf, expiresAt, sortKey } = options;
  const memory = new Map<string, T>();
  const isActive = (entry: T, now: number) => Date.parse(expiresAt(entry)) > now;

  function readKey(store: KeyValueStore, key: string, id: string): T | null {
    let raw: string | null;
    try {
      raw = store.getItem(key);
    } catch {
      return null;
    }
    if (raw === null) return null;
    try {
      const entry = parse(JSON.parse(raw));
      return entry && idOf(entry) === id ? entry : null;
    } catch {
      return null;
    }
  }

  function write(store: KeyValueStore | null, entry: T): boolean {
    try {
      if (!store) throw new Error("no storage");
      store.setItem(prefix + idOf(entry), JSON.stringify(entry));
      memory.delete(idOf(entry));
      return true;
    } catch {
      // Quota or privacy settings: an in-memory copy serves this page instead.
      memory.set(idOf(entry), entry);
      return false;
    }
  }

  function read(store: KeyValueStore | null, id: string): T | null {
    if (!store) return memory.get(id) ?? null;
    const current = readKey(store, prefix + id, id);
    if (current) return current;
    if (legacyPrefix) {
      const legacy = readKey(store, legacyPrefix + id, id);
      if (legacy) {
        if (write(store, legacy)) store.removeItem(legacyPrefix + id);
        return legacy;
      }
    }
    return memory.get(id) ?? null;
  }

  function storedIds(store: KeyValueStore): string[] {
    const ids: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(prefix)) ids.push(key.slice(prefix.length));
      else if (legacyPrefix && key?.startsWith(legacyPrefix)) ids.push(key.slice(legacyPrefix.length));
    }
    return ids;
  }

  return {
    save: (entry, store = browserStore()) => write(store, entry),

    load(id, now = Date.now(), store = browserStore()) {
      const entry = read(store, id);
      if (!entry) return { status: "missing" };
      return isActive(entry, now) ? { status: "active", entry } : { status: "expired", entry };
    },

    forget(id, store = browserStore()) {
      memory.delete(id);
      try {
        store?.removeItem(prefix + id);
        if (legacyPrefix) store?.removeItem(legacyPrefix + id);
      } catch {
        // nothing to clean up
      }
    },

    list(now = Date.now(), store = browserStore()) {
      const found = new Map<string, T>(memory);
      // Reading migrates legacy keys, which would shift indexes mid-loop: collect the ids first.
      for (const id of store ? storedIds(store) : []) {
        const entry = read(store, id);
        if (entry) found.set(idOf(entry), entry);
      }
      return [...found.values()]
        .filter((entry) => isActive(entry, now))
        .sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
    },
  };
}

/* ───────────── capability links ───────────── */

/** A link that signs its opener in: the secret rides in the fragment, which browsers never send to a server. */
export function capabilityLink(origin: string, path: string, token: string): string {
  return `${origin}${path}#token=${encodeURIComponent(token)}`;
}

/** Reads the token from a fragment such as `#token=abc`; null when there is none. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const token = params.get("token")?.trim();
  return token ? token : null;
}
