import { sessionCredentialSchema } from "@loopwright/schema";
import {
  browserStore,
  capabilityLink,
  credentialStore,
  type KeyValueStore,
  type CredentialLookup as Lookup,
} from "../../../lib/credential-store";

export type { KeyValueStore } from "../../../lib/credential-store";
export { tokenFromHash } from "../../../lib/credential-store";

export type SessionCredential = ReturnType<typeof sessionCredentialSchema.parse>;

/**
 * Peer-interview credentials on this browser, one per session, kept by the
 * shared credential store. A link's secret (in the URL fragment) is traded once
 * for a credential.
 */

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

const credentials = credentialStore<StoredCredential>({
  prefix: "loopwright.peer-session.",
  parse: parseStored,
  idOf: (entry) => entry.sessionId,
  expiresAt: (entry) => entry.expiresAt,
  // "Your sessions" lists the most recently joined first.
  sortKey: (entry) => entry.savedAt,
});

export type CredentialLookup = Lookup<StoredCredential>;

export const { load: loadCredential, forget: forgetCredential, list: listCredentials } = credentials;

export function saveCredential(
  entry: Omit<StoredCredential, "savedAt"> & { savedAt?: string },
  store: KeyValueStore | null = browserStore(),
): StoredCredential {
  const stored: StoredCredential = { ...entry, savedAt: entry.savedAt ?? new Date().toISOString() };
  credentials.save(stored, store);
  return stored;
}

export function rememberQuestionTitle(
  sessionId: string,
  title: string,
  store: KeyValueStore | null = browserStore(),
): void {
  const found = credentials.load(sessionId, Date.now(), store);
  if (found.status !== "missing" && found.entry.questionTitle !== title) {
    credentials.save({ ...found.entry, questionTitle: title }, store);
  }
}

/** The link a person opens to join a session. */
export function joinLink(origin: string, token: string): string {
  return capabilityLink(origin, "/sessions/join", token);
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

/* ───────────── links the host created, kept on this browser ───────────── */

export interface IssuedLink {
  participantId: string;
  name: string;
  role: string;
  link: string;
  /** When this browser received the link (created or re-issued). */
  issuedAt?: string;
}

/**
 * The server keeps only the hash of each link's secret, so a leaked database
 * cannot leak live links; the one place a link can be shown again is the
 * host's browser that received it. It keeps every link it created or
 * re-issued, per session, in localStorage beside the host's credential (an
 * in-memory copy when storage is blocked or full), so a reload loses none.
 */
const LINKS_PREFIX = "loopwright.peer-session-links.";
const memoryLinks = new Map<string, IssuedLink[]>();

function parseLinks(raw: unknown): IssuedLink[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const l = item as Partial<IssuedLink> | null;
    return l &&
      typeof l.participantId === "string" &&
      typeof l.name === "string" &&
      typeof l.role === "string" &&
      typeof l.link === "string"
      ? [
          {
            participantId: l.participantId,
            name: l.name,
            role: l.role,
            link: l.link,
            ...(typeof l.issuedAt === "string" ? { issuedAt: l.issuedAt } : {}),
          },
        ]
      : [];
  });
}

export function issuedLinks(sessionId: string, store: KeyValueStore | null = browserStore()): IssuedLink[] {
  const remembered = memoryLinks.get(sessionId);
  if (remembered) return remembered;
  try {
    const raw = store?.getItem(LINKS_PREFIX + sessionId);
    return raw ? parseLinks(JSON.parse(raw)) : [];
  } catch {
    return [];
  }
}

function keepLinks(sessionId: string, links: IssuedLink[], store: KeyValueStore | null): void {
  try {
    if (!store) throw new Error("no storage");
    if (links.length === 0) store.removeItem(LINKS_PREFIX + sessionId);
    else store.setItem(LINKS_PREFIX + sessionId, JSON.stringify(links));
    memoryLinks.delete(sessionId);
  } catch {
    memoryLinks.set(sessionId, links);
  }
}

/** Keeps a link this browser received; a re-issued one replaces the same person's old one. */
export function rememberIssuedLink(
  sessionId: string,
  link: IssuedLink,
  store: KeyValueStore | null = browserStore(),
): void {
  const others = issuedLinks(sessionId, store).filter((l) => l.participantId !== link.participantId);
  keepLinks(sessionId, [...others, { ...link, issuedAt: link.issuedAt ?? new Date().toISOString() }], store);
}

export function forgetIssuedLink(
  sessionId: string,
  participantId: string,
  store: KeyValueStore | null = browserStore(),
): void {
  keepLinks(
    sessionId,
    issuedLinks(sessionId, store).filter((l) => l.participantId !== participantId),
    store,
  );
}

export function forgetIssuedLinks(sessionId: string, store: KeyValueStore | null = browserStore()): void {
  keepLinks(sessionId, [], store);
}
