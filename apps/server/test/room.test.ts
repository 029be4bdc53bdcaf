import { loadBankOrThrow } from "@loopwright/bank";
import { createClock } from "@loopwright/clock";
import {
  type ClientIntent,
  MAX_NOTES_PER_AUTHOR,
  type Question,
  type ServerMessage,
} from "@loopwright/schema";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Room, type RoomSocket } from "../src/features/sessions/room.js";
import type { RoomParticipant } from "../src/features/sessions/room-state.js";
import { SqliteStore } from "../src/storage/sqlite/sqlite-store.js";
import { blankRoomState } from "./room-fixtures.js";
import { FailingCommitRepository } from "./support/failing-commits.js";

/** A socket that records what the room sends, for deterministic protocol tests. */
class MemorySocket implements RoomSocket {
  messages: ServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  send(message: ServerMessage) {
    this.messages.push(JSON.parse(JSON.stringify(message)));
  }
  close(code: number, reason: string) {
    this.closed = { code, reason };
  }
  take<T extends ServerMessage["type"]>(type: T): Extract<ServerMessage, { type: T }>[] {
    return this.messages.filter((m) => m.type === type) as Extract<ServerMessage, { type: T }>[];
  }
  get frames(): string {
    return JSON.stringify(this.messages);
  }
}

const question = loadBankOrThrow(new URL("../../../question-bank", import.meta.url).pathname).find(
  (q) => q.competency === "org-design" && q.guide.curveballs.length > 0,
) as Question;
const dims = question.rubric.dimensions.map((d) => d.id);
const allScores = (n: number) => Object.fromEntries(dims.map((d) => [d, n]));

const people: Record<string, RoomParticipant> = {
  host: { id: "p-host", name: "Hana", role: "host", revoked: false },
  co: { id: "p-co", name: "Cole", role: "co-interviewer", revoked: false },
  candidate: { id: "p-cand", name: "Cara", role: "candidate", revoked: false },
  observer: { id: "p-obs", name: "Omar", role: "observer", revoked: false },
};

let now = 1_700_000_000_000;
let store: SqliteStore;
/** The store's own session repository, whose commits a test can make fail. */
let repo: FailingCommitRepository;
let room: Room;
let sockets: Record<string, MemorySocket>;
type Draft = ClientIntent extends infer I ? (I extends ClientIntent ? Omit<I, "opId"> : never) : never;
let op = 0;
const intent = (i: Draft) => ({ opId: `op-${++op}-xxxxxxxx`, ...i }) as ClientIntent;

async function freshRoom() {
  store = new SqliteStore(":memory:");
  repo = new FailingCommitRepository(store.sessions);
  const state = blankRoomState({
    questionId: question.id,
    clock: createClock(
      question.phases.map((p) => ({ id: p.id, name: p.name, durationMs: p.minutes * 60_000 })),
    ),
  });
  await store.sessions.createSession(
    {
      id: "s1",
      questionId: question.id,
      state,
      seq: 0,
      snapshotSeq: 0,
      createdAt: "",
      expiresAt: "9999",
      previousSessionId: null,
    },
    Object.values(people).map((p) => ({
      participant: {
        ...p,
        sessionId: "s1",
        createdAt: "",
        revokedAt: null,
        previousParticipantId: null,
        linkReissuedAt: null,
      },
      tokenHash: `hash-${p.id}`,
    })),
  );
  room = new Room({
    state,
    seq: 0,
    participants: Object.values(people),
    question,
    repo,
    loadParticipants: async () => Object.values(people),
    now: () => now,
  });
  sockets = {};
  for (const [key, p] of Object.entries(people)) {
    sockets[key] = new MemorySocket();
    await room.join(sockets[key] as MemorySocket, p, null);
  }
}

const send = (who: string, i: Draft) => room.handleIntent(sockets[who] as MemorySocket, intent(i));

beforeEach(freshRoom);

