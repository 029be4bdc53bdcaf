import { CLOSE_CODES, PROTOCOL_VERSION, type RoomView, type ServerMessage } from "@loopwright/schema";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type NetworkEvents, RoomClient, type SocketLike } from "./room-client";
import { roomViewFixture } from "./room-view.fixture";

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closedByClient: { code?: number } | null = null;

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number) {
    this.closedByClient = { code };
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006, reason = "") {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  intents() {
    return this.sent.filter((m) => m.type !== "hello" && m.type !== "ping");
  }
}

class FakeNetwork implements NetworkEvents {
  listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, fn: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(fn);
  }
  removeEventListener(type: string, fn: () => void) {
    this.listeners.get(type)?.delete(fn);
  }
  fire(type: string) {
    for (const fn of this.listeners.get(type) ?? []) fn();
  }
}

const baseView = (): RoomView => roomViewFixture();

let sockets: FakeSocket[];
let network: FakeNetwork;
let client: RoomClient;
let ids: number;

function makeClient(random = () => 0, isOnline = () => true) {
  return new RoomClient({
    sessionId: "s1",
    credential: "c".repeat(43),
    url: "ws://test/ws/sessions/s1",
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    network,
    isOnline,
    random,
    newOpId: () => `op-${String(++ids).padStart(8, "0")}`,
  });
}

const retryWait = () => (client.getSnapshot().retryAt ?? Date.now()) - Date.now();
const latest = () => sockets[sockets.length - 1] as FakeSocket;

function join(view = baseView()) {
  latest().open();
  latest().receive({ type: "welcome", protocol: 1, serverNow: Date.now(), mode: "snapshot", view });
}

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  ids = 0;
  network = new FakeNetwork();
  client = makeClient();
});
afterEach(() => {
  client.dispose();
  vi.useRealTimers();
});

