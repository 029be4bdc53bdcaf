import { createClock, scalePhases } from "@loopwright/clock";
import {
  type CreateSessionBody,
  type ExerciseResults,
  isInterviewer,
  LINK_REPLACED_MESSAGE,
  type LinkRole,
  type PeerFeedbackReport,
  type Question,
  type RatingInput,
  ROOM_STATE_VERSION,
  type SessionRole,
} from "@loopwright/schema";
import type { Analyzer } from "../../lib/analysis/analysis-pool.js";
import { pooledResults } from "../../lib/analysis/rubric-results.js";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
} from "../../lib/domain-errors.js";
import { generateId, generateSecret, hashSecret } from "../../lib/secrets.js";
import type {
  InstanceBus,
  InstanceMessage,
  PeerParticipantRecord,
  PeerSessionRecord,
  PeerSessionRepository,
} from "../../storage/store.js";
import type { QuestionCatalog } from "../questions/catalog.js";
import { type InstancePresence, Room } from "./room.js";
import { stateAt } from "./room-log.js";
import { RoomManager } from "./room-manager.js";
import type { RoomParticipant, RoomState } from "./room-state.js";

const DAY = 86_400_000;
/** How far in the past a scheduled start may be when the session is created. */
const SCHEDULE_GRACE_MS = 10 * 60_000;
/** How long a room nobody is connected to stays in memory: long enough to ride out a reload. */
export const DEFAULT_ROOM_IDLE_MS = 30_000;
/**
 * Instances repeat who is connected through them this often, and forget an
 * instance not heard from for three times as long (one killed says nothing).
 */
export const PRESENCE_HEARTBEAT_MS = 5_000;

const asRoomParticipant = (p: PeerParticipantRecord): RoomParticipant => ({
  id: p.id,
  name: p.name,
  role: p.role,
  revoked: p.revokedAt !== null,
  linkReissuedAt: p.linkReissuedAt,
});

export interface SessionServiceOptions {
  catalog: QuestionCatalog;
  repo: PeerSessionRepository;
  analyzer: Analyzer;
  linkTtlDays: number;
  /** How long a participant's credential stays valid. */
  credentialTtlHours: number;
  presenceGraceMs?: number;
  /** How long a room with no sockets stays loaded. */
  roomIdleMs?: number;
  /** Other instances serving the same sessions; null or absent when this is the only one. */
  bus?: InstanceBus | null;
  now?: () => number;
}

/** Creating peer sessions, their capability links, and the live rooms behind them. */
export class SessionService {
  private readonly rooms: RoomManager;
  private readonly now: () => number;