describe("joining", () => {
  it("gives each role a snapshot of what it may see (P-VIEW-2)", () => {
    const view = (who: string) => sockets[who]?.take("welcome")[0]?.view;
    // Absent fields prove nothing unless a snapshot arrived to leave them out of.
    for (const who of ["host", "co", "candidate", "observer"]) {
      expect(sockets[who]?.take("welcome"), who).toEqual([expect.objectContaining({ mode: "snapshot" })]);
      expect(view(who)?.you.id, who).toBe(people[who]?.id);
    }
    expect(view("host")?.prompt).toBe(question.prompt);
    expect(view("co")?.notes).toEqual([]);
    expect(view("candidate")?.prompt).toBeUndefined();
    expect(view("observer")?.prompt).toBeUndefined();
    expect(view("candidate")?.notes).toBeUndefined();
    expect(view("candidate")?.scores).toBeUndefined();
  });
});

describe("the question's identity", () => {
  it("stays out of the candidate's and observer's views until the prompt is revealed (P-VIEW-2)", async () => {
    await send("host", { type: "add-note", text: "first impressions", shared: false });
    for (const who of ["candidate", "observer"]) {
      const view = sockets[who]?.take("welcome")[0]?.view;
      expect(view?.you.role, who).toBe(people[who]?.role);
      expect(view?.questionId).toBeUndefined();
      expect(view?.questionTitle).toBeUndefined();
      // Not under another name either: the id would open the public bank's guide.
      expect(sockets[who]?.frames).not.toContain(question.id);
      expect(sockets[who]?.frames).not.toContain(question.title);
    }
    for (const who of ["host", "co"]) {
      const view = sockets[who]?.take("welcome")[0]?.view;
      expect(view?.questionId).toBe(question.id);
      expect(view?.questionTitle).toBe(question.title);
    }
    await send("host", { type: "reveal-prompt" });
    for (const who of ["candidate", "observer"]) {
      const patch = sockets[who]?.take("event").at(-1)?.event.patch;
      expect(patch?.questionId).toBe(question.id);
      expect(patch?.questionTitle).toBe(question.title);
      expect(patch?.prompt).toBe(question.prompt);
    }
  });

  it("is in a snapshot taken after the reveal", async () => {
    await send("host", { type: "reveal-prompt" });
    const late = new MemorySocket();
    await room.join(late, people.candidate as RoomParticipant, null);
    expect(late.take("welcome")[0]?.view?.questionTitle).toBe(question.title);
  });
});

describe("limits", () => {
  it("refuses a note past the most one interviewer may take, with a limit error that says so (P-LIM-3)", async () => {
    for (let i = 0; i < MAX_NOTES_PER_AUTHOR; i++)
      await send("co", { type: "add-note", text: `n${i}`, shared: false });
    await send("co", { type: "add-note", text: "one too many", shared: false });
    const error = sockets.co?.take("error").at(-1);
    expect(error).toMatchObject({ code: "limit" });
    expect(error?.message).toContain(`You have taken ${MAX_NOTES_PER_AUTHOR} notes`);
    expect(room.currentState.notes).toHaveLength(MAX_NOTES_PER_AUTHOR);
    // The host's own budget is untouched.
    await send("host", { type: "add-note", text: "still fine", shared: false });
    expect(room.currentState.notes).toHaveLength(MAX_NOTES_PER_AUTHOR + 1);
  });
});

describe("the change log of a long session", () => {
  it("keeps only the snapshots a replay can still need, and replays from them", async () => {
    for (let i = 0; i < 350; i++) {
      await send("host", { type: "add-note", text: `h${i}`, shared: false });
      await send("co", { type: "add-note", text: `c${i}`, shared: false });
    }
    // Snapshots were taken at 0, 100 … 700. A replay reaches back at most 500 changes, to 200 at
    // the earliest; the room keeps one snapshot more than that needs, so 0 is gone and 100 stays.
    expect(await store.sessions.snapshotAtOrBefore("s1", 50)).toBeNull();
    expect((await store.sessions.snapshotAtOrBefore("s1", 150))?.seq).toBe(100);
    const late = new MemorySocket();
    await room.join(late, people.host as RoomParticipant, 650);
    expect(late.take("welcome")[0]?.mode).toBe("replay");
    // The host sees its own 25 notes among the last 50 changes.
    expect(late.take("event")).toHaveLength(25);
  });
});

