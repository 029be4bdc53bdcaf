import {
  CLOSE_CODES,
  type ClientIntent,
  MAX_REPLAY_EVENTS,
  MAX_ROOM_CONNECTIONS,
  PRESENCE_GRACE_MS,
  PROTOCOL_VERSION,
  type Question,
  type RoomView,
  type ServerMessage,
} from "@loopwright/schema";
import type { PeerEventRecord, PeerSessionRepository } from "../../storage/store.js";
import { applyIntent, RoomError } from "./room-intents.js";
import type { RoomParticipant, RoomState } from "./room-state.js";
import { diffViews, viewFor } from "./room-view.js";

/** The room's only view of a connection: tests use in-memory pairs, production a WebSocket. */
export interface RoomSocket {
  send(message: ServerMessage): void;
  close(code: number, reason: string): void;
}

type PresenceStatus = "online" | "away" | "gone";

export interface RoomOptions {
  state: RoomState;
  seq: number;
  participants: RoomParticipant[];
  question: Question;
  repo: PeerSessionRepository;
  now?: () => number;
  presenceGraceMs?: number;
  /** Told when the last socket has left, so the room can be unloaded. */
  onEmpty?: () => void;
}

/**
 * A live session: server-authoritative state, per-role views, sequenced and
 * persisted changes, presence. Every change is committed before it is
 * acknowledged or fanned out.
 */
export class Room {
  private state: RoomState;
  private seq: number;
  private participants: RoomParticipant[];
  private readonly sockets = new Map<RoomSocket, RoomParticipant>();
  private readonly presence = new Map<string, { status: PresenceStatus; timer?: NodeJS.Timeout }>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly graceMs: number;

  constructor(private readonly options: RoomOptions) {
    this.state = options.state;
    this.seq = options.seq;
    this.participants = options.participants;
    this.now = options.now ?? Date.now;
    this.graceMs = options.presenceGraceMs ?? PRESENCE_GRACE_MS;
  }

