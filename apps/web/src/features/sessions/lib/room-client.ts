import { type BackoffOptions, backoffDelay, TokenBucket } from "@loopwright/pacing";
import {
  CLOSE_CODES,
  type ClientIntent,
  type ClientMessage,
  FATAL_CLOSE_CODES,
  LINK_REPLACED_MESSAGE,
  PROTOCOL_VERSION,
  type PresenceEntry,
  RATE_LIMIT,
  type RoomView,
  type ServerMessage,
  serverMessageSchema,
} from "@loopwright/schema";
import { applyEvent, ClockOffset } from "./room-sync";

/**
 * The browser's side of a live session: one WebSocket, the versioned
 * handshake, the local copy of this participant's view, intents with
 * idempotency keys that are re-sent after a reconnect until acknowledged,
 * reconnection with backoff, and the clock offset from ping/pong.
 * Framework-free; React reads it through `useRoom`.
 */

/** An intent as a caller writes it; the client adds the `opId`. */
export type IntentDraft = ClientIntent extends infer I
  ? I extends ClientIntent
    ? Omit<I, "opId">
    : never
  : never;
export type IntentType = ClientIntent["type"];
export type { PresenceEntry };

export type ConnectionStatus =
  /** First connection, or a retry in flight. */
  | "connecting"
  /** Joined: the view is current and intents flow. */
  | "live"
  /** Dropped; a retry is scheduled (`retryAt`). */
  | "reconnecting"
  /** Dropped while the browser reports no network; retries as soon as it returns. */
  | "offline"
  /** The server refused us for good (`fatal` says why); no more retries. */
  | "closed";

export interface PendingOp {
  opId: string;
  type: IntentType;
  queuedAt: number;
}

export type IntentResult = { ok: true; seq: number } | { ok: false; code: string; message: string };

export interface RoomClientState {
  status: ConnectionStatus;
  view: RoomView | null;
  /** Who is here, away or gone; null until the server first reports it. */
  presence: PresenceEntry[] | null;
  /** Intents sent (or waiting to be) and not yet acknowledged, oldest first. */
  pending: PendingOp[];
  lastAck: { opId: string; type: IntentType; at: number } | null;
  lastError: { opId?: string; type?: IntentType; code: string; message: string; at: number } | null;
  fatal: { code: number; reason: string } | null;
  /** When the next reconnect attempt happens, while reconnecting. */
  retryAt: number | null;
  /** Consecutive failed connection attempts. */
  attempt: number;
  /** Add to Date.now() to get the server's clock. */
  offsetMs: number;
  rttMs: number | null;
  lastEvent: { seq: number; kind: string } | null;
  /** Whether this client has ever been joined (distinguishes a first connect from a reconnect). */
  everJoined: boolean;
}

const FATAL_FALLBACK: Record<number, string> = {
  [CLOSE_CODES.unauthorized]: "This link is not valid for this session, or it was revoked.",
  [CLOSE_CODES.protocolVersion]:
    "This page speaks an older version of the session protocol. Reload the page.",
  [CLOSE_CODES.revoked]: "Your link to this session was revoked by the host.",
  [CLOSE_CODES.roomFull]: "This session already has as many connections as it allows.",
  [CLOSE_CODES.linkReplaced]: LINK_REPLACED_MESSAGE,
};

/** The subset of the browser's WebSocket the client uses, so tests can supply a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface NetworkEvents {
  addEventListener(type: "online" | "offline", listener: () => void): void;
  removeEventListener(type: "online" | "offline", listener: () => void): void;
}

export interface RoomClientOptions {
  sessionId: string;
  credential: string;
  /** ws(s)://host/ws/sessions/:id */
  url: string;
  createSocket?: (url: string) => SocketLike;
  network?: NetworkEvents | null;
  isOnline?: () => boolean;
  now?: () => number;
  random?: () => number;
  newOpId?: () => string;
  pingIntervalMs?: number;
  /** A ping unanswered this long means a dead connection: drop it and reconnect. */
  pongTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** Only for tests of the handshake's refusal. */
  protocol?: number;
}

const OPEN = 1;

