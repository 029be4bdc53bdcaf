/**
 * The fan-out load generator: three sockets per session (host, candidate,
 * observer), the candidate editing the answer pad at a steady rate, and every
 * delivery timed and checked. The same code drives Loopwright and the bare
 * baseline; only where the credentials come from differs.
 */
import { performance } from "node:perf_hooks";
import { PROTOCOL_VERSION, type ServerMessage } from "@loopwright/schema";
import WebSocket from "ws";

export const ROLES = ["host", "candidate", "observer"] as const;
export type Role = (typeof ROLES)[number];

export interface SessionLinks {
  id: string;
  credentials: Record<Role, string>;
}

/** Who must hear of an answer edit: the two others (their event), and the sender (its own event, then the ack). */
const HOST_EVENT = 1;
const OBSERVER_EVENT = 2;
const OWN_EVENT = 4;
const ACK = 8;
const ALL = HOST_EVENT | OBSERVER_EVENT | OWN_EVENT | ACK;
const bitOf: Record<Role, number> = { host: HOST_EVENT, observer: OBSERVER_EVENT, candidate: OWN_EVENT };
const bitCount = (mask: number) =>
  ((mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1)) | 0;

/**
 * An answer pad a candidate is part way through: about a thousand characters,
 * sent whole with every edit as the client does.
 */
const ANSWER_BASE =
  "I would start by splitting the platform group by the consumers it serves rather than by the layer of the stack, ".repeat(
    9,
  );

interface Pending {
  sentAt: number;
  got: number;
}

export interface RoundResult {
  intents: number;
  /** Send to arrival, ms: the event at the host and the observer, the ack at the candidate. */
  deliveries: number[];
  acks: number[];
  lost: number;
  misordered: number;
  duplicated: number;
  errors: number;
}

class ClientSocket {
  lastSeq = 0;
  readonly revisionsSeen = new Set<number>();
  constructor(
    readonly ws: WebSocket,
    readonly role: Role,
  ) {}
}

class SessionClients {
  revision = 0;
  readonly pending = new Map<number, Pending>();
  sockets!: Record<Role, ClientSocket>;
  constructor(readonly index: number) {}
}

export class Fleet {
  private readonly sessions: SessionClients[] = [];
  private round: RoundResult | null = null;
  private outstanding = 0;
  private settled: (() => void) | null = null;
  private closing = false;
  /** Sockets the server closed (or that failed) while the benchmark still wanted them. */
  dropped = 0;
  readonly dropReasons: string[] = [];

  private constructor(private readonly url: string) {}

  get socketCount(): number {
    return this.sessions.length * ROLES.length;
  }