describe("the room client", () => {
  it("says hello with the protocol version and credential, then holds the snapshot", () => {
    client.start();
    expect(client.getSnapshot().status).toBe("connecting");
    latest().open();
    expect(latest().sent[0]).toEqual({
      type: "hello",
      protocol: PROTOCOL_VERSION,
      credential: "c".repeat(43),
      lastSeq: null,
    });
    latest().receive({
      type: "welcome",
      protocol: 1,
      serverNow: Date.now(),
      mode: "snapshot",
      view: baseView(),
    });
    expect(client.getSnapshot()).toMatchObject({ status: "live", view: { seq: 3 } });
  });

  it("merges events and reports an intent as pending until its ack", async () => {
    client.start();
    join();
    const { opId, done } = client.send({ type: "reveal-prompt" });
    expect(client.getSnapshot().pending.map((p) => p.opId)).toEqual([opId]);
    expect(latest().intents()).toEqual([{ type: "reveal-prompt", opId }]);
    latest().receive({
      type: "event",
      event: { seq: 4, kind: "reveal-prompt", patch: { promptRevealed: true } },
    });
    latest().receive({ type: "ack", opId, seq: 4 });
    await expect(done).resolves.toEqual({ ok: true, seq: 4 });
    expect(client.getSnapshot()).toMatchObject({ pending: [], view: { seq: 4, promptRevealed: true } });
  });

  it("re-sends an unacknowledged intent after a reconnect with the same opId, asking for what it missed", async () => {
    client.start();
    join();
    const { opId, done } = client.send({ type: "add-note", text: "evidence", shared: false });
    latest().drop();
    expect(client.getSnapshot().status).toBe("reconnecting");
    const queued = client.send({ type: "clock", action: "start" });
    vi.advanceTimersByTime(retryWait());
    expect(sockets).toHaveLength(2);
    latest().open();
    expect(latest().sent[0]).toMatchObject({ type: "hello", lastSeq: 3 });
    latest().receive({ type: "welcome", protocol: 1, serverNow: Date.now(), mode: "replay" });
    expect(latest().intents()).toEqual([
      { type: "add-note", text: "evidence", shared: false, opId },
      { type: "clock", action: "start", opId: queued.opId },
    ]);
    latest().receive({ type: "ack", opId, seq: 4 });
    await expect(done).resolves.toEqual({ ok: true, seq: 4 });
    expect(client.getSnapshot().view?.seq).toBe(3);
  });

  it("keeps only the newest answer waiting, so a long outage does not replay every keystroke", async () => {
    client.start();
    join();
    latest().drop();
    const first = client.send({ type: "answer", text: "a", revision: 1 });
    const second = client.send({ type: "answer", text: "ab", revision: 2 });
    vi.advanceTimersByTime(60_000);
    join();
    expect(latest().intents()).toEqual([{ type: "answer", text: "ab", revision: 2, opId: second.opId }]);
    latest().receive({ type: "ack", opId: second.opId, seq: 9 });
    await expect(first.done).resolves.toEqual({ ok: true, seq: 9 });
  });

  it("backs off between failed attempts and retries at once when the network returns", () => {
    client.start();
    latest().drop();
    const firstWait = retryWait();
    vi.advanceTimersByTime(firstWait);
    latest().drop();
    const secondWait = retryWait();
    expect(secondWait).toBeGreaterThan(firstWait);
    expect(sockets).toHaveLength(2);
    network.fire("online");
    expect(sockets).toHaveLength(3);
    expect(client.getSnapshot().attempt).toBe(0);
  });

  it("drops the socket when the browser goes offline and reconnects when it is back", () => {
    let online = true;
    client.dispose();
    client = makeClient(
      () => 0,
      () => online,
    );
    client.start();
    join();
    online = false;
    network.fire("offline");
    expect(sockets[0]?.closedByClient).not.toBeNull();
    expect(client.getSnapshot().status).toBe("offline");
    online = true;
    network.fire("online");
    expect(sockets).toHaveLength(2);
    join();
    expect(client.getSnapshot().status).toBe("live");
  });

  it.each([
    [CLOSE_CODES.unauthorized, "This link is not valid for this session, or it was revoked."],
    [CLOSE_CODES.protocolVersion, "Protocol 2 is not supported; this server speaks 1. Reload the page."],
    [CLOSE_CODES.revoked, "Your link to this session was revoked by the host."],
    [CLOSE_CODES.roomFull, "This session already has 12 connections."],
  ])("stops retrying on close code %i and keeps the server's reason", async (code, reason) => {
    client.start();
    join();
    const { done } = client.send({ type: "reveal-prompt" });
    latest().drop(code, reason);
    expect(client.getSnapshot()).toMatchObject({ status: "closed", fatal: { code, reason }, retryAt: null });
    await expect(done).resolves.toMatchObject({ ok: false });
    vi.advanceTimersByTime(120_000);
    network.fire("online");
    expect(sockets).toHaveLength(1);
  });

  it("reconnects after other closes, such as a server restart", () => {
    client.start();
    join();
    latest().drop(CLOSE_CODES.normal, "The server is shutting down.");
    expect(client.getSnapshot().status).toBe("reconnecting");
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(2);
  });

  it("estimates the server clock from ping round trips", () => {
    client.start();
    join();
    const ping = latest().sent.find((m) => m.type === "ping") as { clientTime: number };
    vi.advanceTimersByTime(40);
    latest().receive({ type: "pong", clientTime: ping.clientTime, serverNow: ping.clientTime + 20 + 7_000 });
    expect(client.getSnapshot().offsetMs).toBe(7_000);
    expect(client.getSnapshot().rttMs).toBe(40);
  });

  it("drops a connection whose pings go unanswered and reconnects", () => {
    client.start();
    join();
    vi.advanceTimersByTime(20_000);
    expect(latest().closedByClient).toBeNull();
    expect(sockets[0]?.closedByClient).not.toBeNull();
    expect(["reconnecting", "connecting"]).toContain(client.getSnapshot().status);
  });

  it("surfaces a refused intent's message", async () => {
    client.start();
    join();
    const { opId, done } = client.send({ type: "release" });
    latest().receive({ type: "error", opId, code: "conflict", message: "Submit at least one score first." });
    await expect(done).resolves.toEqual({
      ok: false,
      code: "conflict",
      message: "Submit at least one score first.",
    });
    expect(client.getSnapshot().lastError).toMatchObject({ type: "release", code: "conflict" });
  });
});