describe("sequence numbers", () => {
  it("are the room's, so a candidate's events skip the interviewers' private changes (P-SEQ-1)", async () => {
    await send("host", { type: "add-note", text: "one", shared: false });
    await send("co", { type: "add-note", text: "two", shared: false });
    await send("host", { type: "add-note", text: "three", shared: true });
    expect(sockets.candidate?.take("event")).toEqual([]);
    await send("host", { type: "reveal-prompt" });
    expect(sockets.candidate?.take("event").map((e) => e.event.seq)).toEqual([4]);
    expect(sockets.host?.take("event").map((e) => e.event.seq)).toEqual([1, 3, 4]);
    // A reconnect from seq 0 replays exactly the one event the candidate may see.
    const again = new MemorySocket();
    await room.join(again, people.candidate as RoomParticipant, 0);
    expect(again.take("welcome")[0]?.mode).toBe("replay");
    expect(again.take("event").map((e) => e.event.seq)).toEqual([4]);
  });
});

describe("role isolation matrix", () => {
  it("never sends notes, scores, probes or uninjected curveballs to the candidate or observer before release (P-VIEW-1)", async () => {
    await send("host", { type: "add-note", text: "SECRET-NOTE strong on spans", shared: false });
    await send("co", { type: "add-note", text: "SHARED-NOTE good sequencing", shared: true });
    await send("host", { type: "reveal-prompt" });
    await send("host", { type: "inject-curveball", curveballId: question.guide.curveballs[0]?.id ?? "" });
    await send("host", {
      type: "submit-score",
      scores: allScores(3),
      recommendation: "yes",
      feedback: "SECRET-FEEDBACK",
    });
    for (const who of ["candidate", "observer"]) {
      const frames = sockets[who]?.frames ?? "";
      expect(frames).not.toContain("SECRET-NOTE");
      expect(frames).not.toContain("SHARED-NOTE");
      expect(frames).not.toContain("SECRET-FEEDBACK");
      expect(frames).not.toContain('"scores"');
      for (const probe of question.guide.probes) expect(frames).not.toContain(probe);
      for (const c of question.guide.curveballs.slice(1)) expect(frames).not.toContain(c.prompt);
      // The revealed prompt and the injected curveball do arrive (P-VIEW-1, P-VIEW-2).
      expect(frames).toContain(JSON.stringify(question.prompt).slice(1, 60));
      expect(frames).toContain(JSON.stringify(question.guide.curveballs[0]?.prompt).slice(1, 40));
    }
  });

  it("keeps each interviewer's notes private to them (P-VIEW-3)", async () => {
    await send("host", { type: "add-note", text: "HOST-ONLY", shared: false });
    expect(sockets.co?.frames).not.toContain("HOST-ONLY");
    expect(sockets.host?.frames).toContain("HOST-ONLY");
  });

  it("scores blind: an interviewer sees others' scores only after submitting (P-VIEW-4)", async () => {
    await send("host", {
      type: "submit-score",
      scores: allScores(4),
      recommendation: "strong-yes",
      feedback: "HOST-FB",
    });
    expect(sockets.co?.frames).not.toContain("HOST-FB");
    const coEvents = sockets.co?.take("event") ?? [];
    expect(coEvents.at(-1)?.event.patch.submittedBy).toEqual(["p-host"]);
    await send("co", { type: "submit-score", scores: allScores(2), recommendation: "no", feedback: "CO-FB" });
    expect(sockets.co?.frames).toContain("HOST-FB");
    expect(sockets.host?.frames).toContain("CO-FB");
  });

  it("hands the candidate the report only on release, with shared notes only (P-VIEW-6); interviewers then see the self-score (P-VIEW-5)", async () => {
    await send("co", { type: "add-note", text: "SHARED-EVIDENCE", shared: true });
    await send("co", { type: "add-note", text: "PRIVATE-EVIDENCE", shared: false });
    await send("candidate", { type: "self-score", scores: allScores(3) });
    await send("co", { type: "submit-score", scores: allScores(2), recommendation: "no", feedback: "CO-FB" });
    expect(sockets.candidate?.frames).not.toContain("CO-FB");
    await send("host", { type: "release" });
    const report = sockets.candidate?.take("event").at(-1)?.event.patch;
    expect(report?.released).toBe(true);
    expect(report?.scores?.[0]?.feedback).toBe("CO-FB");
    expect(report?.notes?.map((n) => n.text)).toEqual(["SHARED-EVIDENCE"]);
    expect(sockets.candidate?.frames).not.toContain("PRIVATE-EVIDENCE");
    // Interviewers see the self-score only after release (P-VIEW-5).
    expect(sockets.host?.take("event").at(-1)?.event.patch.selfScore).toEqual(allScores(3));
  });

  it("refuses intents a role may not perform, changing nothing", async () => {
    const cases: [string, Draft][] = [
      ["candidate", { type: "reveal-prompt" }],
      ["candidate", { type: "clock", action: "start" }],
      ["candidate", { type: "add-note", text: "x", shared: false }],
      ["candidate", { type: "submit-score", scores: allScores(4), recommendation: "yes", feedback: "" }],
      ["observer", { type: "answer", text: "hijack", revision: 5 }],
      ["observer", { type: "self-score", scores: allScores(4) }],
      ["co", { type: "release" }],
      ["co", { type: "inject-curveball", curveballId: question.guide.curveballs[0]?.id ?? "" }],
      ["host", { type: "answer", text: "hijack", revision: 9 }],
    ];
    for (const [who, i] of cases) {
      const before = sockets[who]?.messages.length ?? 0;
      await send(who, i);
      const reply = sockets[who]?.messages.slice(before);
      expect(reply, `${who} ${i.type}`).toEqual([
        expect.objectContaining({ type: "error", code: "forbidden" }),
      ]);
    }
    expect(room.currentState.promptRevealed).toBe(false);
    expect(room.currentState.answer.text).toBe("");
    expect(room.currentState.notes).toEqual([]);
  });
});

