// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MemoryStorage } from "../memory-storage";
import { AutosaveQueue, type Revisioned, reconcile, type SaveResult } from "./autosave-queue";
import { classifyFailure, retryDelay } from "./failures";
import { clearDrafts, readDraft, textDrafts, writeDraft } from "./local-drafts";

type AnswerDraft = Revisioned<string>;

class FailingError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** A fake server that stores by revision exactly as the real one does. */
function fakeServer(initial: AnswerDraft = { value: "", revision: 0 }) {
  const state = { ...initial };
  const sent: AnswerDraft[] = [];
  let failWith: Error | null = null;
  let gate: Promise<void> | null = null;
  const send = vi.fn(async (draft: AnswerDraft): Promise<SaveResult> => {
    sent.push(draft);
    if (gate) await gate;
    if (failWith) throw failWith;
    const applied = draft.revision > state.revision;
    if (applied) Object.assign(state, draft);
    return { applied, revision: state.revision, savedAt: "2025-01-01T00:00:00.000Z" };
  });
  return {
    state,
    sent,
    send,
    fail(error: Error | null) {
      failWith = error;
    },
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return release;
    },
  };
}

const ID = "draft.attempt-1";

function makeQueue(
  server: ReturnType<typeof fakeServer>,
  storage = new MemoryStorage(),
  extra: { isOnline?: () => boolean } = {},
) {
  const queue = new AutosaveQueue<string>({
    server: { ...server.state },
    drafts: textDrafts(storage, ID),
    send: server.send,
    random: () => 0.5,
    ...extra,
  });
  queue.start();
  return { queue, storage };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the autosave queue", () => {
  it("keeps every change on the device at once and sends after a 700 ms pause", async () => {
    const server = fakeServer();
    const { queue, storage } = makeQueue(server);
    queue.edit("Hello");
    expect(readDraft(storage, ID)).toEqual({ value: "Hello", revision: 1 });
    expect(queue.getSnapshot().status.kind).toBe("saving");
    await vi.advanceTimersByTimeAsync(699);
    expect(server.send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(server.sent).toEqual([{ value: "Hello", revision: 1 }]);
    expect(queue.getSnapshot().status).toEqual({ kind: "saved", savedAt: "2025-01-01T00:00:00.000Z" });
    expect(queue.hasUnsynced).toBe(false);
  });

  it("folds a burst of typing into one save carrying the latest revision", async () => {
    const server = fakeServer();
    const { queue } = makeQueue(server);
    for (const text of ["a", "ab", "abc", "abcd"]) {
      queue.edit(text);
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.advanceTimersByTimeAsync(700);
    expect(server.sent).toEqual([{ value: "abcd", revision: 4 }]);
  });

  it("raises the revision with every change, never reusing one, and ignores non-changes", async () => {
    const server = fakeServer({ value: "old", revision: 7 });
    const { queue } = makeQueue(server);
    queue.edit("old"); // same text: not a change
    expect(queue.getSnapshot().revision).toBe(7);
    queue.edit("new");
    queue.edit("newer");
    expect(queue.getSnapshot().revision).toBe(9);
    await vi.advanceTimersByTimeAsync(700);
    queue.edit("newest");
    await vi.advanceTimersByTimeAsync(700);
    expect(server.sent.map((d) => d.revision)).toEqual([9, 10]);
    expect(server.state).toEqual({ value: "newest", revision: 10 });
  });

  it("sends what was typed during a save right after it, with a higher revision", async () => {
    const server = fakeServer();
    const { queue } = makeQueue(server);
    queue.edit("first");
    const release = server.hold();
    await vi.advanceTimersByTimeAsync(700);
    queue.edit("first and second");
    await vi.advanceTimersByTimeAsync(700); // debounce fires while the first save is still out
    expect(server.sent).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.sent).toEqual([
      { value: "first", revision: 1 },
      { value: "first and second", revision: 2 },
    ]);
    expect(server.state.value).toBe("first and second");
    expect(queue.getSnapshot().status.kind).toBe("saved");
  });

  it("says offline when the server cannot be reached, retries with backoff and flushes at once when back online", async () => {
    const server = fakeServer();
    const { queue, storage } = makeQueue(server);
    server.fail(new FailingError("Could not reach the Loopwright server.", 0));
    queue.edit("typed on a train");
    await vi.advanceTimersByTimeAsync(700);
    expect(queue.getSnapshot().status).toEqual({ kind: "offline" });
    expect(readDraft(storage, ID)).toEqual({ value: "typed on a train", revision: 1 });

    await vi.advanceTimersByTimeAsync(1000); // first retry after ~1 s
    expect(server.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1999); // the second waits ~2 s
    expect(server.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.sent).toHaveLength(3);

    queue.edit("typed on a train, still offline");
    expect(queue.getSnapshot().status).toEqual({ kind: "offline" });

    server.fail(null);
    queue.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state).toEqual({ value: "typed on a train, still offline", revision: 2 });
    expect(queue.getSnapshot().status.kind).toBe("saved");
  });

  it("does not try to send while the browser says it is offline", async () => {
    const server = fakeServer();
    let online = false;
    const { queue } = makeQueue(server, new MemoryStorage(), { isOnline: () => online });
    queue.edit("draft");
    await vi.advanceTimersByTimeAsync(700);
    expect(server.send).not.toHaveBeenCalled();
    expect(queue.getSnapshot().status.kind).toBe("offline");
    online = true;
    queue.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state.value).toBe("draft");
  });

  it("shows the server's message when it refuses a save, and does not hammer it", async () => {
    const server = fakeServer();
    const { queue } = makeQueue(server);
    server.fail(new FailingError("This attempt has been submitted; its answer can no longer change.", 409));
    queue.edit("late");
    await vi.advanceTimersByTimeAsync(700);
    expect(queue.getSnapshot().status).toEqual({
      kind: "error",
      message: "This attempt has been submitted; its answer can no longer change.",
      retrying: false,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.sent).toHaveLength(1);
  });

  it("retries a server error (5xx) and says so", async () => {
    const server = fakeServer();
    const { queue } = makeQueue(server);
    server.fail(new FailingError("Something went wrong on our side.", 500));
    queue.edit("x");
    await vi.advanceTimersByTimeAsync(700);
    expect(queue.getSnapshot().status).toMatchObject({ kind: "error", retrying: true });
    server.fail(null);
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.getSnapshot().status.kind).toBe("saved");
  });

  it("waits out a rate limit's Retry-After before saving again", async () => {
    const server = fakeServer();
    const { queue } = makeQueue(server);
    server.fail(new FailingError("Too many requests from your address. Try again in 12 seconds.", 429, 12));
    queue.edit("x");
    await vi.advanceTimersByTimeAsync(700);
    expect(queue.getSnapshot().status).toMatchObject({ kind: "error", retrying: true });
    server.fail(null);
    // The backoff alone would retry after 1 s; the server asked for 12.
    await vi.advanceTimersByTimeAsync(11_000);
    expect(server.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.sent).toHaveLength(2);
    expect(queue.getSnapshot().status.kind).toBe("saved");
  });

  it("restores a newer local draft on load and sends it again", async () => {
    const storage = new MemoryStorage();
    writeDraft(storage, ID, { value: "typed before the reload", revision: 5 });
    const server = fakeServer({ value: "typed before", revision: 3 });
    const { queue } = makeQueue(server, storage);
    expect(queue.getSnapshot()).toMatchObject({
      value: "typed before the reload",
      revision: 5,
      unsynced: true,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state).toEqual({ value: "typed before the reload", revision: 5 });
  });

  it("prefers the server when it is as new as the local draft, and drops the stale draft", () => {
    const storage = new MemoryStorage();
    writeDraft(storage, ID, { value: "old local", revision: 2 });
    const server = fakeServer({ value: "from another device", revision: 4 });
    const { queue } = makeQueue(server, storage);
    expect(queue.getSnapshot()).toMatchObject({ value: "from another device", revision: 4, unsynced: false });
    expect(storage.getItem(ID)).toBeNull();
  });

  it("puts the text being typed on top when the server holds a newer revision from elsewhere", async () => {
    const server = fakeServer();
    const { queue } = makeQueue(server);
    queue.edit("mine");
    server.state.value = "another tab";
    server.state.revision = 6;
    await vi.advanceTimersByTimeAsync(700);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state).toEqual({ value: "mine", revision: 7 });
    expect(queue.getSnapshot().status.kind).toBe("saved");
  });

  it("hands over the final answer for the submit and forgets the draft once submitted", async () => {
    const server = fakeServer();
    const { queue, storage } = makeQueue(server);
    expect(queue.finalAnswer()).toBeUndefined();
    queue.edit("final words");
    expect(queue.finalAnswer()).toEqual({ value: "final words", revision: 1 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.send).not.toHaveBeenCalled(); // finalAnswer cancelled the pending save; submit carries it
    queue.finish();
    expect(readDraft(storage, ID)).toBeNull();
    queue.edit("after submit");
    expect(queue.getSnapshot().value).toBe("final words");
  });

  it("keeps the draft but stops sending when stopped, and picks up again on start", async () => {
    const server = fakeServer();
    const { queue, storage } = makeQueue(server);
    queue.edit("halfway");
    queue.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.send).not.toHaveBeenCalled();
    expect(readDraft(storage, ID)?.value).toBe("halfway");
    queue.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state.value).toBe("halfway");
  });
});

