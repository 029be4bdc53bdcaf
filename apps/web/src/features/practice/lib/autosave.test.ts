// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type AnswerDraft,
  AutosaveQueue,
  classifyFailure,
  clearAllDrafts,
  draftStorageName,
  readDraft,
  reconcile,
  retryDelay,
  type SaveResult,
  writeDraft,
} from "./autosave";

class MemoryStorage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(name: string) {
    return this.map.get(name) ?? null;
  }
  setItem(name: string, value: string) {
    this.map.set(name, value);
  }
  removeItem(name: string) {
    this.map.delete(name);
  }
}

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
function fakeServer(initial: AnswerDraft = { text: "", revision: 0 }) {
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

const ID = "attempt-1";

function makeQueue(
  server: ReturnType<typeof fakeServer>,
  storage = new MemoryStorage(),
  extra: { isOnline?: () => boolean } = {},
) {
  const queue = new AutosaveQueue({
    attemptId: ID,
    server: { ...server.state },
    storage,
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
    expect(readDraft(storage, ID)).toEqual({ text: "Hello", revision: 1 });
    expect(queue.getSnapshot().status.kind).toBe("saving");
    await vi.advanceTimersByTimeAsync(699);
    expect(server.send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(server.sent).toEqual([{ text: "Hello", revision: 1 }]);
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
    expect(server.sent).toEqual([{ text: "abcd", revision: 4 }]);
  });

  it("raises the revision with every change, never reusing one, and ignores non-changes", async () => {
    const server = fakeServer({ text: "old", revision: 7 });
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
    expect(server.state).toEqual({ text: "newest", revision: 10 });
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
      { text: "first", revision: 1 },
      { text: "first and second", revision: 2 },
    ]);
    expect(server.state.text).toBe("first and second");
    expect(queue.getSnapshot().status.kind).toBe("saved");
  });

  it("says offline when the server cannot be reached, retries with backoff and flushes at once when back online", async () => {
    const server = fakeServer();
    const { queue, storage } = makeQueue(server);
    server.fail(new FailingError("Could not reach the Loopwright server.", 0));
    queue.edit("typed on a train");
    await vi.advanceTimersByTimeAsync(700);
    expect(queue.getSnapshot().status).toEqual({ kind: "offline" });
    expect(readDraft(storage, ID)).toEqual({ text: "typed on a train", revision: 1 });

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
    expect(server.state).toEqual({ text: "typed on a train, still offline", revision: 2 });
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
    expect(server.state.text).toBe("draft");
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
    writeDraft(storage, ID, { text: "typed before the reload", revision: 5 });
    const server = fakeServer({ text: "typed before", revision: 3 });
    const { queue } = makeQueue(server, storage);
    expect(queue.getSnapshot()).toMatchObject({
      text: "typed before the reload",
      revision: 5,
      unsynced: true,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state).toEqual({ text: "typed before the reload", revision: 5 });
  });

  it("prefers the server when it is as new as the local draft, and drops the stale draft", () => {
    const storage = new MemoryStorage();
    writeDraft(storage, ID, { text: "old local", revision: 2 });
    const server = fakeServer({ text: "from another device", revision: 4 });
    const { queue } = makeQueue(server, storage);
    expect(queue.getSnapshot()).toMatchObject({ text: "from another device", revision: 4, unsynced: false });
    expect(storage.getItem(draftStorageName(ID))).toBeNull();
  });

  it("puts the text being typed on top when the server holds a newer revision from elsewhere", async () => {
    const server = fakeServer();
    const { queue } = makeQueue(server);
    queue.edit("mine");
    server.state.text = "another tab";
    server.state.revision = 6;
    await vi.advanceTimersByTimeAsync(700);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state).toEqual({ text: "mine", revision: 7 });
    expect(queue.getSnapshot().status.kind).toBe("saved");
  });

  it("hands over the final answer for the submit and forgets the draft once submitted", async () => {
    const server = fakeServer();
    const { queue, storage } = makeQueue(server);
    expect(queue.finalAnswer()).toBeUndefined();
    queue.edit("final words");
    expect(queue.finalAnswer()).toEqual({ text: "final words", revision: 1 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.send).not.toHaveBeenCalled(); // finalAnswer cancelled the pending save; submit carries it
    queue.finish();
    expect(readDraft(storage, ID)).toBeNull();
    queue.edit("after submit");
    expect(queue.getSnapshot().text).toBe("final words");
  });

  it("keeps the draft but stops sending when stopped, and picks up again on start", async () => {
    const server = fakeServer();
    const { queue, storage } = makeQueue(server);
    queue.edit("halfway");
    queue.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.send).not.toHaveBeenCalled();
    expect(readDraft(storage, ID)?.text).toBe("halfway");
    queue.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state.text).toBe("halfway");
  });
});

describe("autosave helpers", () => {
  it("reconciles server and local drafts by revision", () => {
    expect(reconcile({ text: "s", revision: 2 }, null)).toEqual({
      text: "s",
      revision: 2,
      confirmed: 2,
      resend: false,
    });
    expect(reconcile({ text: "s", revision: 2 }, { text: "l", revision: 3 })).toEqual({
      text: "l",
      revision: 3,
      confirmed: 2,
      resend: true,
    });
    expect(reconcile({ text: "s", revision: 3 }, { text: "l", revision: 3 }).text).toBe("s");
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

  it("ignores corrupt drafts and clears all practice drafts at once", () => {
    const storage = new MemoryStorage();
    storage.setItem(draftStorageName("a"), "{not json");
    storage.setItem(draftStorageName("b"), JSON.stringify({ text: 1, revision: "x" }));
    writeDraft(storage, "c", { text: "ok", revision: 1 });
    storage.setItem("unrelated", "keep");
    expect(readDraft(storage, "a")).toBeNull();
    expect(readDraft(storage, "b")).toBeNull();
    expect(readDraft(storage, "c")).toEqual({ text: "ok", revision: 1 });
    clearAllDrafts(storage);
    expect(storage.length).toBe(1);
    expect(storage.getItem("unrelated")).toBe("keep");
  });
});
