import { beforeEach, describe, expect, it } from "vitest";
import {
  type AttemptRecord,
  type ExerciseRecord,
  type LoopRecord,
  type MemberRecord,
  type PeerFeedbackRecord,
  type PeerParticipantRecord,
  type PeerSessionRecord,
  type ScoreRecord,
  SequenceConflictError,
  type Store,
} from "../../src/storage/store.js";

/** An ISO timestamp on a day of January 2026, so later days sort later. */
const day = (n: number) => `2026-01-${String(n).padStart(2, "0")}T00:00:00.000Z`;
const FAR = "2099-01-01T00:00:00.000Z";

/**
 * The storage contract, one suite for every backend. Titles cite the rule ids
 * of apps/server/src/storage/CONTRACT.md. `open` gives a fresh, empty store.
 */
export interface ContractOptions {
  /**
   * A second instance on the same database as `store`, for the rules about
   * several instances (I-*). Absent for a backend only one instance can use.
   */
  sibling?: (store: Store) => Promise<Store>;
}

export function registerStoreContractTests(
  backend: string,
  open: () => Promise<Store>,
  { sibling }: ContractOptions = {},
): void {
  describe(`the ${backend} store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      return () => store.close();
    });

    it("M-1: answers a ping and reports its migrations, in order, the same for every fresh store", async () => {
      expect(store.kind).toMatch(/\S/);
      await expect(store.ping()).resolves.toBeUndefined();
      const applied = await store.appliedMigrations();
      expect(applied.length).toBeGreaterThan(0);
      expect(new Set(applied).size).toBe(applied.length);
      expect(applied).toEqual([...applied].sort());
      const other = await open();
      try {
        expect(await other.appliedMigrations()).toEqual(applied);
      } finally {
        await other.close();
      }
    });

    const participant = (
      id: string,
      sessionId = "s1",
      over: Partial<PeerParticipantRecord> = {},
    ): PeerParticipantRecord => ({
      id,
      sessionId,
      name: id,
      role: id.startsWith("host") ? "host" : "candidate",
      createdAt: "2026-01-01T00:00:00.000Z",
      revokedAt: null,
      previousParticipantId: null,
      linkReissuedAt: null,
      ...over,
    });

    const sessionRecord = (id: string): PeerSessionRecord => ({
      id,
      questionId: "q1",
      state: { version: 1, n: 0 },
      seq: 0,
      snapshotSeq: 0,
      createdAt: "2026-01-01T00:00:00.000Z",
      expiresAt: FAR,
      previousSessionId: null,
    });

    /** A session with a host and a candidate; outside s1 their ids end in the session id. */
    async function session(id = "s1") {
      const [host, cand] = id === "s1" ? ["host", "cand"] : [`host-${id}`, `cand-${id}`];
      await store.sessions.createSession(sessionRecord(id), [
        { participant: participant(host as string, id), tokenHash: `${host}-${id}` },
        { participant: participant(cand as string, id), tokenHash: `${cand}-${id}` },
      ]);
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

      it("S-SEQ-3: commits in flight together are each judged on their own", async () => {
        await session();
        await session("s2");
        const results = await Promise.allSettled([
          store.sessions.commitChange(change(0, 1, "op-1")),
          store.sessions.commitChange({ ...change(0, 7), sessionId: "s2" }),
          store.sessions.commitChange(change(5, 99, "op-stale")),
          store.sessions.commitChange({ ...change(5, 8), sessionId: "s2" }),
        ]);
        expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected"]);
        for (const i of [2, 3]) {
          expect((results[i] as PromiseRejectedResult).reason).toBeInstanceOf(SequenceConflictError);
        }
        expect((await store.sessions.changesAfter("s1", 0, 10)).map((c) => c.diff)).toEqual([
          { n: { set: 1 } },
        ]);
        expect((await store.sessions.changesAfter("s2", 0, 10)).map((c) => c.diff)).toEqual([
          { n: { set: 7 } },
        ]);
        expect(await store.sessions.findOp("s1", "host", "op-stale")).toBeNull();
        expect(await store.sessions.findOp("s1", "host", "op-1")).toBe(1);
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

      it("S-LINK-1: a credential ends at its expiry instant; revoking is per session and happens once", async () => {
        const { sessions } = store;
        await session();
        await session("s2");
        await sessions.createCredential("cred-host", "host", day(10));
        await sessions.createCredential("cred-cand", "cand", day(10));
        expect(await sessions.findCredentialParticipant("cred-host", day(9))).toEqual(participant("host"));
        expect(await sessions.findCredentialParticipant("cred-host", day(10))).toBeNull();
        expect(await sessions.findCredentialParticipant("unknown", day(9))).toBeNull();
        // Another session's host cannot revoke this one's candidate.
        expect(await sessions.revokeParticipant("s2", "cand", day(5))).toBe(false);
        expect(await sessions.findParticipantByTokenHash("cand-s1")).toEqual(participant("cand"));
        expect(await sessions.findCredentialParticipant("cred-cand", day(9))).toEqual(participant("cand"));
        expect(await sessions.revokeParticipant("s1", "cand", day(5))).toBe(true);
        expect(await sessions.revokeParticipant("s1", "cand", day(6))).toBe(false);
        expect(await sessions.revokeParticipant("s1", "nobody", day(6))).toBe(false);
        const revoked = participant("cand", "s1", { revokedAt: day(5) });
        expect(await sessions.findParticipantByTokenHash("cand-s1")).toEqual(revoked);
        // Revoking one participant leaves the others' credentials working.
        expect(await sessions.findCredentialParticipant("cred-host", day(9))).toEqual(participant("host"));
      });

      it("S-SESS-1: getSession returns the session as created, its JSON state intact, and null for an unknown id", async () => {
        const { sessions } = store;
        await session();
        const next: PeerSessionRecord = {
          ...sessionRecord("s2"),
          questionId: "q7",
          state: {
            version: 1,
            answer: { text: 'Split the team ✓ "quoted"\n', revision: 0 },
            notes: [{ id: "n1", tags: [], at: 1.5 }],
            nested: { none: null, list: [1, -2, 3.25], flag: false },
          },
          createdAt: day(2),
          expiresAt: day(3),
          previousSessionId: "s1",
        };
        await sessions.createSession(next, []);
        expect(await sessions.getSession("s2")).toEqual(next);
        expect(await sessions.getSession("s1")).toEqual(sessionRecord("s1"));
        expect(await sessions.getSession("s3")).toBeNull();
        // The first state is the snapshot at the session's seq.
        expect(await sessions.snapshotAtOrBefore("s2", 0)).toEqual({ seq: 0, state: next.state });
        expect(await sessions.listParticipants("s2")).toEqual([]);
      });

      it("S-PART-1: lists a session's participants oldest first, those created together in the order added", async () => {
        const { sessions } = store;
        await session();
        await session("s2");
        const observer = participant("obs", "s1", { role: "observer", createdAt: day(2) });
        const co = participant("co", "s1", { role: "co-interviewer", createdAt: day(2) });
        const early = participant("early", "s1", { role: "observer", createdAt: "2025-12-31T00:00:00.000Z" });
        await sessions.addParticipant(observer, "obs-hash");
        await sessions.addParticipant(co, "co-hash");
        await sessions.addParticipant(early, "early-hash");
        expect(await sessions.listParticipants("s1")).toEqual([
          early,
          participant("host"),
          participant("cand"),
          observer,
          co,
        ]);
        const s2 = [participant("host-s2", "s2"), participant("cand-s2", "s2")];
        expect(await sessions.listParticipants("s2")).toEqual(s2);
        expect(await sessions.listParticipants("s3")).toEqual([]);
        expect(await sessions.findParticipantByTokenHash("obs-hash")).toEqual(observer);
      });

      it("S-PART-1: a rotated link's old hash finds nobody; a mirrored participant is found by its previous id", async () => {
        const { sessions } = store;
        await session();
        const mirroredHost = participant("host-s2", "s2", { previousParticipantId: "cand" });
        const mirroredCand = participant("cand-s2", "s2", { previousParticipantId: "host" });
        await sessions.createSession({ ...sessionRecord("s2"), previousSessionId: "s1" }, [
          { participant: mirroredHost, tokenHash: "h2" },
          { participant: mirroredCand, tokenHash: "c2" },
        ]);
        expect(await sessions.findParticipantByPrevious("s2", "cand")).toEqual(mirroredHost);
        expect(await sessions.findParticipantByPrevious("s2", "host")).toEqual(mirroredCand);
        expect(await sessions.findParticipantByPrevious("s1", "host")).toBeNull();
        expect(await sessions.findParticipantByPrevious("s2", "nobody")).toBeNull();

        await sessions.rotateParticipantToken("cand-s2", "c2-new");
        expect(await sessions.findParticipantByTokenHash("c2")).toBeNull();
        expect(await sessions.findParticipantByTokenHash("c2-new")).toEqual(mirroredCand);
        expect(await sessions.findParticipantByTokenHash("h2")).toEqual(mirroredHost);
        expect(await sessions.findParticipantByTokenHash("cand-s1")).toEqual(participant("cand"));
      });

      it("S-LINK-2: re-issuing keeps the participant, replaces its link, ends its credentials and remembers what it replaced", async () => {
        const { sessions } = store;
        await session();
        await session("s2");
        await sessions.createCredential("cred-cand", "cand", day(20));
        await sessions.createCredential("cred-cand-2", "cand", day(20));
        await sessions.createCredential("cred-host", "host", day(20));
        const reissued = participant("cand", "s1", { linkReissuedAt: day(5) });
        expect(await sessions.reissueParticipantLink("s1", "cand", "cand-new", day(5))).toEqual(reissued);
        // Same participant, new link; the old link and both credentials find nobody.
        expect(await sessions.findParticipantByTokenHash("cand-new")).toEqual(reissued);
        expect(await sessions.findParticipantByTokenHash("cand-s1")).toBeNull();
        expect(await sessions.findCredentialParticipant("cred-cand", day(9))).toBeNull();
        expect(await sessions.findCredentialParticipant("cred-cand-2", day(9))).toBeNull();
        expect((await sessions.listParticipants("s1")).find((p) => p.id === "cand")).toEqual(reissued);
        // What was replaced is known as such, and when; the others' credentials keep working.
        expect(await sessions.findReplacedSecret("cand-s1")).toBe(day(5));
        expect(await sessions.findReplacedSecret("cred-cand")).toBe(day(5));
        expect(await sessions.findReplacedSecret("cred-cand-2")).toBe(day(5));
        expect(await sessions.findReplacedSecret("cand-new")).toBeNull();
        expect(await sessions.findReplacedSecret("cred-host")).toBeNull();
        expect(await sessions.findCredentialParticipant("cred-host", day(9))).toEqual(participant("host"));
        // A second re-issue replaces the first one's link in turn.
        await sessions.reissueParticipantLink("s1", "cand", "cand-newer", day(6));
        expect(await sessions.findParticipantByTokenHash("cand-new")).toBeNull();
        expect(await sessions.findReplacedSecret("cand-new")).toBe(day(6));
        expect((await sessions.findParticipantByTokenHash("cand-newer"))?.linkReissuedAt).toBe(day(6));

        // Another session's participant, or an unknown one, is not found and nothing changes.
        expect(await sessions.reissueParticipantLink("s2", "cand", "stolen", day(7))).toBeNull();
        expect(await sessions.reissueParticipantLink("s1", "nobody", "stolen", day(7))).toBeNull();
        expect(await sessions.findParticipantByTokenHash("stolen")).toBeNull();
        expect((await sessions.findParticipantByTokenHash("cand-newer"))?.id).toBe("cand");

        // A revoked participant is returned as it is: its link is not replaced.
        await sessions.revokeParticipant("s2", "cand-s2", day(7));
        const revoked = await sessions.reissueParticipantLink("s2", "cand-s2", "revived", day(8));
        expect(revoked).toEqual(participant("cand-s2", "s2", { revokedAt: day(7) }));
        expect(await sessions.findParticipantByTokenHash("revived")).toBeNull();
        expect(await sessions.findParticipantByTokenHash("cand-s2-s2")).toEqual(revoked);
      });
    });

    describe("practice", () => {
      const attempt = (id: string, over: Partial<AttemptRecord> = {}): AttemptRecord => ({
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
        ...over,
      });

      /** Two practitioners, pr1 (key "key-hash") and pr2 (key "other-hash"). */
      async function practitioners() {
        await store.practice.createPractitioner("pr1", "key-hash");
        await store.practice.createPractitioner("pr2", "other-hash");
      }

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

      it("P-KEY-1: a practitioner is found by the hash of their key, and a key hash names one practitioner", async () => {
        const { practice } = store;
        await practitioners();
        expect(await practice.findPractitionerIdByKeyHash("key-hash")).toBe("pr1");
        expect(await practice.findPractitionerIdByKeyHash("other-hash")).toBe("pr2");
        expect(await practice.findPractitionerIdByKeyHash("unknown-hash")).toBeNull();
        await expect(practice.createPractitioner("pr3", "key-hash")).rejects.toThrow();
        expect(await practice.findPractitionerIdByKeyHash("key-hash")).toBe("pr1");
      });

      it("P-ATT-1: stores attempts as given; lists them newest first and a loop's rounds by position", async () => {
        const { practice } = store;
        await practitioners();
        const single = attempt("a1", {
          status: "completed",
          answerText: "Split the platform team.",
          answerRevision: 3,
          answerSavedAt: day(1),
          selfScores: { d1: 3, d2: 4 },
          reflection: "Ran long.",
          completedAt: day(1),
        });
        const rounds = [0, 1, 2].map((i) =>
          attempt(`r${i}`, {
            questionId: `q${i + 2}`,
            loopId: "loop1",
            loopPosition: i,
            status: i === 0 ? "active" : "pending",
            createdAt: day(2),
          }),
        ) as [AttemptRecord, AttemptRecord, AttemptRecord];
        const latest = attempt("a2", { createdAt: day(3) });
        const theirs = attempt("b1", {
          practitionerId: "pr2",
          loopId: "loop1",
          loopPosition: 0,
          createdAt: day(4),
        });
        await practice.insertAttempts([single]);
        await practice.insertAttempts([rounds[1], rounds[2], rounds[0]]);
        await practice.insertAttempts([latest]);
        await practice.insertAttempts([theirs]);

        expect(await practice.getAttempt("pr1", "a1")).toEqual(single);
        expect(await practice.getAttempt("pr1", "r1")).toEqual(rounds[1]);
        expect(await practice.getAttempt("pr1", "missing")).toBeNull();
        expect(await practice.listAttempts("pr1")).toEqual([latest, rounds[2], rounds[1], rounds[0], single]);
        expect(await practice.listAttempts("pr2")).toEqual([theirs]);
        expect(await practice.listLoop("pr1", "loop1")).toEqual(rounds);
        expect(await practice.listLoop("pr2", "loop1")).toEqual([theirs]);
        expect(await practice.listLoop("pr1", "loop2")).toEqual([]);
      });

      it("P-ATT-3: inserts all of a batch of attempts or, when one is refused, none", async () => {
        const { practice } = store;
        await practitioners();
        await practice.insertAttempts([attempt("a1")]);
        const batch = [attempt("r0", { loopId: "l", loopPosition: 0 }), attempt("a1", { loopPosition: 1 })];
        await expect(practice.insertAttempts(batch)).rejects.toThrow();
        expect(await practice.listAttempts("pr1")).toEqual([attempt("a1")]);
        expect(await practice.getAttempt("pr1", "r0")).toBeNull();
      });

      it("P-ATT-2: updateAttempt changes only the fields given, and only for the attempt's practitioner", async () => {
        const { practice } = store;
        await practitioners();
        const original = attempt("a1");
        const neighbour = attempt("a2", { createdAt: day(2) });
        await practice.insertAttempts([original, neighbour]);
        await practice.saveAnswer("pr1", "a1", "My answer", 1, day(3));
        const answered = { ...original, answerText: "My answer", answerRevision: 1, answerSavedAt: day(3) };
        const stopped = { ...original.clock, advances: [30_000], extensionsMs: [5_000], stoppedAt: 90_000 };

        await practice.updateAttempt("pr1", "a1", { status: "review", clock: stopped });
        const reviewed = { ...answered, status: "review" as const, clock: stopped };
        expect(await practice.getAttempt("pr1", "a1")).toEqual(reviewed);

        const patch = {
          status: "completed" as const,
          selfScores: { d1: 2 },
          reflection: "Long.",
          completedAt: day(4),
        };
        await practice.updateAttempt("pr1", "a1", patch);
        const completed = { ...reviewed, ...patch };
        expect(await practice.getAttempt("pr1", "a1")).toEqual(completed);

        await practice.updateAttempt("pr1", "a1", {});
        await practice.updateAttempt("pr2", "a1", { status: "active", reflection: "not mine" });
        expect(await practice.getAttempt("pr1", "a1")).toEqual(completed);

        await practice.updateAttempt("pr1", "a1", { selfScores: null, reflection: null });
        expect(await practice.getAttempt("pr1", "a1")).toEqual({
          ...completed,
          selfScores: null,
          reflection: null,
        });
        expect(await practice.getAttempt("pr1", "a2")).toEqual(neighbour);
      });

      it("P-DEL-1: deletes one attempt or all of a practitioner's, answering how many went", async () => {
        const { practice } = store;
        await practitioners();
        const mine = [1, 2, 3].map((n) => attempt(`a${n}`, { createdAt: day(n) }));
        const theirs = attempt("b1", { practitionerId: "pr2" });
        await practice.insertAttempts([...mine, theirs]);
        expect(await practice.deleteAttempt("pr1", "a2")).toBe(1);
        expect(await practice.deleteAttempt("pr1", "a2")).toBe(0);
        expect(await practice.deleteAttempt("pr1", "b1")).toBe(0);
        expect((await practice.listAttempts("pr1")).map((a) => a.id)).toEqual(["a3", "a1"]);
        expect(await practice.deleteAllAttempts("pr1")).toBe(2);
        expect(await practice.deleteAllAttempts("pr1")).toBe(0);
        expect(await practice.listAttempts("pr1")).toEqual([]);
        expect(await practice.listAttempts("pr2")).toEqual([theirs]);
        // The key outlives the attempts.
        expect(await practice.findPractitionerIdByKeyHash("key-hash")).toBe("pr1");
      });

      const feedbackEntry = (id: string, over: Partial<PeerFeedbackRecord> = {}): PeerFeedbackRecord => ({
        id,
        practitionerId: "pr1",
        sessionId: `session-${id}`,
        questionId: "q1",
        answerText: "## Clarify\nWho owns the roadmap? ✓",
        feedback: { scores: [{ name: "Dana", scores: { d1: 3 }, feedback: "Clear." }], notes: [] },
        sessionDate: day(1),
        savedAt: day(2),
        ...over,
      });

      it("P-PEER-1: keeps a session's released feedback once per practitioner and session, reached only by its owner", async () => {
        const { practice } = store;
        await practitioners();
        const first = feedbackEntry("f1");
        expect(await practice.savePeerFeedback(first)).toEqual({ entry: first, created: true });
        // Saving the same session again keeps the first entry: no duplicate, nothing overwritten.
        const again = feedbackEntry("f1-again", { sessionId: first.sessionId, answerText: "changed" });
        expect(await practice.savePeerFeedback(again)).toEqual({ entry: first, created: false });
        // Another practitioner may keep the same session (a swapped pair are each other's candidates).
        const theirs = feedbackEntry("f2", { practitionerId: "pr2", sessionId: first.sessionId });
        expect(await practice.savePeerFeedback(theirs)).toEqual({ entry: theirs, created: true });
        const later = feedbackEntry("f3", { sessionDate: day(5) });
        await practice.savePeerFeedback(later);
        expect(await practice.listPeerFeedback("pr1")).toEqual([later, first]);
        expect(await practice.listPeerFeedback("pr2")).toEqual([theirs]);
        expect(await practice.getPeerFeedback("pr1", "f1")).toEqual(first);
        expect(await practice.getPeerFeedback("pr2", "f1")).toBeNull();
        expect(await practice.getPeerFeedback("pr1", "f1-again")).toBeNull();
        // Deleting reaches only the owner's entries.
        expect(await practice.deletePeerFeedback("pr2", "f1")).toBe(0);
        expect(await practice.deletePeerFeedback("pr1", "f1")).toBe(1);
        expect(await practice.deletePeerFeedback("pr1", "f1")).toBe(0);
        expect(await practice.listPeerFeedback("pr1")).toEqual([later]);
        expect(await practice.deleteAllPeerFeedback("pr1")).toBe(1);
        expect(await practice.listPeerFeedback("pr1")).toEqual([]);
        expect(await practice.listPeerFeedback("pr2")).toEqual([theirs]);
      });
    });

    describe("calibration", () => {
      const member = (id: string, workspaceId = "w1", over: Partial<MemberRecord> = {}): MemberRecord => ({
        id,
        workspaceId,
        name: id,
        role: "interviewer",
        createdAt: day(1),
        revokedAt: null,
        expiresAt: FAR,
        ...over,
      });

      /** A workspace whose admin is `${id}-admin`, with the token hash `${id}-admin-hash`. */
      async function workspace(id = "w1"): Promise<MemberRecord> {
        const admin = member(`${id}-admin`, id, { role: "admin", name: "Admin" });
        await store.calibration.createWorkspace(
          { id, name: `Workspace ${id}`, createdAt: day(1) },
          admin,
          `${id}-admin-hash`,
        );
        return admin;
      }

      const loop = (id: string, workspaceId = "w1", createdAt = day(1)): LoopRecord => ({
        id,
        workspaceId,
        name: `Loop ${id}`,
        rounds: [
          { name: "Screen", durationMinutes: 45, competencies: ["org-design"], questionIds: ["q1", "q2"] },
          { name: "Onsite", durationMinutes: 60, competencies: [], questionIds: [] },
        ],
        createdAt,
      });

      const exercise = (
        id: string,
        workspaceId = "w1",
        over: Partial<ExerciseRecord> = {},
      ): ExerciseRecord => ({
        id,
        workspaceId,
        loopId: null,
        name: `Exercise ${id}`,
        createdAt: day(1),
        round: 1,
        revealedRound: 0,
        items: [
          { id: "i1", label: "A", questionId: "q1", kind: "example", exampleId: "ex1", text: "Reorg first." },
          { id: "i2", label: "B", questionId: "q1", kind: "transcript", exampleId: null, text: "…" },
        ],
        interviewerIds: ["m1", "m2"],
        dueAt: null,
        ...over,
      });

      /** A score whose comment names where it belongs. */
      function score(round: number, memberId: string, itemId: string, dim: string, value = 3): ScoreRecord {
        return {
          round,
          memberId,
          itemId,
          dimension: dim,
          score: value,
          comment: `${memberId}:${itemId}:${dim}`,
        };
      }

      it("C-WS-1: a workspace is created with its admin and found by id", async () => {
        const cal = store.calibration;
        const admin = await workspace("w1");
        expect(await cal.getWorkspace("w1")).toEqual({ id: "w1", name: "Workspace w1", createdAt: day(1) });
        expect(await cal.getWorkspace("w2")).toBeNull();
        expect(await cal.listMembers("w1")).toEqual([admin]);
        expect(await cal.findMemberByTokenHash("w1-admin-hash")).toEqual(admin);
        expect(await cal.listMembers("w2")).toEqual([]);
      });

      it("C-MEM-1: members are listed per workspace oldest first, found by token hash, and revoked once", async () => {
        const cal = store.calibration;
        const admin = await workspace("w1");
        const otherAdmin = await workspace("w2");
        const zoe = member("m-zoe", "w1", { name: "Zoe", createdAt: day(2) });
        const ben = member("m-ben", "w1", { name: "Ben", createdAt: day(3) });
        const ana = member("m-ana", "w1", { name: "Ana", createdAt: day(3) });
        const outsider = member("m-out", "w2", { createdAt: day(2) });
        for (const m of [ben, outsider, zoe, ana]) await cal.addMember(m, `${m.id}-hash`);
        expect(await cal.listMembers("w1")).toEqual([admin, zoe, ana, ben]);
        expect(await cal.listMembers("w2")).toEqual([otherAdmin, outsider]);
        expect(await cal.findMemberByTokenHash("m-ben-hash")).toEqual(ben);
        expect(await cal.findMemberByTokenHash("unknown-hash")).toBeNull();

        await cal.createMemberCredential("ben-cred", "m-ben", FAR);
        // Another workspace's admin cannot revoke Ben.
        expect(await cal.revokeMember("w2", "m-ben", day(5))).toBe(false);
        expect(await cal.findMemberByTokenHash("m-ben-hash")).toEqual(ben);
        expect(await cal.findCredentialMember("ben-cred", day(4))).toEqual(ben);
        expect(await cal.revokeMember("w1", "m-ben", day(5))).toBe(true);
        expect(await cal.revokeMember("w1", "m-ben", day(6))).toBe(false);
        expect(await cal.revokeMember("w1", "m-nobody", day(6))).toBe(false);
        const revoked = { ...ben, revokedAt: day(5) };
        // A revoked link still resolves, marked, so the service can say why it is refused.
        expect(await cal.findMemberByTokenHash("m-ben-hash")).toEqual(revoked);
        expect(await cal.listMembers("w1")).toEqual([admin, zoe, ana, revoked]);
        expect(await cal.findCredentialMember("ben-cred", day(6))).toBeNull();
      });

      it("C-CRED-1: a member credential finds its member until it expires or the member is revoked", async () => {
        const cal = store.calibration;
        const admin = await workspace("w1");
        const ben = member("m-ben", "w1", { name: "Ben" });
        await cal.addMember(ben, "ben-hash");
        await cal.createMemberCredential("admin-cred", admin.id, day(10));
        await cal.createMemberCredential("ben-cred", "m-ben", day(20));
        await cal.createMemberCredential("ben-cred-2", "m-ben", day(20));
        expect(await cal.findCredentialMember("admin-cred", day(9))).toEqual(admin);
        expect(await cal.findCredentialMember("ben-cred", day(9))).toEqual(ben);
        expect(await cal.findCredentialMember("admin-cred", day(10))).toBeNull();
        expect(await cal.findCredentialMember("admin-cred", day(11))).toBeNull();
        expect(await cal.findCredentialMember("ben-cred", day(11))).toEqual(ben);
        expect(await cal.findCredentialMember("unknown-cred", day(9))).toBeNull();
        expect(await cal.revokeMember("w1", "m-ben", day(12))).toBe(true);
        expect(await cal.findCredentialMember("ben-cred", day(13))).toBeNull();
        expect(await cal.findCredentialMember("ben-cred-2", day(13))).toBeNull();
      });

      it("C-LINK-1: a replaced link's old hash finds nobody but is known as replaced; the new one finds the member", async () => {
        const cal = store.calibration;
        await workspace("w1");
        await workspace("w2");
        const ben = member("m-ben", "w1", { name: "Ben", expiresAt: day(20) });
        const zoe = member("m-zoe", "w1", { name: "Zoe", createdAt: day(2) });
        await cal.addMember(ben, "ben-old");
        await cal.addMember(zoe, "zoe-hash");
        await cal.createMemberCredential("ben-cred", "m-ben", FAR);
        await cal.createMemberCredential("zoe-cred", "m-zoe", FAR);
        expect(await cal.findReplacedLink("ben-old")).toBeNull();

        // Another workspace's admin cannot re-issue Ben's link.
        expect(await cal.replaceMemberToken("w2", "m-ben", "ben-hijack", FAR, day(3))).toBe(false);
        expect(await cal.findMemberByTokenHash("ben-old")).toEqual(ben);
        expect(await cal.findMemberByTokenHash("ben-hijack")).toBeNull();
        expect(await cal.findCredentialMember("ben-cred", day(3))).toEqual(ben);

        expect(await cal.replaceMemberToken("w1", "m-ben", "ben-new", day(30), day(4))).toBe(true);
        const renewed = { ...ben, expiresAt: day(30) };
        expect(await cal.findMemberByTokenHash("ben-new")).toEqual(renewed);
        expect(await cal.findMemberByTokenHash("ben-old")).toBeNull();
        expect(await cal.findReplacedLink("ben-old")).toEqual({ member: renewed, replacedAt: day(4) });
        expect(await cal.findReplacedLink("ben-new")).toBeNull();
        // Ben's sign-ins end with the old link; Zoe's do not.
        expect(await cal.findCredentialMember("ben-cred", day(5))).toBeNull();
        expect(await cal.findCredentialMember("zoe-cred", day(5))).toEqual(zoe);

        // Replaced twice: both old hashes are known, each with its own instant.
        expect(await cal.replaceMemberToken("w1", "m-ben", "ben-newer", day(31), day(6))).toBe(true);
        expect((await cal.findReplacedLink("ben-new"))?.replacedAt).toBe(day(6));
        expect((await cal.findReplacedLink("ben-old"))?.replacedAt).toBe(day(4));

        // A revoked or unknown member gets no new link.
        expect(await cal.revokeMember("w1", "m-ben", day(7))).toBe(true);
        expect(await cal.replaceMemberToken("w1", "m-ben", "ben-after", FAR, day(8))).toBe(false);
        expect(await cal.findMemberByTokenHash("ben-after")).toBeNull();
        expect(await cal.replaceMemberToken("w1", "m-nobody", "x", FAR, day(8))).toBe(false);
        expect(await cal.listMembers("w1")).toEqual([
          expect.objectContaining({ id: "w1-admin" }),
          { ...ben, expiresAt: day(31), revokedAt: day(7) },
          zoe,
        ]);
      });

      it("C-LOOP-1: loops are saved (inserted or replaced), found, listed newest first and deleted within their workspace", async () => {
        const cal = store.calibration;
        await workspace("w1");
        await workspace("w2");
        const first = loop("l1", "w1", day(1));
        const second = loop("l2", "w1", day(2));
        const theirs = loop("l3", "w2", day(3));
        for (const l of [first, second, theirs]) await cal.saveLoop(l);
        expect(await cal.getLoop("w1", "l1")).toEqual(first);
        expect(await cal.getLoop("w2", "l1")).toBeNull();
        expect(await cal.getLoop("w1", "l9")).toBeNull();
        expect(await cal.listLoops("w1")).toEqual([second, first]);
        expect(await cal.listLoops("w2")).toEqual([theirs]);

        const rounds = [{ name: "Only", durationMinutes: 30, competencies: ["x"], questionIds: ["q9"] }];
        const renamed: LoopRecord = { ...first, name: "Renamed", rounds };
        await cal.saveLoop(renamed);
        expect(await cal.getLoop("w1", "l1")).toEqual(renamed);
        expect(await cal.listLoops("w1")).toEqual([second, renamed]);
        // Saving another workspace's loop id does not touch that loop.
        await cal.saveLoop({ ...renamed, workspaceId: "w2", name: "Hijacked" });
        expect(await cal.getLoop("w1", "l1")).toEqual(renamed);
        expect(await cal.getLoop("w2", "l1")).toBeNull();

        expect(await cal.deleteLoop("w2", "l1")).toBe(false);
        expect(await cal.getLoop("w1", "l1")).toEqual(renamed);
        expect(await cal.deleteLoop("w1", "l1")).toBe(true);
        expect(await cal.deleteLoop("w1", "l1")).toBe(false);
        expect(await cal.getLoop("w1", "l1")).toBeNull();
        expect(await cal.listLoops("w1")).toEqual([second]);
      });

      it("C-EX-1: exercises are created, found and listed newest first within their workspace; rounds update in place", async () => {
        const cal = store.calibration;
        await workspace("w1");
        await workspace("w2");
        await cal.saveLoop(loop("l1"));
        const first = exercise("e1");
        const second = exercise("e2", "w1", {
          loopId: "l1",
          createdAt: day(2),
          interviewerIds: ["m2", "m3"],
        });
        const theirs = exercise("e3", "w2", { createdAt: day(3) });
        for (const e of [first, second, theirs]) await cal.createExercise(e);
        expect(await cal.getExercise("w1", "e1")).toEqual(first);
        expect(await cal.getExercise("w1", "e2")).toEqual(second);
        expect(await cal.getExercise("w2", "e1")).toBeNull();
        expect(await cal.getExercise("w1", "e9")).toBeNull();
        expect(await cal.listExercises("w1")).toEqual([second, first]);
        expect(await cal.listExercises("w2")).toEqual([theirs]);

        await cal.updateExerciseRounds("e1", 2, 1);
        expect(await cal.getExercise("w1", "e1")).toEqual({ ...first, round: 2, revealedRound: 1 });
        expect(await cal.getExercise("w1", "e2")).toEqual(second);
        await cal.updateExerciseRounds("e1", 2, 2);
        expect(await cal.listExercises("w1")).toEqual([second, { ...first, round: 2, revealedRound: 2 }]);
      });

      it("C-EX-2: an exercise keeps its due date; setExerciseDueAt sets or clears it and nothing else", async () => {
        const cal = store.calibration;
        await workspace("w1");
        const due = exercise("e1", "w1", { dueAt: "2026-02-01T17:00:00.000Z" });
        const other = exercise("e2", "w1", { createdAt: day(2) });
        await cal.createExercise(due);
        await cal.createExercise(other);
        expect(await cal.getExercise("w1", "e1")).toEqual(due);
        expect(await cal.getExercise("w1", "e2")).toEqual(other);

        await cal.setExerciseDueAt("e2", "2026-03-01T09:30:00.000Z");
        expect(await cal.getExercise("w1", "e2")).toEqual({ ...other, dueAt: "2026-03-01T09:30:00.000Z" });
        await cal.setExerciseDueAt("e1", null);
        expect(await cal.listExercises("w1")).toEqual([
          { ...other, dueAt: "2026-03-01T09:30:00.000Z" },
          { ...due, dueAt: null },
        ]);
        await cal.updateExerciseRounds("e2", 2, 1);
        expect((await cal.getExercise("w1", "e2"))?.dueAt).toBe("2026-03-01T09:30:00.000Z");
      });

      it("C-SCORE-1: saving an interviewer's scores again replaces them, one row per answer and dimension", async () => {
        await workspace("w1");
        await store.calibration.createExercise(exercise("e1", "w1", { interviewerIds: ["w1-admin"] }));
        await store.calibration.saveScores("e1", [score(1, "w1-admin", "i1", "d1", 2)]);
        await store.calibration.saveScores("e1", [score(1, "w1-admin", "i1", "d1", 4)]);
        expect((await store.calibration.listScores("e1")).map((s) => s.score)).toEqual([4]);
      });

      it("C-SCORE-2: listScores returns one exercise's scores by round, interviewer, answer and dimension", async () => {
        const cal = store.calibration;
        await workspace("w1");
        await cal.createExercise(exercise("e1"));
        await cal.createExercise(exercise("e2"));
        const rows = [
          score(2, "m1", "i1", "d1", 5),
          score(1, "m2", "i1", "d1", 1),
          score(1, "m1", "i2", "d1", 2),
          score(1, "m1", "i1", "d2", 3),
          score(1, "m1", "i1", "d1", 4),
        ];
        await cal.saveScores("e1", rows.slice(0, 2));
        await cal.saveScores("e1", rows.slice(2));
        await cal.saveScores("e2", [score(1, "m3", "i1", "d1")]);
        expect(await cal.listScores("e1")).toEqual([rows[4], rows[3], rows[2], rows[1], rows[0]]);
        expect(await cal.listScores("e2")).toEqual([score(1, "m3", "i1", "d1")]);
        expect(await cal.listScores("e9")).toEqual([]);
      });

      it("C-SUB-1: marking a submission is idempotent; listSubmissions returns one exercise's, one per round and member", async () => {
        const cal = store.calibration;
        await workspace("w1");
        await cal.createExercise(exercise("e1"));
        await cal.createExercise(exercise("e2"));
        await cal.markSubmitted("e1", 1, "m2", day(2));
        await cal.markSubmitted("e1", 1, "m1", day(2));
        await cal.markSubmitted("e1", 1, "m1", day(3));
        await cal.markSubmitted("e1", 2, "m1", day(4));
        await cal.markSubmitted("e2", 1, "m3", day(2));
        const sorted = (subs: { round: number; memberId: string }[]) =>
          [...subs].sort((a, b) => a.round - b.round || a.memberId.localeCompare(b.memberId));
        expect(sorted(await cal.listSubmissions("e1"))).toEqual([
          { round: 1, memberId: "m1" },
          { round: 1, memberId: "m2" },
          { round: 2, memberId: "m1" },
        ]);
        expect(await cal.listSubmissions("e2")).toEqual([{ round: 1, memberId: "m3" }]);
        expect(await cal.listSubmissions("e9")).toEqual([]);
      });
    });

    describe.skipIf(!sibling)("several instances on one database", () => {
      let other: Store;
      beforeEach(async () => {
        other = await (sibling as NonNullable<typeof sibling>)(store);
        return () => other.close();
      });

      it("I-SEQ-1: of two instances committing from the same seq, exactly one succeeds", async () => {
        await session();
        const results = await Promise.allSettled([
          store.sessions.commitChange(change(0, 1, "op-a")),
          other.sessions.commitChange(change(0, 2, "op-b")),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
        const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
        expect(lost.reason).toBeInstanceOf(SequenceConflictError);
        expect(await other.sessions.changesAfter("s1", 0, 10)).toHaveLength(1);
        expect((await store.sessions.getSession("s1"))?.seq).toBe(1);
      });

      it("I-LOCK-1: work under one key never overlaps across instances; other keys do not wait", async () => {
        let inside = 0;
        let most = 0;
        const work = async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 30));
          inside--;
        };
        await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? other : store).locks.run("attempt-1", work)));
        expect(most).toBe(1);

        // Two keys at once: the second starts while the first is still held.
        let released: () => void = () => undefined;
        let holding: () => void = () => undefined;
        const isHeld = new Promise<void>((r) => (holding = r));
        const held = store.locks.run(
          "attempt-1",
          () =>
            new Promise<void>((r) => {
              released = r;
              holding();
            }),
        );
        await isHeld;
        const order: string[] = [];
        await other.locks.run("attempt-2", async () => {
          order.push("other key ran");
        });
        released();
        await held;
        expect(order).toEqual(["other key ran"]);
      });

      it("I-BUS-1: a committed change is announced to the other instances, never to its own", async () => {
        const bus = store.bus;
        const otherBus = other.bus;
        if (!bus || !otherBus) throw new Error("a backend with several instances needs a bus");
        const heardHere: unknown[] = [];
        const heardThere: { message: unknown; from: string }[] = [];
        bus.subscribe((message) => heardHere.push(message));
        otherBus.subscribe((message, from) => heardThere.push({ message, from }));
        await session();
        await store.sessions.commitChange(change(0, 1));
        await bus.publish({ type: "presence", sessionId: "s1", online: ["host"], away: [] });
        await expect.poll(() => heardThere.length).toBe(2);
        expect(heardThere).toEqual([
          { message: { type: "change", sessionId: "s1", seq: 1 }, from: bus.instanceId },
          {
            message: { type: "presence", sessionId: "s1", online: ["host"], away: [] },
            from: bus.instanceId,
          },
        ]);
        // A change that lost its race is never announced.
        await expect(other.sessions.commitChange(change(0, 5))).rejects.toBeInstanceOf(SequenceConflictError);
        await new Promise((r) => setTimeout(r, 100));
        expect(heardThere).toHaveLength(2);
        expect(heardHere).toEqual([]);
      });
    });
  });
}