/** Reconnect schedule: equal jitter, so participants dropped by one outage do not return at once. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 15_000, jitter: "equal" };

/** A random v4-style id; crypto.randomUUID where available (secure contexts), else getRandomValues. */
export function newOpId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The room's socket address for a session on the page's own origin. */
export function roomSocketUrl(location: { protocol: string; host: string }, sessionId: string): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/ws/sessions/${encodeURIComponent(sessionId)}`;
}

interface Op {
  message: ClientIntent;
  queuedAt: number;
  resolve: (result: IntentResult) => void;
}

/** A room not joined yet: connecting, with nothing known. */
export function initialRoomState(): RoomClientState {
  return {
    status: "connecting",
    view: null,
    presence: null,
    pending: [],
    lastAck: null,
    lastError: null,
    fatal: null,
    retryAt: null,
    attempt: 0,
    offsetMs: 0,
    rttMs: null,
    lastEvent: null,
    everJoined: false,
  };
}

export class RoomClient {
  private state: RoomClientState = initialRoomState();
  private readonly listeners = new Set<() => void>();
  private socket: SocketLike | null = null;
  private joined = false;
  private started = false;
  private disposed = false;
  private readonly ops = new Map<string, Op>();
  private sendQueue: string[] = [];
  private readonly bucket: TokenBucket;
  private readonly offset = new ClockOffset();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private outstandingPingAt: number | null = null;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly makeOpId: () => string;
  private readonly createSocket: (url: string) => SocketLike;
  private readonly network: NetworkEvents | null;
  private readonly isOnline: () => boolean;
  private readonly pingIntervalMs: number;
  private readonly pongTimeoutMs: number;
  private readonly backoff: BackoffOptions;

  constructor(private readonly options: RoomClientOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.makeOpId = options.newOpId ?? newOpId;
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.network =
      options.network === undefined ? (typeof window === "undefined" ? null : window) : options.network;
    this.isOnline =
      options.isOnline ?? (() => (typeof navigator === "undefined" ? true : navigator.onLine !== false));
    this.pingIntervalMs = options.pingIntervalMs ?? 3_000;
    this.pongTimeoutMs = options.pongTimeoutMs ?? 12_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    // Half the server's allowance, so retries after a long outage never trip its flood limit.
    this.bucket = new TokenBucket(RATE_LIMIT.perSecond / 2, RATE_LIMIT.burst / 2, this.now());
  }

  /* ───────────── subscription (useSyncExternalStore) ───────────── */

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RoomClientState => this.state;

  private update(patch: Partial<RoomClientState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private pendingList(): PendingOp[] {
    return [...this.ops.entries()].map(([opId, op]) => ({
      opId,
      type: op.message.type,
      queuedAt: op.queuedAt,
    }));
  }

  /* ───────────── lifecycle ───────────── */

  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    this.network?.addEventListener("online", this.handleOnline);
    this.network?.addEventListener("offline", this.handleOffline);
    this.connect();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.joined = false;
    this.network?.removeEventListener("online", this.handleOnline);
    this.network?.removeEventListener("offline", this.handleOffline);
    clearTimeout(this.retryTimer);
    clearTimeout(this.flushTimer);
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      this.detach(socket);
      socket.close(1000, "Leaving the session.");
    }
    this.listeners.clear();
  }

  /** Skips the wait before the next reconnect attempt (a "Retry now" button, the network coming back). */
  retryNow(): void {
    if (this.disposed || this.state.status === "closed" || this.socket) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.connect();
  }

  private readonly handleOnline = () => {
    if (this.state.status === "reconnecting" || this.state.status === "offline") {
      this.update({ attempt: 0 });
      this.retryNow();
    }
  };

  /**
   * The browser lost its network. An open socket would only be found dead by
   * the next unanswered ping, so drop it now; the `online` event reconnects.
   */
  private readonly handleOffline = () => {
    if (this.socket) this.abandonSocket();
    else if (this.state.status === "reconnecting") this.update({ status: "offline" });
  };

  private connect(): void {
    if (this.disposed) return;
    this.joined = false;
    this.update({ status: this.state.everJoined ? "reconnecting" : "connecting", retryAt: null });
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.options.url);
    } catch {
      this.handleDrop(1006, "");
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      // The handler for incoming frames is already attached; the hello goes first.
      this.sendRaw({
        type: "hello",
        protocol: this.options.protocol ?? PROTOCOL_VERSION,
        credential: this.options.credential,
        lastSeq: this.state.view ? this.state.view.seq : null,
      });
    };
    socket.onmessage = (event) => this.handleFrame(event.data);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.handleDrop(event.code, event.reason);
    };
    socket.onerror = () => {
      // A close event always follows; nothing to do here.
    };
  }

  private detach(socket: SocketLike): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
  }

  /** Drops the current socket from our side (a dead connection) and reconnects. */
  private abandonSocket(): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    this.detach(socket);
    try {
      socket.close(1000, "No answer from the server.");
    } catch {
      // already closing
    }
    this.handleDrop(1006, "");
  }

  private handleDrop(code: number, reason: string): void {
    this.joined = false;
    clearInterval(this.pingTimer);
    clearTimeout(this.flushTimer);
    this.pingTimer = undefined;
    this.outstandingPingAt = null;
    if (this.disposed) return;
    if (FATAL_CLOSE_CODES.includes(code)) {
      const message = reason || FATAL_FALLBACK[code] || "The server closed the session.";
      for (const [opId, op] of this.ops) {
        op.resolve({ ok: false, code: "closed", message });
        this.ops.delete(opId);
      }
      this.update({ status: "closed", fatal: { code, reason: message }, retryAt: null, pending: [] });
      return;
    }
    const delay = backoffDelay(this.state.attempt, this.backoff, this.random());
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect();
    }, delay);
    this.update({
      status: this.isOnline() ? "reconnecting" : "offline",
      attempt: this.state.attempt + 1,
      retryAt: this.now() + delay,
    });
  }

  /* ───────────── frames in ───────────── */

  private handleFrame(data: unknown): void {
    if (typeof data !== "string") return;
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = serverMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    this.handleMessage(parsed.data);
  }

  private handleMessage(message: ServerMessage): void {
    switch (message.type) {
      case "welcome": {
        this.offset.seed(message.serverNow, this.now());
        const view = message.mode === "snapshot" && message.view ? message.view : this.state.view;
        this.joined = true;
        this.update({
          status: "live",
          view,
          attempt: 0,
          retryAt: null,
          fatal: null,
          everJoined: true,
          offsetMs: this.offset.offsetMs,
        });
        this.startPinging();
        // Everything not yet acknowledged goes again, with its original opId: the server applies each once.
        this.sendQueue = [...this.ops.keys()];
        this.flush();
        return;
      }
      case "event": {
        if (!this.state.view) return;
        const view = applyEvent(this.state.view, message.event);
        if (view !== this.state.view)
          this.update({ view, lastEvent: { seq: message.event.seq, kind: message.event.kind } });
        return;
      }
      case "ack": {
        const op = this.ops.get(message.opId);
        if (!op) return;
        this.ops.delete(message.opId);
        op.resolve({ ok: true, seq: message.seq });
        this.update({
          pending: this.pendingList(),
          lastAck: { opId: message.opId, type: op.message.type, at: this.now() },
        });
        return;
      }
      case "error": {
        const op = message.opId ? this.ops.get(message.opId) : undefined;
        if (op && message.opId) {
          this.ops.delete(message.opId);
          op.resolve({ ok: false, code: message.code, message: message.message });
        }
        this.update({
          pending: this.pendingList(),
          lastError: {
            ...(message.opId ? { opId: message.opId } : {}),
            ...(op ? { type: op.message.type } : {}),
            code: message.code,
            message: message.message,
            at: this.now(),
          },
        });
        return;
      }
      case "presence":
        this.update({ presence: message.participants });
        return;
      case "pong": {
        if (this.outstandingPingAt !== null && message.clientTime >= this.outstandingPingAt)
          this.outstandingPingAt = null;
        const estimate = this.offset.add({
          sentAt: message.clientTime,
          receivedAt: this.now(),
          serverNow: message.serverNow,
        });
        if (estimate.offsetMs !== this.state.offsetMs || estimate.rttMs !== this.state.rttMs)
          this.update({ offsetMs: estimate.offsetMs, rttMs: estimate.rttMs });
        return;
      }
    }
  }

  /* ───────────── frames out ───────────── */

  private sendRaw(message: ClientMessage): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return false;
    try {
      socket.send(JSON.stringify(message));
      return true;
    } catch {
      return false;
    }
  }

  private startPinging(): void {
    clearInterval(this.pingTimer);
    const ping = () => {
      const sentAt = this.now();
      if (this.outstandingPingAt !== null && sentAt - this.outstandingPingAt > this.pongTimeoutMs) {
        this.abandonSocket();
        return;
      }
      if (this.sendRaw({ type: "ping", clientTime: sentAt }) && this.outstandingPingAt === null)
        this.outstandingPingAt = sentAt;
    };
    ping();
    // Two quick extra samples so the first estimate does not rest on a single round trip.
    setTimeout(() => this.joined && ping(), 250);
    setTimeout(() => this.joined && ping(), 700);
    this.pingTimer = setInterval(ping, this.pingIntervalMs);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.joined) return;
    while (this.sendQueue.length > 0) {
      const opId = this.sendQueue[0] as string;
      const op = this.ops.get(opId);
      if (!op) {
        this.sendQueue.shift();
        continue;
      }
      if (!this.bucket.take(this.now())) {
        this.flushTimer = setTimeout(() => this.flush(), this.bucket.waitMs(this.now()));
        return;
      }
      this.sendQueue.shift();
      if (!this.sendRaw(op.message)) return; // re-sent from `ops` after the reconnect
    }
  }

  /**
   * Sends an intent and resolves when the server acknowledges it (after it is
   * committed) or refuses it. While disconnected it waits and goes out on the
   * next connection with the same opId. A newer answer replaces an older one
   * still waiting, since the pad's latest revision supersedes the rest.
   */
  send(draft: IntentDraft): { opId: string; done: Promise<IntentResult> } {
    const opId = this.makeOpId();
    const message = { ...draft, opId } as ClientIntent;
    let resolve!: (result: IntentResult) => void;
    const done = new Promise<IntentResult>((r) => {
      resolve = r;
    });
    if (this.state.status === "closed") {
      resolve({ ok: false, code: "closed", message: this.state.fatal?.reason ?? "The session is closed." });
      return { opId, done };
    }
    if (draft.type === "answer") {
      for (const [id, op] of this.ops) {
        if (op.message.type !== "answer") continue;
        this.ops.delete(id);
        void done.then(op.resolve);
      }
    }
    this.ops.set(opId, { message, queuedAt: this.now(), resolve });
    this.update({ pending: this.pendingList() });
    if (this.joined) {
      this.sendQueue.push(opId);
      this.flush();
    }
    return { opId, done };
  }

  /** The server's clock now, as this client estimates it. */
  serverNow(): number {
    return this.now() + this.state.offsetMs;
  }
}