  private readonly heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly options: SessionServiceOptions) {
    this.now = options.now ?? Date.now;
    this.rooms = new RoomManager(
      (sessionId, onEmpty) => this.loadRoom(sessionId, onEmpty),
      options.roomIdleMs ?? DEFAULT_ROOM_IDLE_MS,
    );
    const bus = options.bus;
    if (bus) {
      bus.subscribe((message, from) => void this.heard(message, from));
      // Messages may have been lost while the bus was down: every loaded room reads the log.
      bus.onResync(() => void this.catchUpAll());
      this.heartbeat = setInterval(() => void this.repeatPresence(), PRESENCE_HEARTBEAT_MS);
      this.heartbeat.unref();
    }
  }

  private async heard(message: InstanceMessage, from: string): Promise<void> {
    const room = await this.rooms.ifLoaded(message.sessionId).catch(() => undefined);
    if (!room) return; // nobody here is in that session; it is read from storage when someone joins
    if (message.type === "change") await room.catchUp().catch(() => undefined);
    else room.setRemotePresence(from, { online: message.online, away: message.away });
  }

  private async catchUpAll(): Promise<void> {
    for (const room of await this.rooms.loaded()) await room.catchUp().catch(() => undefined);
  }

  private async repeatPresence(): Promise<void> {
    const forgetBefore = this.now() - 3 * PRESENCE_HEARTBEAT_MS;
    for (const room of await this.rooms.loaded()) {
      room.expireRemotePresence(forgetBefore);
      const presence = room.localPresence();
      if (presence.online.length + presence.away.length > 0) this.publishPresence(room.sessionId, presence);
    }
  }

  private publishPresence(sessionId: string, presence: InstancePresence): void {
    this.options.bus?.publish({ type: "presence", sessionId, ...presence }).catch(() => undefined);
  }

  private get repo() {
    return this.options.repo;
  }

  private iso(offsetMs = 0): string {
    return new Date(this.now() + offsetMs).toISOString();
  }

  private newParticipant(sessionId: string, name: string, role: SessionRole, previous: string | null = null) {
    const participant: PeerParticipantRecord = {
      id: generateId(),
      sessionId,
      name,
      role,
      createdAt: this.iso(),
      revokedAt: null,
      previousParticipantId: previous,
      linkReissuedAt: null,
    };
    const token = generateSecret();
    return { participant, token, tokenHash: hashSecret(token) };
  }

  private initialState(
    sessionId: string,
    question: Question,
    durationScale: number,
    upcomingQuestionIds: string[] = [],
    sequence = { position: 1, total: 1 + upcomingQuestionIds.length },
    scheduledStart: string | null = null,
  ): RoomState {
    const phases = question.phases.map((p) => ({ id: p.id, name: p.name, durationMs: p.minutes * 60_000 }));
    return {
      version: ROOM_STATE_VERSION,
      sessionId,
      questionId: question.id,
      promptRevealed: false,
      clock: createClock(scalePhases(phases, durationScale)),
      curveballs: [],
      answer: { text: "", revision: 0 },
      notes: [],
      scores: [],
      selfScore: null,
      released: false,
      swappedTo: null,
      advancedTo: null,
      upcomingQuestionIds,
      sequence,
      scheduledStart,
    };
  }

  /**
   * A planned start must still be ahead (a few minutes' grace for a host who filled the form
   * slowly or whose clock runs behind) and before the links expire, or the invite would send
   * people to a dead link.
   */
  private checkScheduledStart(scheduledStart: string | null, expiresAt: string): void {
    if (scheduledStart === null) return;
    const at = Date.parse(scheduledStart);
    if (at < this.now() - SCHEDULE_GRACE_MS)
      throw new InvalidInputError(
        "The scheduled start has already passed. Choose a later time, or leave it empty to start whenever you are both ready.",
        "scheduledStart",
      );
    if (at >= Date.parse(expiresAt))
      throw new InvalidInputError(
        `Session links last ${this.options.linkTtlDays} days, so the scheduled start must be before ${expiresAt}.`,
        "scheduledStart",
      );
  }

  async create(body: CreateSessionBody) {
    const question = this.options.catalog.get(body.questionId);
    if (!question) throw new InvalidInputError(`No question has the id '${body.questionId}'.`, "questionId");
    body.followUpQuestionIds.forEach((id, i) => {
      if (!this.options.catalog.get(id))
        throw new InvalidInputError(`No question has the id '${id}'.`, `followUpQuestionIds.${i}`);
    });
    const all = [body.questionId, ...body.followUpQuestionIds];
    if (new Set(all).size !== all.length) {
      throw new InvalidInputError("A mini loop cannot ask the same question twice.", "followUpQuestionIds");
    }
    const expiresAt = this.iso(this.options.linkTtlDays * DAY);
    // One spelling of the instant (milliseconds, Z) whatever precision the client sent.
    const scheduledStart = body.scheduledStart ? new Date(body.scheduledStart).toISOString() : null;
    this.checkScheduledStart(scheduledStart, expiresAt);
    const sessionId = generateId();
    const host = this.newParticipant(sessionId, body.hostName, "host");
    const candidate = this.newParticipant(sessionId, body.candidateName, "candidate");
    await this.repo.createSession(
      {
        id: sessionId,
        questionId: question.id,
        state: this.initialState(
          sessionId,
          question,
          body.durationScale,
          body.followUpQuestionIds,
          undefined,
          scheduledStart,
        ),
        seq: 0,
        snapshotSeq: 0,
        createdAt: this.iso(),
        expiresAt,
        previousSessionId: null,
      },
      [host, candidate].map((p) => ({ participant: p.participant, tokenHash: p.tokenHash })),
    );
    const link = (p: typeof host) => ({
      participant: { id: p.participant.id, name: p.participant.name, role: p.participant.role },
      token: p.token,
    });
    return { sessionId, host: link(host), candidate: link(candidate) };
  }

  private async issueCredential(participant: PeerParticipantRecord) {
    const credential = generateSecret();
    const expiresAt = this.iso(this.options.credentialTtlHours * 3_600_000);
    await this.repo.createCredential(hashSecret(credential), participant.id, expiresAt);
    return {
      credential,
      expiresAt,
      sessionId: participant.sessionId,
      participant: { id: participant.id, name: participant.name, role: participant.role },
    };
  }

  async exchange(token: string) {
    const tokenHash = hashSecret(token);
    const participant = await this.repo.findParticipantByTokenHash(tokenHash);
    if (!participant) {
      if (await this.repo.findReplacedSecret(tokenHash))
        throw new UnauthenticatedError(LINK_REPLACED_MESSAGE);
      throw new UnauthenticatedError("This session link is not valid. Ask the host for a new one.");
    }
    if (participant.revokedAt)
      throw new UnauthenticatedError("This session link has been revoked by the host.");
    const session = await this.repo.getSession(participant.sessionId);
    if (!session || session.expiresAt <= this.iso())
      throw new UnauthenticatedError("This session link has expired.");
    return this.issueCredential(participant);
  }

  /** Resolves a bearer credential to its participant; null when it is unknown, expired or revoked. */
  async participantFor(credential: string): Promise<PeerParticipantRecord | null> {
    return this.repo.findCredentialParticipant(hashSecret(credential), this.iso());
  }

  /** The participant a bearer credential (null when none was sent) signs in to `sessionId`. */
  async participantIn(credential: string | null, sessionId: string): Promise<PeerParticipantRecord> {
    if (!credential)
      throw new UnauthenticatedError("Open your session link again: no session credential was sent.");
    const participant = await this.participantFor(credential);
    if (!participant) {
      if (await this.wasReplaced(credential)) throw new UnauthenticatedError(LINK_REPLACED_MESSAGE);
      throw new UnauthenticatedError("Your session credential has expired or your link was revoked.");
    }
    if (participant.sessionId !== sessionId) throw new NotFoundError("No such session.");
    return participant;
  }

  /** Whether a link secret or credential stopped working because the host re-issued the link. */
  async wasReplaced(secret: string): Promise<boolean> {
    return (await this.repo.findReplacedSecret(hashSecret(secret))) !== null;
  }

  private requireHost(p: PeerParticipantRecord): void {
    if (p.role !== "host") throw new ForbiddenError("Only the host can do this.");
  }

  async listParticipants(requester: PeerParticipantRecord) {
    this.requireHost(requester);
    const all = await this.repo.listParticipants(requester.sessionId);
    return all.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      revoked: p.revokedAt !== null,
      linkReissuedAt: p.linkReissuedAt,
    }));
  }

  async addLink(host: PeerParticipantRecord, role: LinkRole, name: string) {
    this.requireHost(host);
    const made = this.newParticipant(host.sessionId, name, role);
    await this.repo.addParticipant(made.participant, made.tokenHash);
    await this.refreshParticipants(host.sessionId, "participant-added");
    return {
      participant: { id: made.participant.id, name: made.participant.name, role: made.participant.role },
      token: made.token,
    };
  }

  async revokeLink(host: PeerParticipantRecord, participantId: string): Promise<void> {
    this.requireHost(host);
    if (participantId === host.id) throw new ConflictError("You cannot revoke your own host link.");
    const changed = await this.repo.revokeParticipant(host.sessionId, participantId, this.iso());
    if (!changed) throw new NotFoundError("No active participant with that id in this session.");
    // The change closes the revoked link's sockets here, and on other instances as they catch up.
    await this.refreshParticipants(host.sessionId, "participant-revoked");
  }

  /**
   * A lost link, replaced for the same participant: the same id, name and role,
   * everything they wrote kept. Only the new link's hash is stored, like every
   * link's, so it is shown this once. The old link and every credential traded
   * for it stop working at once (it may have leaked), and their sockets close.
   */
  async reissueLink(host: PeerParticipantRecord, participantId: string) {
    this.requireHost(host);
    if (participantId === host.id)
      throw new ConflictError("You cannot re-issue your own host link from this page.");
    const token = generateSecret();
    const at = this.iso();
    const participant = await this.repo.reissueParticipantLink(
      host.sessionId,
      participantId,
      hashSecret(token),
      at,
    );
    if (!participant) throw new NotFoundError("No participant with that id in this session.");
    if (participant.revokedAt)
      throw new ConflictError(
        `${participant.name}’s link was revoked, so it cannot be re-issued. Create a new link for them instead.`,
      );
    // As with a revocation, the change closes the old link's sockets here and on every other instance.
    await this.refreshParticipants(host.sessionId, "link-reissued");
    return {
      participant: { id: participant.id, name: participant.name, role: participant.role },
      token,
      reissuedAt: at,
    };
  }

  /**
   * Records who is in the session as a change, so every instance serving it
   * hears of it (its room is loaded for that if needed, and unloaded later).
   */
  private async refreshParticipants(sessionId: string, kind: string): Promise<void> {
    const room = await this.room(sessionId);
    const participants = (await this.repo.listParticipants(sessionId)).map(asRoomParticipant);
    await room.applyServerChange(kind, (s) => s, participants);
  }

  /** The mirrored session: roles exchanged, a different question of the same competency. */
  swap(host: PeerParticipantRecord, questionId?: string): Promise<{ sessionId: string }> {
    return this.continueTo(host, "swap", questionId);
  }

  /** The mini loop's next question, with the same people in the same roles. */
  next(host: PeerParticipantRecord): Promise<{ sessionId: string }> {
    return this.continueTo(host, "next");
  }

  /**
   * Creates the session that follows this one and points every participant at
   * it; each then trades their credential for their own new link (swapLink).
   */
  private async continueTo(
    host: PeerParticipantRecord,
    kind: "swap" | "next",
    chosenQuestionId?: string,
  ): Promise<{ sessionId: string }> {
    this.requireHost(host);
    const room = await this.room(host.sessionId);
    const state = await room.freshState();
    const already = kind === "swap" ? state.swappedTo : state.advancedTo;
    if (already) return { sessionId: already };
    if (state.swappedTo || state.advancedTo) {
      throw new ConflictError("This session has already moved on to another session.");
    }
    if (!state.released) {
      throw new ConflictError(
        kind === "swap"
          ? "Release the feedback before swapping roles."
          : "Release the feedback before moving on to the next question.",
      );
    }
    const current = this.options.catalog.require(state.questionId);
    const upcoming = state.upcomingQuestionIds;
    let nextQuestion: Question | undefined;
    if (kind === "next") {
      const nextId = upcoming[0];
      if (!nextId) throw new ConflictError("This is the last question of the mini loop.");
      nextQuestion = this.options.catalog.require(nextId);
    } else if (chosenQuestionId !== undefined) {
      nextQuestion = this.options.catalog.get(chosenQuestionId);
      if (!nextQuestion)
        throw new InvalidInputError(`No question has the id '${chosenQuestionId}'.`, "questionId");
      if (nextQuestion.id === current.id)
        throw new InvalidInputError("Swap to a different question from the one just asked.", "questionId");
    } else {
      const pool = this.options.catalog.all().filter((q) => q.id !== current.id);
      const sameCompetency = pool.filter((q) => q.competency === current.competency);
      nextQuestion = (sameCompetency.length > 0 ? sameCompetency : pool)[0];
      if (!nextQuestion) throw new ConflictError("The bank has no other question to swap to.");
    }
    const session = await this.repo.getSession(host.sessionId);
    const old = (await this.repo.listParticipants(host.sessionId)).filter((p) => !p.revokedAt);
    const sessionId = generateId();
    const mirrored = old.map((p) => {
      const exchanged: SessionRole =
        p.role === "host" ? "candidate" : p.role === "candidate" ? "host" : p.role;
      return this.newParticipant(sessionId, p.name, kind === "swap" ? exchanged : p.role, p.id);
    });
    const scale = (state.clock.phases[0]?.durationMs ?? 1) / ((current.phases[0]?.minutes ?? 1) * 60_000);
    const sequence = state.sequence;
    await this.repo.createSession(
      {
        id: sessionId,
        questionId: nextQuestion.id,
        state:
          kind === "next"
            ? this.initialState(sessionId, nextQuestion, scale, upcoming.slice(1), {
                position: sequence.position + 1,
                total: sequence.total,
              })
            : this.initialState(sessionId, nextQuestion, scale),
        seq: 0,
        snapshotSeq: 0,
        createdAt: this.iso(),
        expiresAt: session?.expiresAt ?? this.iso(this.options.linkTtlDays * DAY),
        previousSessionId: host.sessionId,
      },
      mirrored.map((p) => ({ participant: p.participant, tokenHash: p.tokenHash })),
    );
    await room.applyServerChange(kind === "swap" ? "swapped" : "next-question", (s) =>
      kind === "swap" ? { ...s, swappedTo: sessionId } : { ...s, advancedTo: sessionId },
    );
    return { sessionId };
  }

  /**
   * Agreement between the interviewers of a released session — across every
   * question of its mini loop so far — in the same shape as a calibration
   * exercise's results. Raters are keyed by name, which stays the same across
   * the loop's sessions while participant ids do not.
   */
  async agreement(participant: PeerParticipantRecord): Promise<ExerciseResults> {
    if (!isInterviewer(participant.role))
      throw new ForbiddenError("Only interviewers see how far the panel agreed.");
    const chain: { sessionId: string; state: RoomState }[] = [];
    let sessionId: string | null = participant.sessionId;
    while (sessionId) {
      const record = await this.repo.getSession(sessionId);
      if (!record) break;
      // Past sessions are read from storage: every change there is committed, and loading
      // their rooms just to read them would keep them in memory for nothing.
      const state = await this.currentState(record);
      if (chain.length > 0 && !state.advancedTo) break;
      chain.unshift({ sessionId, state });
      sessionId = record.previousSessionId;
    }
    const released = chain.filter((c) => c.state.released);
    if (!chain.at(-1)?.state.released)
      throw new ConflictError("Release the feedback first; agreement is shown after release.");
    const ratings: RatingInput[] = [];
    const subjectLabels = new Map<string, string>();
    for (const { sessionId: id, state } of released) {
      const question = this.options.catalog.require(state.questionId);
      subjectLabels.set(id, `Q${state.sequence.position}: ${question.title}`);
      for (const score of state.scores) {
        for (const [dimensionId, value] of Object.entries(score.scores)) {
          const dimension = question.rubric.dimensions.find((d) => d.id === dimensionId);
          ratings.push({
            rater: score.name,
            subject: id,
            dimension: dimension?.name ?? dimensionId,
            score: value,
          });
        }
      }
    }
    if (new Set(ratings.map((r) => r.rater)).size < 2)
      throw new ConflictError("Agreement needs scores from at least two interviewers.");
    // Raters are already names.
    return pooledResults(this.options.analyzer, ratings, { raterName: (r) => r, subjectLabels });
  }

  /**
   * The released report as its candidate was shown it, for their practice
   * history: only the candidate's own credential reaches it, and only once the
   * host has released it (checked here, whatever the page says).
   */
  async releasedReport(credential: string, sessionId: string) {
    const participant = await this.participantIn(credential, sessionId);
    if (participant.role !== "candidate")
      throw new ForbiddenError(
        "Only the candidate can save this session's feedback to their practice history.",
      );
    const session = await this.repo.getSession(sessionId);
    if (!session) throw new NotFoundError("No such session.");
    const state = await (await this.room(sessionId)).freshState();
    if (!state.released)
      throw new ConflictError(
        "The feedback has not been released yet; it can be saved once the host releases it.",
      );
    const question = this.options.catalog.require(state.questionId);
    const dimensions = question.rubric.dimensions;
    const report: PeerFeedbackReport = {
      questionTitle: question.title,
      competency: question.competency,
      interviewers: state.scores.map((score) => ({
        name: score.name,
        scores: dimensions
          .filter((d) => score.scores[d.id] !== undefined)
          .map((d) => ({ dimensionId: d.id, dimension: d.name, score: score.scores[d.id] as number })),
        recommendation: score.recommendation,
        feedback: score.feedback,
      })),
      // The same notes the released report shows the candidate: shared ones only.
      sharedNotes: state.notes
        .filter((n) => n.shared)
        .map((n) => ({ authorName: n.authorName, elapsedMs: n.elapsedMs, text: n.text })),
      selfScore: state.selfScore,
    };
    return {
      sessionId,
      questionId: question.id,
      answer: state.answer.text,
      sessionDate: session.createdAt,
      report,
    };
  }

  /** Trades a participant's credential in the old session for a fresh link and credential in the mirrored one. */
  async swapLink(participant: PeerParticipantRecord) {
    const room = await this.room(participant.sessionId);
    const state = await room.freshState();
    const target = state.swappedTo ?? state.advancedTo;
    if (!target) throw new ConflictError("The host has not moved this session on yet.");
    const mirrored = await this.repo.findParticipantByPrevious(target, participant.id);
    if (!mirrored || mirrored.revokedAt)
      throw new NotFoundError("You have no place in the following session.");
    const token = generateSecret();
    await this.repo.rotateParticipantToken(mirrored.id, hashSecret(token));
    return { ...(await this.issueCredential(mirrored)), token };
  }

  /** The live room, loaded from storage once and shared by every connection to the session. */
  room(sessionId: string): Promise<Room> {
    return this.rooms.get(sessionId);
  }

  /**
   * A session's state now: its latest snapshot (checked and migrated, never
   * cast) with the changes committed since applied.
   */
  private async currentState(session: PeerSessionRecord): Promise<RoomState> {
    const state = await stateAt(
      this.repo,
      session.id,
      { seq: session.snapshotSeq, state: session.state },
      session.seq,
    );
    if (!state) throw new Error(`Session ${session.id}'s change log does not reach seq ${session.seq}.`);
    return state;
  }

  /** Rooms this instance holds in memory. */
  get loadedRooms(): number {
    return this.rooms.size;
  }

  private async loadRoom(sessionId: string, onEmpty: () => void): Promise<Room> {
    const session = await this.repo.getSession(sessionId);
    if (!session) throw new NotFoundError("No such session.");
    const participants = (await this.repo.listParticipants(sessionId)).map(asRoomParticipant);
    return new Room({
      state: await this.currentState(session),
      seq: session.seq,
      participants,
      question: this.options.catalog.require(session.questionId),
      repo: this.repo,
      loadParticipants: async () => (await this.repo.listParticipants(sessionId)).map(asRoomParticipant),
      onLocalPresence: (presence) => this.publishPresence(sessionId, presence),
      now: this.now,
      presenceGraceMs: this.options.presenceGraceMs,
      onEmpty,
    });
  }

  /** Drains every room's queued commits before the store closes. */
  closeAll(): Promise<void> {
    clearInterval(this.heartbeat);
    return this.rooms.closeAll();
  }
}
