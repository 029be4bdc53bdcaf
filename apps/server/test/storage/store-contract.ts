import { beforeEach, describe, expect, it } from "vitest";
import {
  type AttemptRecord,
  type PeerParticipantRecord,
  SequenceConflictError,
  type Store,
} from "../../src/storage/store.js";

/**
 * The storage contract, one suite for every backend. Titles cite the rule ids
 * of apps/server/src/storage/CONTRACT.md. `open` gives a fresh, empty store.
 */
export function registerStoreContractTests(backend: string, open: () => Promise<Store>): void {
  describe(`the ${backend} store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      return () => store.close();
    });

    const participant = (id: string, sessionId = "s1"): PeerParticipantRecord => ({
      id,
      sessionId,
      name: id,
      role: id === "host" ? "host" : "candidate",
      createdAt: "2026-01-01T00:00:00.000Z",
      revokedAt: null,
      previousParticipantId: null,
    });

    async function session(id = "s1") {
      await store.sessions.createSession(
        {
          id,
          questionId: "q1",
          state: { version: 1, n: 0 },
          seq: 0,
          snapshotSeq: 0,
          createdAt: "2026-01-01T00:00:00.000Z",
          expiresAt: "2099-01-01T00:00:00.000Z",
          previousSessionId: null,
        },
        [
          { participant: participant("host", id), tokenHash: `host-${id}` },
          { participant: participant("cand", id), tokenHash: `cand-${id}` },
        ],
      );
    }

    const change = (expectedSeq: number, n: number, opId: string | null = null) => ({
      sessionId: "s1",
      expectedSeq,
      seq: expectedSeq + 1,
      change: { kind: "note", diff: { n: { set: n } } },
      snapshot: (expectedSeq + 1) % 2 === 0 ? { version: 1, n } : null,
      op: opId ? { participantId: "host", opId } : null,
    });

    describe("peer sessions", () => {
      it("S-SEQ-1: commits a change only from the sequence number it was computed from", async () => {
        await session();
        await store.sessions.commitChange(change(0, 1));
        await expect(store.sessions.commitChange(change(0, 99))).rejects.toBeInstanceOf(
          SequenceConflictError,
        );
        const saved = await store.sessions.getSession("s1");
        expect(saved?.seq).toBe(1);
        expect(await store.sessions.changesAfter("s1", 0, 10)).toEqual([
          { seq: 1, kind: "note", diff: { n: { set: 1 } } },
        ]);
      });

      it("S-SEQ-2: of two writers racing for the same seq, exactly one commits and nothing of the other is kept", async () => {
        await session();
        const results = await Promise.allSettled([
          store.sessions.commitChange(change(0, 1, "op-a")),
          store.sessions.commitChange(change(0, 2, "op-b")),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const changes = await store.sessions.changesAfter("s1", 0, 10);
        expect(changes).toHaveLength(1);
        const [only] = changes as { diff: { n: { set: number } } }[];
        const winner = only?.diff.n.set;
        const loser = winner === 1 ? "op-b" : "op-a";
        expect(await store.sessions.findOp("s1", "host", loser)).toBeNull();
      });

      it("S-IDEM-1: records an operation's seq so a retry can be answered without applying it again", async () => {
        await session();
        await store.sessions.commitChange(change(0, 1, "op-1"));
        expect(await store.sessions.findOp("s1", "host", "op-1")).toBe(1);
        expect(await store.sessions.findOp("s1", "cand", "op-1")).toBeNull();
        // An operation that changed nothing is still recorded, at the unchanged seq.
        await store.sessions.commitChange({ ...change(1, 1, "op-2"), seq: 1, change: null, snapshot: null });
        expect(await store.sessions.findOp("s1", "host", "op-2")).toBe(1);
        expect((await store.sessions.getSession("s1"))?.seq).toBe(1);
      });

      it("S-LOG-1: keeps every change once, in order, and returns them after a seq up to a limit", async () => {
        await session();
        for (let i = 0; i < 5; i++) await store.sessions.commitChange(change(i, i + 1));
        expect((await store.sessions.changesAfter("s1", 2, 10)).map((c) => c.seq)).toEqual([3, 4, 5]);
        expect((await store.sessions.changesAfter("s1", 0, 2)).map((c) => c.seq)).toEqual([1, 2]);
        expect(await store.sessions.changesAfter("s1", 5, 10)).toEqual([]);
      });

      it("S-SNAP-1: keeps the snapshots it is given, finds the latest at or before a seq, and reports the newest with the session", async () => {
        await session();
        for (let i = 0; i < 5; i++) await store.sessions.commitChange(change(i, i + 1));
        // Snapshots at 0 (the session's first state), 2 and 4.
        expect(await store.sessions.snapshotAtOrBefore("s1", 3)).toEqual({
          seq: 2,
          state: { version: 1, n: 2 },
        });
        expect(await store.sessions.snapshotAtOrBefore("s1", 1)).toEqual({
          seq: 0,
          state: { version: 1, n: 0 },
        });
        const saved = await store.sessions.getSession("s1");
        expect(saved).toMatchObject({ seq: 5, snapshotSeq: 4, state: { version: 1, n: 4 } });
      });

      it("S-SNAP-2: drops the snapshots before a seq when told to, keeping the one just given", async () => {
        await session();
        for (let i = 0; i < 3; i++) await store.sessions.commitChange(change(i, i + 1));
        await store.sessions.commitChange({ ...change(3, 4), dropSnapshotsBefore: 3 });
        expect(await store.sessions.snapshotAtOrBefore("s1", 2)).toBeNull();
        expect(await store.sessions.snapshotAtOrBefore("s1", 4)).toEqual({
          seq: 4,
          state: { version: 1, n: 4 },
        });
      });

      it("S-LINK-1: finds participants by link hash and credential; a credential stops working once revoked or expired", async () => {
        await session();
        expect((await store.sessions.findParticipantByTokenHash("cand-s1"))?.id).toBe("cand");
        await store.sessions.createCredential("cred", "cand", "2030-01-01T00:00:00.000Z");
        expect((await store.sessions.findCredentialParticipant("cred", "2029-01-01T00:00:00.000Z"))?.id).toBe(
          "cand",
        );
        expect(await store.sessions.findCredentialParticipant("cred", "2031-01-01T00:00:00.000Z")).toBeNull();
        expect(await store.sessions.revokeParticipant("s1", "cand", "2026-02-01T00:00:00.000Z")).toBe(true);
        expect(await store.sessions.findCredentialParticipant("cred", "2029-01-01T00:00:00.000Z")).toBeNull();
        // The link still resolves, marked revoked, so the service can say why it is refused.
        expect((await store.sessions.findParticipantByTokenHash("cand-s1"))?.revokedAt).toBe(
          "2026-02-01T00:00:00.000Z",
        );
        const listed = await store.sessions.listParticipants("s1");
        expect(listed.find((p) => p.id === "cand")?.revokedAt).toBe("2026-02-01T00:00:00.000Z");
        await store.sessions.rotateParticipantToken("host", "host-new");
        expect(await store.sessions.findParticipantByTokenHash("host-s1")).toBeNull();
        expect((await store.sessions.findParticipantByTokenHash("host-new"))?.id).toBe("host");
      });
    });

    describe("practice", () => {
      const attempt = (id: string): AttemptRecord => ({
        id,
        practitionerId: "pr1",
        questionId: "q1",
        loopId: null,
        loopPosition: null,
        status: "active",
        clock: {
          phases: [{ id: "a", name: "A", durationMs: 60_000 }],
          startedAt: 1,
          pausedAt: null,
          pausedMs: 0,
          advances: [],
          extensionsMs: [0],
          stoppedAt: null,
        },
        answerText: "",
        answerRevision: 0,
        answerSavedAt: null,
        selfScores: null,
        reflection: null,
        createdAt: "2026-01-01T00:00:00.000Z",
        completedAt: null,
      });

      it("P-REV-1: keeps an answer only from a newer revision, so a late save never rolls text back", async () => {
        await store.practice.createPractitioner("pr1", "key-hash");
        await store.practice.insertAttempts([attempt("a1")]);
        expect((await store.practice.saveAnswer("pr1", "a1", "second", 2, "t2")).applied).toBe(true);
        const late = await store.practice.saveAnswer("pr1", "a1", "first", 1, "t1");
        expect(late).toEqual({ applied: false, revision: 2, savedAt: "t2" });
        expect((await store.practice.getAttempt("pr1", "a1"))?.answerText).toBe("second");
      });

      it("P-OWN-1: a practitioner reaches only their own attempts", async () => {
        await store.practice.createPractitioner("pr1", "key-hash");
        await store.practice.createPractitioner("pr2", "other-hash");
        await store.practice.insertAttempts([attempt("a1")]);
        expect(await store.practice.findPractitionerIdByKeyHash("key-hash")).toBe("pr1");
        expect(await store.practice.getAttempt("pr2", "a1")).toBeNull();
        expect(await store.practice.listAttempts("pr2")).toEqual([]);
        expect(await store.practice.deleteAttempt("pr2", "a1")).toBe(0);
        expect(await store.practice.deleteAllAttempts("pr1")).toBe(1);
      });
    });

    describe("calibration", () => {
      it("C-SCORE-1: saving an interviewer's scores again replaces them, one row per answer and dimension", async () => {
        const at = "2026-01-01T00:00:00.000Z";
        await store.calibration.createWorkspace(
          { id: "w1", name: "Hiring", createdAt: at },
          {
            id: "m1",
            workspaceId: "w1",
            name: "Maya",
            role: "admin",
            createdAt: at,
            revokedAt: null,
            expiresAt: "2099-01-01",
          },
          "admin-hash",
        );
        await store.calibration.createExercise({
          id: "e1",
          workspaceId: "w1",
          loopId: null,
          name: "Bar",
          createdAt: at,
          round: 1,
          revealedRound: 0,
          items: [{ id: "i1", label: "A", questionId: "q1", kind: "transcript", exampleId: null, text: "…" }],
          interviewerIds: ["m1"],
        });
        const score = (value: number) => ({
          round: 1,
          memberId: "m1",
          itemId: "i1",
          dimension: "d1",
          score: value,
          comment: "",
        });
        await store.calibration.saveScores("e1", [score(2)]);
        await store.calibration.saveScores("e1", [score(4)]);
        expect((await store.calibration.listScores("e1")).map((s) => s.score)).toEqual([4]);
      });
    });
  });
}
