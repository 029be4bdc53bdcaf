import { type CalibrationSession, sessionSchema } from "@loopwright/schema";

/**
 * The one owner of calibration sign-ins on this browser. A link's secret is
 * exchanged once for a session credential; the credential, who it belongs to
 * and when it expires are kept in localStorage, one entry per workspace.
 */

const PREFIX = "loopwright.calibration.session.";

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
    // Storage can be blocked (private modes, strict settings); sign-in then lasts for the page only.
    return null;
  }
}

export type StoredSession =
  | { status: "missing" }
  | { status: "expired"; session: CalibrationSession }
  | { status: "active"; session: CalibrationSession };

export function saveSession(session: CalibrationSession, store = browserStore()): boolean {
  if (!store) return false;
  try {
    store.setItem(PREFIX + session.workspace.id, JSON.stringify(session));
    return true;
  } catch {
    return false;
  }
}

function read(store: KeyValueStore, key: string): CalibrationSession | null {
  const raw = store.getItem(key);
  if (raw === null) return null;
  try {
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function loadSession(workspaceId: string, now = Date.now(), store = browserStore()): StoredSession {
  if (!store) return { status: "missing" };
  const session = read(store, PREFIX + workspaceId);
  if (!session || session.workspace.id !== workspaceId) return { status: "missing" };
  if (Date.parse(session.expiresAt) <= now) return { status: "expired", session };
  return { status: "active", session };
}

export function clearSession(workspaceId: string, store = browserStore()): void {
  store?.removeItem(PREFIX + workspaceId);
}

/** Active sign-ins on this browser, newest workspace first. */
export function listSessions(now = Date.now(), store = browserStore()): CalibrationSession[] {
  if (!store) return [];
  const sessions: CalibrationSession[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const session = read(store, key);
    if (session && Date.parse(session.expiresAt) > now) sessions.push(session);
  }
  return sessions.sort((a, b) => b.workspace.createdAt.localeCompare(a.workspace.createdAt));
}

/** The link a member opens to sign in: the secret rides in the fragment, which browsers never send. */
export function joinLink(origin: string, token: string): string {
  return `${origin}/calibration/join#token=${token}`;
}

/** Reads the token from a fragment such as `#token=abc`; null when there is none. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const token = params.get("token")?.trim();
  return token ? token : null;
}