describe("sequencing, acknowledgement and idempotency", () => {
  it("acks a change with its sequence number after it is stored (P-DUR-1), and applies a retried op once (P-IDEM-1)", async () => {
    const i = intent({ type: "add-note", text: "once", shared: false });
    await room.handleIntent(sockets.host as MemorySocket, i);
    await room.handleIntent(sockets.host as MemorySocket, i);
    const acks = sockets.host?.take("ack") ?? [];
    expect(acks).toHaveLength(2);
    expect(acks[0]?.seq).toBe(acks[1]?.seq);
    expect(room.currentState.notes).toHaveLength(1);
    expect(await store.sessions.findOp("s1", "p-host", i.opId)).toBe(acks[0]?.seq);
  });

  it("sends no ack and no event for a change storage failed to commit, and tells the sender (P-DUR-1)", async () => {
    repo.failing = true;
    const i = intent({ type: "add-note", text: "never stored", shared: false });
    await expect(room.handleIntent(sockets.host as MemorySocket, i)).rejects.toThrow(/commit .* failed/);
    expect(repo.refused).toBe(1);
    expect(sockets.host?.take("ack")).toEqual([]);
    expect(sockets.host?.take("error")).toEqual([
      {
        type: "error",
        opId: i.opId,
        code: "server-error",
        message: "The change could not be saved; try again.",
      },
    ]);
    for (const who of Object.keys(people)) expect(sockets[who]?.take("event"), who).toEqual([]);
    expect(room.currentState.notes).toEqual([]);
    expect(await store.sessions.findOp("s1", "p-host", i.opId)).toBeNull();
    // Once storage is back, the same op is applied as if for the first time, at the seq it never took.
    repo.failing = false;
    await room.handleIntent(sockets.host as MemorySocket, i);
    expect(sockets.host?.take("ack")).toEqual([{ type: "ack", opId: i.opId, seq: 1 }]);
    expect(room.currentState.notes.map((n) => n.text)).toEqual(["never stored"]);
  });

  it("replays exactly the missed events to a reconnecting client (P-SYNC-1)", async () => {
    await send("host", { type: "reveal-prompt" });
    const seen = room.currentState && (sockets.candidate?.take("event").at(-1)?.event.seq ?? 0);
    room.leave(sockets.candidate as MemorySocket);
    await send("host", { type: "clock", action: "start" });
    now += 60_000;
    await send("host", { type: "inject-curveball", curveballId: question.guide.curveballs[0]?.id ?? "" });
    const again = new MemorySocket();
    await room.join(again, people.candidate as RoomParticipant, seen);
    expect(again.take("welcome")[0]?.mode).toBe("replay");
    const replayed = again.take("event").map((m) => m.event.kind);
    expect(replayed).toEqual(["clock", "inject-curveball"]);
    expect(again.take("event").at(-1)?.event.patch.curveballs?.[0]?.elapsedMs).toBe(60_000);
  });

  it("sends a snapshot when the client's sequence number is ahead of the server's", async () => {
    const again = new MemorySocket();
    await room.join(again, people.candidate as RoomParticipant, 999);
    expect(again.take("welcome")[0]?.mode).toBe("snapshot");
  });

  it("ignores an answer revision that is not newer (P-INT-2)", async () => {
    await send("candidate", { type: "answer", text: "v2", revision: 2 });
    await send("candidate", { type: "answer", text: "v1", revision: 1 });
    expect(room.currentState.answer).toEqual({ text: "v2", revision: 2 });
  });
});

