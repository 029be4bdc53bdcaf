import {
  CLOSE_CODES,
  type ClientIntent,
  LINK_REPLACED_MESSAGE,
  MAX_REPLAY_EVENTS,
  MAX_ROOM_CONNECTIONS,
  MAX_SESSION_CHANGES,
  PRESENCE_GRACE_MS,
  PROTOCOL_VERSION,
  type PresenceStatus,
  type Question,
  type RoomEvent,
  type RoomView,
  type ServerMessage,
} from "@loopwright/schema";
import { type PeerSessionRepository, SequenceConflictError } from "../../storage/store.js";
import { applyRoomStateDiff, diffRoomState, type RoomStateDiff } from "./room-diff.js";
import { applyIntent, RoomError } from "./room-intents.js";
import { pastState, SNAPSHOT_EVERY } from "./room-log.js";
import type { RoomParticipant, RoomState } from "./room-state.js";
import { diffViews, viewFor } from "./room-view.js";

/** The room's only view of a connection: tests use in-memory pairs, production a WebSocket. */
export interface RoomSocket {
  send(message: ServerMessage): void;
  close(code: number, reason: string): void;
}

/** Who is connected through one instance: what it tells the others, and what they tell it. */
export interface InstancePresence {
  online: string[];
  away: string[];
}

/** Two patches with the same fields holding the very same values. */
function samePatch(a: Partial<RoomView>, b: Partial<RoomView>): boolean {
  const keys = Object.keys(a) as (keyof RoomView)[];
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && a[key] === b[key]);
}

/** A writer that keeps losing the race to other instances gives up after this many tries. */
const MAX_COMMIT_ATTEMPTS = 8;
const REVOKED_REASON = "Your link to this session was revoked by the host.";