  /**
   * Opens and joins every socket, `concurrency` handshakes at a time. A fleet
   * joining sessions an earlier one edited goes on from its revisions: the
   * server ignores an answer not newer than the stored one (P-INT-2).
   */
  static async connect(
    baseUrl: string,
    links: SessionLinks[],
    { continueFrom, concurrency = 64 }: { continueFrom?: Fleet; concurrency?: number } = {},
  ): Promise<Fleet> {
    const fleet = new Fleet(baseUrl.replace(/^http/, "ws"));
    const jobs: (() => Promise<void>)[] = [];
    links.forEach((link, index) => {
      const session = new SessionClients(index);
      session.revision = continueFrom?.sessions[index]?.revision ?? 0;
      fleet.sessions.push(session);
      const sockets = {} as Record<Role, ClientSocket>;
      session.sockets = sockets;
      for (const role of ROLES) {
        jobs.push(async () => {
          sockets[role] = await fleet.join(session, link, role);
        });
      }
    });
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < jobs.length) await (jobs[next++] as () => Promise<void>)();
      }),
    );
    return fleet;
  }

  private join(session: SessionClients, link: SessionLinks, role: Role): Promise<ClientSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${this.url}/ws/sessions/${link.id}`, { perMessageDeflate: false });
      const client = new ClientSocket(ws, role);
      let welcomed = false;
      ws.once("open", () =>
        ws.send(
          JSON.stringify({
            type: "hello",
            protocol: PROTOCOL_VERSION,
            credential: link.credentials[role],
            lastSeq: null,
          }),
        ),
      );
      ws.on("message", (data) => {
        const at = performance.now();
        const message = JSON.parse(data.toString());
        if (!welcomed) {
          if (message.type !== "welcome") return;
          welcomed = true;
          if (message.view) client.lastSeq = message.view.seq;
          resolve(client);
          return;
        }
        this.receive(session, client, message, at);
      });
      ws.once("error", (error) => {
        if (!welcomed) reject(error);
      });
      ws.once("close", (code, reason) => {
        if (!welcomed) reject(new Error(`socket closed before welcome: ${code} ${reason}`));
        else if (!this.closing) {
          this.dropped += 1;
          if (this.dropReasons.length < 5) this.dropReasons.push(`${code} ${reason}`);
        }
      });
    });
  }

  private receive(session: SessionClients, client: ClientSocket, message: ServerMessage, at: number): void {
    const round = this.round;
    if (message.type === "event") {
      const { seq, patch } = message.event;
      const revision = patch.answer?.revision;
      const repeated = revision !== undefined && client.revisionsSeen.has(revision);
      if (repeated || seq === client.lastSeq) {
        if (round) round.duplicated += 1;
        return;
      }
      if (seq < client.lastSeq) {
        if (round) round.misordered += 1;
      } else client.lastSeq = seq;
      if (revision === undefined) return;
      client.revisionsSeen.add(revision);
      const bit = bitOf[client.role];
      const pending = session.pending.get(revision);
      if (!pending || !round) return;
      if (bit !== OWN_EVENT) round.deliveries.push(at - pending.sentAt);
      this.mark(session, revision, pending, bit);
      return;
    }
    if (message.type === "ack") {
      const revision = Number(String(message.opId).slice(2));
      const pending = session.pending.get(revision);
      if (!pending || !round) return;
      if (pending.got & ACK) {
        round.duplicated += 1;
        return;
      }
      const latency = at - pending.sentAt;
      round.deliveries.push(latency);
      round.acks.push(latency);
      this.mark(session, revision, pending, ACK);
      return;
    }
    if (message.type === "error" && round) round.errors += 1;
  }

  private mark(session: SessionClients, revision: number, pending: Pending, bit: number): void {
    pending.got |= bit;
    if (pending.got !== ALL) return;
    session.pending.delete(revision);
    this.outstanding -= 1;
    if (this.outstanding === 0) this.settled?.();
  }

  /**
   * Every candidate sends `perSecond` answer edits a second for `seconds`,
   * sessions evenly staggered across each interval, so the aggregate rate is
   * steady; then waits (at most `graceMs`) for the last deliveries.
   */
  async run(seconds: number, perSecond = 1, graceMs = 5_000): Promise<RoundResult> {
    const round: RoundResult = {
      intents: 0,
      deliveries: [],
      acks: [],
      lost: 0,
      misordered: 0,
      duplicated: 0,
      errors: 0,
    };
    this.round = round;
    const n = this.sessions.length;
    const interval = 1000 / perSecond;
    const total = n * Math.round(seconds * perSecond);
    const start = performance.now() + 20;
    const due = (i: number) => start + Math.floor(i / n) * interval + ((i % n) * interval) / n;
    let next = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (next < total && due(next) <= now)
          this.send(this.sessions[next++ % n] as SessionClients, round);
        if (next < total) setTimeout(tick, Math.max(0, due(next) - performance.now()));
        else resolve();
      };
      setTimeout(tick, 20);
    });
    if (this.outstanding > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.settled = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.settled = null;
    }
    for (const session of this.sessions) {
      for (const pending of session.pending.values()) round.lost += 4 - bitCount(pending.got);
      session.pending.clear();
    }
    this.outstanding = 0;
    this.round = null;
    return round;
  }

  private send(session: SessionClients, round: RoundResult): void {
    const revision = ++session.revision;
    const candidate = session.sockets.candidate;
    if (candidate.ws.readyState !== WebSocket.OPEN) {
      round.lost += 4;
      return;
    }
    const frame = JSON.stringify({
      type: "answer",
      opId: `r-${String(revision).padStart(6, "0")}`,
      text: `${ANSWER_BASE}(revision ${revision})`,
      revision,
    });
    session.pending.set(revision, { sentAt: performance.now(), got: 0 });
    this.outstanding += 1;
    round.intents += 1;
    candidate.ws.send(frame);
  }

  /** Closes every socket and waits until each has closed. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.sessions.flatMap((session) =>
        ROLES.map(
          (role) =>
            new Promise<void>((resolve) => {
              const { ws } = session.sockets[role];
              if (ws.readyState === WebSocket.CLOSED) return resolve();
              ws.once("close", () => resolve());
              ws.close();
            }),
        ),
      ),
    );
  }
}