describe("the timer", () => {
  it("is host-controlled state with pause and extension", async () => {
    await send("host", { type: "clock", action: "start" });
    now += 30_000;
    await send("host", { type: "clock", action: "pause" });
    now += 30_000;
    await send("host", { type: "clock", action: "resume" });
    await send("host", { type: "clock", action: "extend", extendMinutes: 3 });
    const clock = room.currentState.clock;
    expect(clock.pausedMs).toBe(30_000);
    expect(clock.extensionsMs[0]).toBe(180_000);
    await send("host", { type: "clock", action: "resume" });
    expect(sockets.host?.take("error").at(-1)?.message).toContain("not paused");
  });
});

describe("releasing", () => {
  it("freezes the clock at its final reading and makes the session read-only (P-INT-1)", async () => {
    await send("host", { type: "clock", action: "start" });
    now += 90_000;
    await send("host", { type: "submit-score", scores: allScores(3), recommendation: "yes", feedback: "" });
    await send("host", { type: "release" });
    expect(sockets.host?.take("error")).toEqual([]);
    expect(room.currentState.clock.stoppedAt).toBe(now);
    await send("candidate", { type: "answer", text: "late edit", revision: 3 });
    expect(sockets.candidate?.take("error").at(-1)?.message).toContain("read-only");
  });
});