describe("autosave helpers", () => {
  it("reconciles server and local drafts by revision", () => {
    expect(reconcile({ value: "s", revision: 2 }, null)).toEqual({
      value: "s",
      revision: 2,
      confirmed: 2,
      resend: false,
    });
    expect(reconcile({ value: "s", revision: 2 }, { value: "l", revision: 3 })).toEqual({
      value: "l",
      revision: 3,
      confirmed: 2,
      resend: true,
    });
    expect(reconcile({ value: "s", revision: 3 }, { value: "l", revision: 3 }).value).toBe("s");
  });

  it("backs off exponentially up to 30 s, with jitter", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => retryDelay(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(retryDelay(1, () => 0)).toBe(800);
    expect(retryDelay(1, () => 1)).toBe(1200);
  });

  it("classifies failures by status", () => {
    expect(classifyFailure(new FailingError("x", 0)).kind).toBe("network");
    expect(classifyFailure(new TypeError("Failed to fetch")).kind).toBe("network");
    expect(classifyFailure(new FailingError("x", 503)).kind).toBe("server");
    expect(classifyFailure(new FailingError("slow down", 429, 30))).toEqual({
      kind: "server",
      message: "slow down",
      retryAfterMs: 30_000,
    });
    expect(classifyFailure(new FailingError("too long", 400))).toEqual({
      kind: "client",
      message: "too long",
    });
  });

  it("ignores corrupt drafts and clears all drafts under a prefix at once", () => {
    const storage = new MemoryStorage();
    storage.setItem("draft.a", "{not json");
    storage.setItem("draft.b", JSON.stringify({ text: 1, revision: "x" }));
    writeDraft(storage, "draft.c", { value: "ok", revision: 1 });
    storage.setItem("unrelated", "keep");
    expect(readDraft(storage, "draft.a")).toBeNull();
    expect(readDraft(storage, "draft.b")).toBeNull();
    expect(readDraft(storage, "draft.c")).toEqual({ value: "ok", revision: 1 });
    // Drafts keep the {text, revision} shape already stored on people's devices.
    expect(JSON.parse(storage.getItem("draft.c") ?? "null")).toEqual({ text: "ok", revision: 1 });
    clearDrafts(storage, "draft.");
    expect(storage.length).toBe(1);
    expect(storage.getItem("unrelated")).toBe("keep");
  });
});