  get sessionId(): string {
    return this.state.sessionId;
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  get currentState(): RoomState {
    return this.state;
  }

  /** Changes run one at a time so sequence numbers and views never interleave. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  viewOf(participant: RoomParticipant): RoomView {
    return viewFor(this.state, this.seq, participant, this.participants, this.options.question);
  }

  join(socket: RoomSocket, participant: RoomParticipant, lastSeq: number | null): Promise<void> {
    return this.serial(async () => {
      if (this.sockets.size >= MAX_ROOM_CONNECTIONS) {
        socket.close(CLOSE_CODES.roomFull, `This session already has ${MAX_ROOM_CONNECTIONS} connections.`);
        return;
      }
      const me = this.participants.find((p) => p.id === participant.id) ?? participant;
      const base = { type: "welcome" as const, protocol: PROTOCOL_VERSION, serverNow: this.now() };
      let replay: PeerEventRecord[] | null = null;
      // P-SYNC-1: a client that saw seq N gets what it missed after N, or a snapshot when that is too much or impossible.
      if (lastSeq !== null && lastSeq <= this.seq) {
        const missed = await this.options.repo.eventsAfter(
          this.sessionId,
          me.id,
          lastSeq,
          MAX_REPLAY_EVENTS + 1,
        );
        if (missed.length <= MAX_REPLAY_EVENTS) replay = missed;
      }
      if (replay) {
        socket.send({ ...base, mode: "replay" });
        for (const e of replay) {
          socket.send({
            type: "event",
            event: { seq: e.seq, kind: e.kind, patch: e.patch as Partial<RoomView> },
          });
        }
      } else {
        socket.send({ ...base, mode: "snapshot", view: this.viewOf(me) });
      }
      this.sockets.set(socket, me);
      this.setPresence(me.id, "online");
    });
  }

  leave(socket: RoomSocket): void {
    const participant = this.sockets.get(socket);
    if (!participant) return;
    this.sockets.delete(socket);
    const stillHere = [...this.sockets.values()].some((p) => p.id === participant.id);
    if (!stillHere) this.setPresence(participant.id, "away");
    if (this.sockets.size === 0) this.options.onEmpty?.();
  }

  /** Resolves once every change queued so far is committed. */
  drain(): Promise<void> {
    return this.serial(async () => undefined);
  }

  private setPresence(participantId: string, status: PresenceStatus): void {
    const entry = this.presence.get(participantId);
    if (entry?.timer) clearTimeout(entry.timer);
    const next: { status: PresenceStatus; timer?: NodeJS.Timeout } = { status };
    // P-PRES-1: a dropped participant is "away" for a grace period, then "gone".
    if (status === "away") {
      next.timer = setTimeout(() => this.setPresence(participantId, "gone"), this.graceMs);
      next.timer.unref?.();
    }
    this.presence.set(participantId, next);
    this.broadcastPresence();
  }

  private broadcastPresence(): void {
    const participants = this.participants
      .filter((p) => !p.revoked)
      .map(({ id, name, role }) => ({
        id,
        name,
        role,
        status: this.presence.get(id)?.status ?? ("gone" as const),
      }));
    for (const socket of this.sockets.keys()) socket.send({ type: "presence", participants });
  }

  /** Applies a client's intent: validate against role and state, commit, ack, fan out. */
  handleIntent(socket: RoomSocket, intent: ClientIntent): Promise<void> {
    return this.serial(async () => {
      const sender = this.sockets.get(socket);
      if (!sender) return;
      // P-IDEM-1: an operation already committed is acknowledged again, not applied again.
      const committed = await this.options.repo.findOp(this.sessionId, sender.id, intent.opId);
      if (committed !== null) {
        socket.send({ type: "ack", opId: intent.opId, seq: committed });
        return;
      }
      let next: RoomState;
      try {
        next = applyIntent(this.state, intent, sender, this.options.question, this.now());
      } catch (error) {
        if (error instanceof RoomError) {
          socket.send({ type: "error", opId: intent.opId, code: error.code, message: error.message });
          return;
        }
        throw error;
      }
      const seq = await this.commit(next, intent.type, { participantId: sender.id, opId: intent.opId });
      socket.send({ type: "ack", opId: intent.opId, seq });
    });
  }

  /** A server-side change (swap, revocation) through the same commit-then-fan-out path. */
  applyServerChange(
    kind: string,
    change: (state: RoomState) => RoomState,
    participants?: RoomParticipant[],
  ): Promise<number> {
    return this.serial(() => this.commit(change(this.state), kind, null, participants));
  }

  private async commit(
    next: RoomState,
    kind: string,
    op: { participantId: string; opId: string } | null,
    nextParticipants: RoomParticipant[] = this.participants,
  ): Promise<number> {
    if (next === this.state && nextParticipants === this.participants) {
      if (op) {
        await this.options.repo.commitChange({
          sessionId: this.sessionId,
          expectedSeq: this.seq,
          seq: this.seq,
          state: this.state,
          events: [],
          op,
        });
      }
      return this.seq;
    }
    const seq = this.seq + 1;
    const question = this.options.question;
    const events: PeerEventRecord[] = [];
    for (const p of nextParticipants) {
      if (p.revoked) continue;
      const before = viewFor(this.state, this.seq, p, this.participants, question);
      const after = viewFor(next, seq, p, nextParticipants, question);
      const patch = diffViews(before, after);
      if (Object.keys(patch).length > 0) events.push({ seq, recipientId: p.id, kind, patch });
    }
    // P-DUR-1: committed before anyone is told.
    await this.options.repo.commitChange({
      sessionId: this.sessionId,
      expectedSeq: this.seq,
      seq,
      state: next,
      events,
      op,
    });
    this.state = next;
    this.seq = seq;
    this.participants = nextParticipants;
    for (const [socket, p] of this.sockets) {
      const event = events.find((e) => e.recipientId === p.id);
      if (event)
        socket.send({ type: "event", event: { seq, kind, patch: event.patch as Partial<RoomView> } });
    }
    return seq;
  }

  /** Disconnects every socket of a participant, e.g. when the host revokes their link. */
  disconnect(participantId: string, code: number, reason: string): void {
    for (const [socket, p] of this.sockets) {
      if (p.id === participantId) {
        this.sockets.delete(socket);
        socket.close(code, reason);
      }
    }
    if (this.sockets.size === 0) this.options.onEmpty?.();
  }

  close(): void {
    for (const entry of this.presence.values()) if (entry.timer) clearTimeout(entry.timer);
    for (const socket of this.sockets.keys())
      socket.close(CLOSE_CODES.normal, "The server is shutting down.");
    this.sockets.clear();
  }
}