describe("presence", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows a dropped participant as away, then gone after the grace period (P-PRES-1)", async () => {
    vi.useFakeTimers();
    const graceRoom = new Room({
      state: room.currentState,
      seq: 0,
      participants: Object.values(people),
      question,
      repo: store.sessions,
      loadParticipants: async () => Object.values(people),
      presenceGraceMs: 20,
    });
    const a = new MemorySocket();
    const b = new MemorySocket();
    await graceRoom.join(a, people.host as RoomParticipant, null);
    await graceRoom.join(b, people.candidate as RoomParticipant, null);
    graceRoom.leave(b);
    const status = () =>
      a
        .take("presence")
        .at(-1)
        ?.participants.find((p) => p.id === "p-cand")?.status;
    expect(status()).toBe("away");
    vi.advanceTimersByTime(19);
    expect(status()).toBe("away");
    vi.advanceTimersByTime(1);
    expect(status()).toBe("gone");
    graceRoom.close();
  });
});

describe("two rooms for one session, as two instances hold them", () => {
  /** A second room over the same stored session, like another instance's. */
  function twin(): { room: Room; socket: MemorySocket } {
    const twinRoom = new Room({
      state: blankRoomState({
        questionId: question.id,
        clock: room.currentState.clock,
      }),
      seq: 0,
      participants: Object.values(people),
      question,
      repo: store.sessions,
      loadParticipants: async () => Object.values(people),
      now: () => now,
    });
    return { room: twinRoom, socket: new MemorySocket() };
  }

  it("a room that lost the race to the other catches up, judges the intent again and commits after it (P-SEQ-2)", async () => {
    const other = twin();
    await other.room.join(other.socket, people.host as RoomParticipant, null);
    await send("host", { type: "add-note", text: "from the first instance", shared: false });
    // The twin still believes seq 0: its commit conflicts, it reads seq 1 from the log and retries.
    await other.room.handleIntent(
      other.socket,
      intent({ type: "add-note", text: "from the second instance", shared: false }),
    );
    expect(other.socket.take("ack").at(-1)?.seq).toBe(2);
    const notes = other.room.currentState.notes.map((n) => n.text);
    expect(notes).toEqual(["from the first instance", "from the second instance"]);
    // It told its own socket about the change it caught up with, in order, before its own.
    expect(other.socket.take("event").map((e) => e.event.seq)).toEqual([1, 2]);
  });

  it("catchUp applies the other room's changes and fans them out with each viewer's view", async () => {
    const other = twin();
    const candidateThere = new MemorySocket();
    await other.room.join(candidateThere, people.candidate as RoomParticipant, null);
    await send("host", { type: "add-note", text: "PRIVATE-NOTE", shared: false });
    await send("host", { type: "reveal-prompt" });
    await other.room.catchUp();
    const events = candidateThere.take("event");
    // The private note is no event for the candidate at all; the reveal is, at its seq.
    expect(events.map((e) => e.event.seq)).toEqual([2]);
    expect(events[0]?.event.patch.promptRevealed).toBe(true);
    expect(candidateThere.frames).not.toContain("PRIVATE-NOTE");
    expect(other.room.currentState).toEqual(room.currentState);
  });

  it("merges presence from the other instance and forgets an instance that stopped reporting", async () => {
    const other = twin();
    const hostThere = new MemorySocket();
    await other.room.join(hostThere, people.host as RoomParticipant, null);
    const statusOf = (id: string) =>
      hostThere
        .take("presence")
        .at(-1)
        ?.participants.find((p) => p.id === id)?.status;
    expect(statusOf("p-cand")).toBe("gone");
    other.room.setRemotePresence("instance-a", { online: ["p-cand"], away: ["p-obs"] });
    expect(statusOf("p-cand")).toBe("online");
    expect(statusOf("p-obs")).toBe("away");
    // The same report again (the heartbeat) sends nobody anything.
    const frames = hostThere.take("presence").length;
    other.room.setRemotePresence("instance-a", { online: ["p-cand"], away: ["p-obs"] });
    expect(hostThere.take("presence")).toHaveLength(frames);
    now += 20_000;
    other.room.expireRemotePresence(now - 15_000);
    expect(statusOf("p-cand")).toBe("gone");
    expect(statusOf("p-host")).toBe("online");
  });
});
