import { sessionCredentialSchema } from "@loopwright/schema";

export type SessionCredential = ReturnType<typeof sessionCredentialSchema.parse>;

/**
 * The one owner of peer-session credentials on this browser. A link's secret
 * (in the URL fragment) is traded once for a credential; the credential, who
 * it belongs to and when it expires live in localStorage, one entry per session.
 */

const PREFIX = "loopwright.peer-session.";

export interface StoredCredential extends SessionCredential {
  savedAt: string;
  /** Filled in once the room has been opened, for the "your sessions" list. */
  questionTitle?: string;
}

function parseStored(raw: unknown): StoredCredential | null {
  const parsed = sessionCredentialSchema.safeParse(raw);
  if (!parsed.success) return null;
  const extra = raw as { savedAt?: unknown; questionTitle?: unknown };
  return {
    ...parsed.data,
    savedAt: typeof extra.savedAt === "string" ? extra.savedAt : new Date(0).toISOString(),
    ...(typeof extra.questionTitle === "string" ? { questionTitle: extra.questionTitle } : {}),
  };
}

/** The part of `Storage` this module uses, so tests can pass an in-memory one. */
export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function browserStore(): KeyValueStore | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage can be blocked (private modes, strict settings).
    return null;
  }
}

/** Credentials kept for the page's life when localStorage is unavailable. */
const memory = new Map<string, StoredCredential>();

export function saveCredential(
  entry: Omit<StoredCredential, "savedAt"> & { savedAt?: string },
  store = browserStore(),
): StoredCredential {
  const stored: StoredCredential = { ...entry, savedAt: entry.savedAt ?? new Date().toISOString() };
  try {
    if (!store) throw new Error("no storage");
    store.setItem(PREFIX + stored.sessionId, JSON.stringify(stored));
  } catch {
    // Quota or privacy settings: an in-memory copy serves this page instead.
    memory.set(stored.sessionId, stored);
  }
  return stored;
}

function read(store: KeyValueStore | null, sessionId: string): StoredCredential | null {
  const raw = store?.getItem(PREFIX + sessionId);
  if (raw == null) return memory.get(sessionId) ?? null;
  try {
    const entry = parseStored(JSON.parse(raw));
    return entry && entry.sessionId === sessionId ? entry : null;
  } catch {
    return null;
  }
}

export type CredentialLookup =
  | { status: "missing" }
  | { status: "expired"; entry: StoredCredential }
  | { status: "active"; entry: StoredCredential };

export function loadCredential(
  sessionId: string,
  now = Date.now(),
  store = browserStore(),
): CredentialLookup {
  const entry = read(store, sessionId);
  if (!entry) return { status: "missing" };
  if (Date.parse(entry.expiresAt) <= now) return { status: "expired", entry };
  return { status: "active", entry };
}

export function rememberQuestionTitle(sessionId: string, title: string, store = browserStore()): void {
  const entry = read(store, sessionId);
  if (entry && entry.questionTitle !== title) saveCredential({ ...entry, questionTitle: title }, store);
}

export function forgetCredential(sessionId: string, store = browserStore()): void {
  memory.delete(sessionId);
  try {
    store?.removeItem(PREFIX + sessionId);
  } catch {
    // nothing to clean up
  }
}

/** Sessions joined on this browser whose credential is still valid, most recently joined first. */
export function listCredentials(now = Date.now(), store = browserStore()): StoredCredential[] {
  const found = new Map<string, StoredCredential>(memory);
  if (store) {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const entry = read(store, key.slice(PREFIX.length));
      if (entry) found.set(entry.sessionId, entry);
    }
  }
  return [...found.values()]
    .filter((e) => Date.parse(e.expiresAt) > now)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/* ───────────── links ───────────── */

/** The link a person opens to join: the secret rides in the fragment, which browsers never send to a server. */
export function joinLink(origin: string, token: string): string {
  return `${origin}/sessions/join#token=${encodeURIComponent(token)}`;
}

/** Reads the token from a fragment such as `#token=abc`; null when there is none. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const token = params.get("token")?.trim();
  return token ? token : null;
}

/* ───────────── one-shot hand-over of a fresh link ───────────── */

/**
 * After a role swap the new link is shown once on the next session's page.
 * It is handed over in memory (not in history state or storage), so the secret
 * is never written anywhere beyond the credential it was traded for.
 */
const freshLinks = new Map<string, string>();

export function handOverLink(sessionId: string, link: string): void {
  freshLinks.set(sessionId, link);
}

export function handedOverLink(sessionId: string): string | null {
  return freshLinks.get(sessionId) ?? null;
}

export function dismissHandedOverLink(sessionId: string): void {
  freshLinks.delete(sessionId);
}

/* ───────────── links the host issued during this visit ───────────── */

export interface IssuedLink {
  participantId: string;
  name: string;
  role: string;
  link: string;
}

/**
 * Only the hash of a link's secret is stored on the server, so a link can be
 * shown only by the page that created it. The host's page keeps the ones it
 * issued in memory for this visit (never in storage) so the room can show them.
 */
const issued = new Map<string, IssuedLink[]>();

export function rememberIssuedLink(sessionId: string, link: IssuedLink): void {
  const list = (issued.get(sessionId) ?? []).filter((l) => l.participantId !== link.participantId);
  issued.set(sessionId, [...list, link]);
}

export function issuedLinks(sessionId: string): IssuedLink[] {
  return issued.get(sessionId) ?? [];
}

export function forgetIssuedLink(sessionId: string, participantId: string): void {
  issued.set(
    sessionId,
    issuedLinks(sessionId).filter((l) => l.participantId !== participantId),
  );
}