export interface RoomOptions {
  state: RoomState;
  seq: number;
  participants: RoomParticipant[];
  question: Question;
  repo: PeerSessionRepository;
  /** The session's participants as stored now; read when another instance changed the room. */
  loadParticipants: () => Promise<RoomParticipant[]>;
  now?: () => number;
  presenceGraceMs?: number;
  /** Told when the last socket has left, so the room can be unloaded. */
  onEmpty?: () => void;
  /** Told whenever who is connected here changes, to pass on to other instances. */
  onLocalPresence?: (presence: InstancePresence) => void;
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
  /** Presence reported by other instances serving this session, by instance, with when it was heard. */
  private readonly remotePresence = new Map<string, InstancePresence & { heardAt: number }>();
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * The view each participant's last event was computed to, and from what: the
   * next change's view before, unless the room moved some other way since.
   */
  private readonly lastViews = new WeakMap<
    RoomParticipant,
    { state: RoomState; seq: number; participants: RoomParticipant[]; view: RoomView }
  >();
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
      // Another instance may have committed changes this one has not heard of yet.
      await this.catchUpNow();
      const me = this.participants.find((p) => p.id === participant.id) ?? participant;
      if (me.revoked) {
        socket.close(CLOSE_CODES.revoked, REVOKED_REASON);
        return;
      }
      // A credential looked up before the host re-issued the link must not slip in after it.
      if ((me.linkReissuedAt ?? null) !== (participant.linkReissuedAt ?? null)) {
        socket.close(CLOSE_CODES.linkReplaced, LINK_REPLACED_MESSAGE);
        return;
      }
      const base = { type: "welcome" as const, protocol: PROTOCOL_VERSION, serverNow: this.now() };
      // P-SYNC-1: a client that saw seq N gets the events it missed since N, computed now from
      // the log with viewFor, or a snapshot when that is too far back or the log cannot reach N.
      const replay =
        lastSeq !== null && lastSeq <= this.seq && this.seq - lastSeq <= MAX_REPLAY_EVENTS
          ? await this.replayFor(me, lastSeq)
          : null;
      if (replay) {
        socket.send({ ...base, mode: "replay" });
        for (const event of replay) socket.send({ type: "event", event });
      } else {
        socket.send({ ...base, mode: "snapshot", view: this.viewOf(me) });
      }
      this.sockets.set(socket, me);
      this.setPresence(me.id, "online");
    });
  }

  /** What `viewer` missed after `lastSeq`, one event per change it could see; null if the log cannot tell. */
  private async replayFor(viewer: RoomParticipant, lastSeq: number): Promise<RoomEvent[] | null> {
    const { repo, question } = this.options;
    let state = await pastState(repo, this.sessionId, lastSeq);
    if (!state) return null;
    const changes = await repo.changesAfter(this.sessionId, lastSeq, this.seq - lastSeq);
    if (changes.length !== this.seq - lastSeq) return null;
    const events: RoomEvent[] = [];
    let view = viewFor(state, lastSeq, viewer, this.participants, question);
    for (const change of changes) {
      state = applyRoomStateDiff(state, change.diff as RoomStateDiff);
      const next = viewFor(state, change.seq, viewer, this.participants, question);
      const patch = diffViews(view, next);
      if (Object.keys(patch).length > 0) events.push({ seq: change.seq, kind: change.kind, patch });
      view = next;
    }
    // Who is in the room is not in the state; whenever anything happened, the last event says it.
    if (changes.length > 0) {
      const participants = this.viewOf(viewer).participants;
      const last = events.at(-1);
      if (last) last.patch.participants = participants;
      else events.push({ seq: this.seq, kind: "participants", patch: { participants } });
    }
    return events;
  }

  leave(socket: RoomSocket): void {
    const participant = this.sockets.get(socket);
    if (!participant) return;
    this.sockets.delete(socket);
    const stillHere = [...this.sockets.values()].some((p) => p.id === participant.id);
    if (!stillHere) {
      // A room stays loaded a while after its sockets go; their views need not.
      this.lastViews.delete(participant);
      this.setPresence(participant.id, "away");
    }
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
    this.options.onLocalPresence?.(this.localPresence());
  }

  /** Online on any instance beats away on any, which beats gone. */
  private statusOf(participantId: string): PresenceStatus {
    const here = this.presence.get(participantId)?.status ?? "gone";
    if (here === "online") return "online";
    const elsewhere = [...this.remotePresence.values()];
    if (elsewhere.some((p) => p.online.includes(participantId))) return "online";
    if (here === "away" || elsewhere.some((p) => p.away.includes(participantId))) return "away";
    return "gone";
  }

  private broadcastPresence(): void {
    const participants = this.participants
      .filter((p) => !p.revoked)
      .map(({ id, name, role }) => ({ id, name, role, status: this.statusOf(id) }));
    for (const socket of this.sockets.keys()) socket.send({ type: "presence", participants });
  }

  /** Who is connected through this instance. */
  localPresence(): InstancePresence {
    const ids = (status: PresenceStatus) =>
      [...this.presence].filter(([, entry]) => entry.status === status).map(([id]) => id);
    return { online: ids("online"), away: ids("away") };
  }

  /** What another instance says about who is connected through it. */
  setRemotePresence(instanceId: string, presence: InstancePresence): void {
    const before = this.presenceSignature();
    this.remotePresence.set(instanceId, { ...presence, heardAt: this.now() });
    // Instances repeat themselves every few seconds; sockets hear only of a difference.
    if (this.presenceSignature() !== before) this.broadcastPresence();
  }

  private presenceSignature(): string {
    return this.participants.map((p) => `${p.id}:${this.statusOf(p.id)}`).join(",");
  }

  /** Forgets instances not heard from since `before`: one that died cannot say its sockets are gone. */
  expireRemotePresence(before: number): void {
    const signature = this.presenceSignature();
    for (const [instanceId, presence] of this.remotePresence) {
      if (presence.heardAt < before) this.remotePresence.delete(instanceId);
    }
    if (this.presenceSignature() !== signature) this.broadcastPresence();
  }

  /** Applies a client's intent: validate against role and state, commit, ack, fan out. */
  handleIntent(socket: RoomSocket, intent: ClientIntent): Promise<void> {
    return this.serial(async () => {
      const sender = this.sockets.get(socket);
      if (!sender) return;
      try {
        // P-IDEM-1: an operation already committed is acknowledged again, not applied again.
        const committed = await this.options.repo.findOp(this.sessionId, sender.id, intent.opId);
        if (committed !== null) {
          socket.send({ type: "ack", opId: intent.opId, seq: committed });
          return;
        }
        const seq = await this.withRetry(() => {
          const next = applyIntent(this.state, intent, sender, this.options.question, this.now());
          return this.commit(next, intent.type, { participantId: sender.id, opId: intent.opId });
        });
        socket.send({ type: "ack", opId: intent.opId, seq });
      } catch (error) {
        if (error instanceof RoomError) {
          socket.send({ type: "error", opId: intent.opId, code: error.code, message: error.message });
          return;
        }
        // P-DUR-1: storage failed, so nothing is acknowledged; the sender hears so instead of waiting.
        socket.send({
          type: "error",
          opId: intent.opId,
          code: "server-error",
          message: "The change could not be saved; try again.",
        });
        throw error;
      }
    });
  }

  /**
   * Runs a compute-and-commit step; when another instance committed first
   * (S-SEQ-1), catches up with its changes and computes again from there, so
   * an intent is always judged against the state it will follow.
   */
  private async withRetry<T>(step: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (!(error instanceof SequenceConflictError) || attempt >= MAX_COMMIT_ATTEMPTS) throw error;
        await this.catchUpNow();
      }
    }
  }

  /** Applies changes other instances committed after this room's seq, then fans them out here. */
  catchUp(): Promise<void> {
    return this.serial(() => this.catchUpNow());
  }

  /** The room's state once it has caught up with every committed change. */
  freshState(): Promise<RoomState> {
    return this.serial(async () => {
      await this.catchUpNow();
      return this.state;
    });
  }

  private async catchUpNow(): Promise<void> {
    for (;;) {
      const changes = await this.options.repo.changesAfter(this.sessionId, this.seq, MAX_REPLAY_EVENTS);
      if (changes.length === 0) return;
      // Participants live outside the room state; another instance may have added or revoked one.
      const participants = await this.options.loadParticipants();
      for (const change of changes) {
        if (change.seq !== this.seq + 1) {
          throw new Error(`Session ${this.sessionId}'s log jumps from ${this.seq} to ${change.seq}.`);
        }
        this.advance(
          applyRoomStateDiff(this.state, change.diff as RoomStateDiff),
          change.seq,
          change.kind,
          participants,
        );
      }
    }
  }

  /** A server-side change (swap, revocation) through the same commit-then-fan-out path. */
  applyServerChange(
    kind: string,
    change: (state: RoomState) => RoomState,
    participants?: RoomParticipant[],
  ): Promise<number> {
    return this.serial(() => this.withRetry(() => this.commit(change(this.state), kind, null, participants)));
  }

  private async commit(
    next: RoomState,
    kind: string,
    op: { participantId: string; opId: string } | null,
    nextParticipants: RoomParticipant[] = this.participants,
  ): Promise<number> {
    const base = { sessionId: this.sessionId, expectedSeq: this.seq, op };
    if (next === this.state && nextParticipants === this.participants) {
      if (op) await this.options.repo.commitChange({ ...base, seq: this.seq, change: null, snapshot: null });
      return this.seq;
    }
    const seq = this.seq + 1;
    if (seq > MAX_SESSION_CHANGES) {
      throw new RoomError(
        "limit",
        `This session has reached ${MAX_SESSION_CHANGES.toLocaleString("en")} changes, the most one session keeps. Release it and start another.`,
      );
    }
    // P-DUR-1: committed before anyone is told. Stored once, as a diff of the room state.
    await this.options.repo.commitChange({
      ...base,
      seq,
      change: { kind, diff: diffRoomState(this.state, next) },
      ...(seq % SNAPSHOT_EVERY === 0
        ? // A replay starts at most MAX_REPLAY_EVENTS back, from the snapshot at or before that.
          { snapshot: next, dropSnapshotsBefore: seq - MAX_REPLAY_EVENTS - SNAPSHOT_EVERY }
        : { snapshot: null }),
    });
    this.advance(next, seq, kind, nextParticipants);
    return seq;
  }

  /** Moves the room to a committed change (its own or another instance's) and tells the sockets here. */
  private advance(next: RoomState, seq: number, kind: string, nextParticipants: RoomParticipant[]): void {
    const before = { state: this.state, seq: this.seq, participants: this.participants };
    this.state = next;
    this.seq = seq;
    this.participants = nextParticipants;
    // Each recipient's event is computed from its view at send time; nothing per recipient is stored.
    const question = this.options.question;
    // Sockets of one participant see the same views, and participants whose patches hold the same
    // values (most changes reach every role alike) get one message object, so it is serialised once.
    const byParticipant = new Map<RoomParticipant, { me: RoomParticipant; message: ServerMessage | null }>();
    const messages: { patch: Partial<RoomView>; message: ServerMessage }[] = [];
    for (const [socket, p] of this.sockets) {
      let computed = byParticipant.get(p);
      if (!computed) {
        const me = nextParticipants.find((n) => n.id === p.id) ?? p;
        const last = this.lastViews.get(p);
        const after = viewFor(next, seq, me, nextParticipants, question);
        const patch = diffViews(
          last &&
            last.state === before.state &&
            last.seq === before.seq &&
            last.participants === before.participants
            ? last.view
            : viewFor(before.state, before.seq, p, before.participants, question),
          after,
        );
        this.lastViews.set(me, { state: next, seq, participants: nextParticipants, view: after });
        let message: ServerMessage | null = null;
        if (Object.keys(patch).length > 0) {
          message = messages.find((m) => samePatch(m.patch, patch))?.message ?? null;
          if (!message) {
            message = { type: "event", event: { seq, kind, patch } };
            messages.push({ patch, message });
          }
        }
        computed = { me, message };
        byParticipant.set(p, computed);
      }
      if (computed.me !== p) this.sockets.set(socket, computed.me);
      if (computed.message) socket.send(computed.message);
    }
    // A link revoked or re-issued on any instance closes its sockets on every instance: the
    // old link may have leaked, so whoever holds it must not stay in the room.
    for (const p of nextParticipants) {
      const was = before.participants.find((b) => b.id === p.id);
      if (p.revoked && !was?.revoked) {
        this.disconnect(p.id, CLOSE_CODES.revoked, REVOKED_REASON);
      } else if (was && (p.linkReissuedAt ?? null) !== (was.linkReissuedAt ?? null)) {
        this.disconnect(p.id, CLOSE_CODES.linkReplaced, LINK_REPLACED_MESSAGE);
      }
    }
  }

  /** Disconnects every socket of a participant, e.g. when the host revokes their link. */
  disconnect(participantId: string, code: number, reason: string): void {
    for (const [socket, p] of this.sockets) {
      if (p.id === participantId) {
        this.sockets.delete(socket);
        this.lastViews.delete(p);
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
