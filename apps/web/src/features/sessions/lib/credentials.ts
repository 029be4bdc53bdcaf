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
