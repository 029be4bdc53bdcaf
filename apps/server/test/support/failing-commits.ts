import type {
  PeerChange,
  PeerChangeRecord,
  PeerParticipantRecord,
  PeerSessionRecord,
  PeerSessionRepository,
} from "../../src/storage/store.js";

/** What a disk that fills up, or a database that goes away mid-commit, looks like to the room. */
export class StorageDownError extends Error {
  override name = "StorageDownError";
}

/**
 * A real session repository (SQLite or PostgreSQL) whose commits can be made
 * to fail: everything else, and every commit while `failing` is false, goes
 * to the repository it wraps. Tests of what a room does when storage refuses
 * a write use it instead of a mock, so all that is fake is the failure.
 */
export class FailingCommitRepository implements PeerSessionRepository {
  failing = false;
  /** Commits refused so far. */
  refused = 0;

  constructor(private readonly inner: PeerSessionRepository) {}

  async commitChange(change: PeerChange): Promise<void> {
    if (this.failing) {
      this.refused += 1;
      throw new StorageDownError(`The commit of session ${change.sessionId} at seq ${change.seq} failed.`);
    }
    return this.inner.commitChange(change);
  }

  createSession(
    session: PeerSessionRecord,
    participants: { participant: PeerParticipantRecord; tokenHash: string }[],
  ): Promise<void> {
    return this.inner.createSession(session, participants);
  }
  getSession(id: string): Promise<PeerSessionRecord | null> {
    return this.inner.getSession(id);
  }
  listParticipants(sessionId: string): Promise<PeerParticipantRecord[]> {
    return this.inner.listParticipants(sessionId);
  }
  addParticipant(participant: PeerParticipantRecord, tokenHash: string): Promise<void> {
    return this.inner.addParticipant(participant, tokenHash);
  }
  revokeParticipant(sessionId: string, participantId: string, at: string): Promise<boolean> {
    return this.inner.revokeParticipant(sessionId, participantId, at);
  }
  rotateParticipantToken(participantId: string, tokenHash: string): Promise<void> {
    return this.inner.rotateParticipantToken(participantId, tokenHash);
  }
  reissueParticipantLink(
    sessionId: string,
    participantId: string,
    tokenHash: string,
    at: string,
  ): Promise<PeerParticipantRecord | null> {
    return this.inner.reissueParticipantLink(sessionId, participantId, tokenHash, at);
  }
  findReplacedSecret(secretHash: string): Promise<string | null> {
    return this.inner.findReplacedSecret(secretHash);
  }
  findParticipantByTokenHash(tokenHash: string): Promise<PeerParticipantRecord | null> {
    return this.inner.findParticipantByTokenHash(tokenHash);
  }
  findParticipantByPrevious(
    sessionId: string,
    previousParticipantId: string,
  ): Promise<PeerParticipantRecord | null> {
    return this.inner.findParticipantByPrevious(sessionId, previousParticipantId);
  }
  createCredential(credentialHash: string, participantId: string, expiresAt: string): Promise<void> {
    return this.inner.createCredential(credentialHash, participantId, expiresAt);
  }
  findCredentialParticipant(credentialHash: string, now: string): Promise<PeerParticipantRecord | null> {
    return this.inner.findCredentialParticipant(credentialHash, now);
  }
  findOp(sessionId: string, participantId: string, opId: string): Promise<number | null> {
    return this.inner.findOp(sessionId, participantId, opId);
  }
  changesAfter(sessionId: string, afterSeq: number, limit: number): Promise<PeerChangeRecord[]> {
    return this.inner.changesAfter(sessionId, afterSeq, limit);
  }
  snapshotAtOrBefore(sessionId: string, seq: number): Promise<{ seq: number; state: unknown } | null> {
    return this.inner.snapshotAtOrBefore(sessionId, seq);
  }
}