describe("the autosave queue without a device store", () => {
  it("saves any kind of value, keeping nothing on the device", async () => {
    const sent: Revisioned<Map<string, number>>[] = [];
    const queue = new AutosaveQueue<Map<string, number>>({
      server: { value: new Map(), revision: 0 },
      send: async (draft) => {
        sent.push(draft);
        return { applied: true, revision: draft.revision, savedAt: null };
      },
    });
    queue.start();
    queue.edit(new Map([["a", 1]]));
    queue.edit(new Map([["a", 2]]));
    await vi.advanceTimersByTimeAsync(700);
    expect(sent.map((d) => [d.revision, d.value.get("a")])).toEqual([[2, 2]]);
    expect(queue.getSnapshot().status).toEqual({ kind: "saved", savedAt: null });
  });
});

describe("another tab moving the value on", () => {
  it("is taken as it is when nothing is pending here", () => {
    const server = fakeServer({ value: "mine", revision: 2 });
    const { queue } = makeQueue(server);
    queue.adopt({ value: "from the other tab", revision: 4 });
    expect(queue.getSnapshot()).toMatchObject({ value: "from the other tab", revision: 4, unsynced: false });
  });

  it("ignores what it already has, such as the echo of its own save", async () => {
    const server = fakeServer();
    const { queue } = makeQueue(server);
    queue.edit("typed");
    queue.adopt({ value: "typed", revision: 1 });
    await vi.advanceTimersByTimeAsync(700);
    expect(server.sent).toEqual([{ value: "typed", revision: 1 }]);
    queue.adopt({ value: "old", revision: 1 });
    expect(queue.getSnapshot()).toMatchObject({ value: "typed", revision: 1 });
  });

  it("keeps what is being typed here, on top of the newer revision", async () => {
    const server = fakeServer();
    const { queue } = makeQueue(server);
    queue.edit("half a thought");
    server.state.value = "the other tab";
    server.state.revision = 5;
    queue.adopt({ value: "the other tab", revision: 5 });
    expect(queue.getSnapshot()).toMatchObject({ value: "half a thought", revision: 6, unsynced: true });
    await vi.advanceTimersByTimeAsync(700);
    expect(server.state).toEqual({ value: "half a thought", revision: 6 });
  });
});
