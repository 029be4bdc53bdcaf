import {
  advancePhase,
  ClockError,
  type ClockState,
  clockView,
  createClock,
  pauseClock,
  resumeClock,
  scalePhases,
  startClock,
  stopClock,
} from "@loopwright/clock";
import { MATCHING_RULES, matchTalkingPoints } from "@loopwright/coverage";
import type {
  Attempt,
  AttemptReview,
  AttemptSummary,
  Question,
  RoundChoice,
  SaveAnswerBody,
} from "@loopwright/schema";
import { ConflictError, InvalidInputError, NotFoundError } from "../../lib/domain-errors.js";
import { generateId as newId } from "../../lib/secrets.js";
import type {
  AttemptRecord,
  KeyedLocks,
  PracticeRepository,
  SaveAnswerOutcome,
} from "../../storage/store.js";
import type { QuestionCatalog } from "../questions/catalog.js";

export interface PracticeServiceOptions {
  catalog: QuestionCatalog;
  repo: PracticeRepository;
  /** Serialises read-modify-write of one record, across instances when there are several. */
  locks: KeyedLocks;
  /** Multiplies every phase duration; below 1 in tests so a practice runs in seconds. */
  timeScale: number;
  now?: () => number;
}

/** The solo practice journey: start, clock, answer, submit, self-score, review, history. */
export class PracticeService {
  private readonly now: () => number;

  constructor(private readonly options: PracticeServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  private clockFor(question: Question): ClockState {
    const phases = question.phases.map((p) => ({ id: p.id, name: p.name, durationMs: p.minutes * 60_000 }));
    return createClock(scalePhases(phases, this.options.timeScale));
  }

  private async pick(practitionerId: string, choice: RoundChoice, alsoTaken: Set<string>): Promise<Question> {
    if ("questionId" in choice) {
      const q = this.options.catalog.get(choice.questionId);
      if (!q) throw new InvalidInputError(`No question has the id '${choice.questionId}'.`, "questionId");
      return q;
    }
    const candidates = this.options.catalog.all().filter((q) => q.competency === choice.competency);
    if (candidates.length === 0)
      throw new InvalidInputError(`The bank has no '${choice.competency}' questions yet.`, "competency");
    const history = await this.options.repo.listAttempts(practitionerId);
    const lastTried = new Map<string, string>();
    for (const a of history) if (!lastTried.has(a.questionId)) lastTried.set(a.questionId, a.createdAt);
    const fresh = candidates.filter((q) => !lastTried.has(q.id) && !alsoTaken.has(q.id));
    if (fresh.length > 0) return fresh[Math.floor(Math.random() * fresh.length)] as Question;
    // Everything has been tried: offer the one practised longest ago.
    const notInThisLoop = candidates.filter((q) => !alsoTaken.has(q.id));
    const pool = notInThisLoop.length > 0 ? notInThisLoop : candidates;
    return pool.sort((a, b) =>
      (lastTried.get(a.id) ?? "").localeCompare(lastTried.get(b.id) ?? ""),
    )[0] as Question;
  }

  private newRecord(practitionerId: string, question: Question, createdAt: string): AttemptRecord {
    return {
      id: newId(),
      practitionerId,
      questionId: question.id,
      loopId: null,
      loopPosition: null,
      status: "pending",
      clock: this.clockFor(question),
      answerText: "",
      answerRevision: 0,
      answerSavedAt: null,
      selfScores: null,
      reflection: null,
      createdAt,
      completedAt: null,
    };
  }

  async start(practitionerId: string, choice: RoundChoice): Promise<Attempt> {
    const question = await this.pick(practitionerId, choice, new Set());
    const now = this.now();
    const record = this.newRecord(practitionerId, question, new Date(now).toISOString());
    record.status = "active";
    record.clock = startClock(record.clock, now);
    await this.options.repo.insertAttempts([record]);
    return this.get(practitionerId, record.id);
  }

  /** A mock loop: rounds back to back. The first starts now; each later one when the previous is handed in. */
  async startLoop(practitionerId: string, rounds: RoundChoice[]): Promise<Attempt> {
    const now = this.now();
    const createdAt = new Date(now).toISOString();
    const loopId = newId();
    const taken = new Set<string>();
    const records: AttemptRecord[] = [];
    for (const [position, choice] of rounds.entries()) {
      const question = await this.pick(practitionerId, choice, taken);
      taken.add(question.id);
      const record = this.newRecord(practitionerId, question, createdAt);
      record.loopId = loopId;
      record.loopPosition = position;
      if (position === 0) {
        record.status = "active";
        record.clock = startClock(record.clock, now);
      }
      records.push(record);
    }
    await this.options.repo.insertAttempts(records);
    return this.get(practitionerId, (records[0] as AttemptRecord).id);
  }

  private async load(practitionerId: string, id: string): Promise<AttemptRecord> {
    const record = await this.options.repo.getAttempt(practitionerId, id);
    // The same answer for "does not exist" and "belongs to someone else": ids are not confirmed to strangers.
    if (!record) throw new NotFoundError(`No attempt '${id}' belongs to this practitioner key.`);
    return record;
  }

  async beginRound(practitionerId: string, id: string): Promise<Attempt> {
    return this.options.locks.run(id, async () => {
      const record = await this.load(practitionerId, id);
      if (record.status !== "pending") throw new ConflictError("This round has already started.");
      if (record.loopId) {
        const loop = await this.options.repo.listLoop(practitionerId, record.loopId);
        const blocking = loop.find(
          (a) =>
            (a.loopPosition ?? 0) < (record.loopPosition ?? 0) &&
            (a.status === "pending" || a.status === "active"),
        );
        if (blocking) throw new ConflictError("Finish the earlier rounds of this loop first.");
      }
      await this.options.repo.updateAttempt(practitionerId, id, {
        status: "active",
        clock: startClock(record.clock, this.now()),
      });
      return this.get(practitionerId, id);
    });
  }

  async clockAction(
    practitionerId: string,
    id: string,
    action: "pause" | "resume" | "advance",
  ): Promise<Attempt> {
    return this.options.locks.run(id, async () => {
      const record = await this.load(practitionerId, id);
      if (record.status !== "active")
        throw new ConflictError("The clock only runs while the attempt is in progress.");
      const now = this.now();
      const apply = { pause: pauseClock, resume: resumeClock, advance: advancePhase }[action];
      let clock: ClockState;
      try {
        clock = apply(record.clock, now);
      } catch (error) {
        if (error instanceof ClockError) throw new ConflictError(`Cannot ${action}: ${error.message}.`);
        throw error;
      }
      await this.options.repo.updateAttempt(practitionerId, id, { clock });
      return this.get(practitionerId, id);
    });
  }

  async saveAnswer(practitionerId: string, id: string, body: SaveAnswerBody): Promise<SaveAnswerOutcome> {
    return this.options.locks.run(id, async () => {
      const record = await this.load(practitionerId, id);
      if (record.status === "pending") throw new ConflictError("Start this round before writing an answer.");
      if (record.status !== "active") {
        // A retry of the save that was already applied before submitting is not an error.
        if (body.revision <= record.answerRevision) {
          return { applied: false, revision: record.answerRevision, savedAt: record.answerSavedAt };
        }
        throw new ConflictError("This attempt has been submitted; its answer can no longer change.");
      }
      return this.options.repo.saveAnswer(
        practitionerId,
        id,
        body.text,
        body.revision,
        new Date(this.now()).toISOString(),
      );
    });
  }

  async submit(practitionerId: string, id: string, answer?: SaveAnswerBody): Promise<Attempt> {
    return this.options.locks.run(id, async () => {
      const record = await this.load(practitionerId, id);
      if (record.status !== "active") {
        if (record.status === "pending") throw new ConflictError("This round has not started yet.");
        return this.get(practitionerId, id); // submitting twice is harmless
      }
      if (answer) {
        await this.options.repo.saveAnswer(
          practitionerId,
          id,
          answer.text,
          answer.revision,
          new Date(this.now()).toISOString(),
        );
      }
      await this.options.repo.updateAttempt(practitionerId, id, {
        status: "review",
        clock: stopClock(record.clock, this.now()),
      });
      return this.get(practitionerId, id);
    });
  }

  async selfScore(
    practitionerId: string,
    id: string,
    scores: Record<string, number>,
    reflection: string,
  ): Promise<Attempt> {
    return this.options.locks.run(id, async () => {
      const record = await this.load(practitionerId, id);
      if (record.status === "pending" || record.status === "active") {
        throw new ConflictError("Submit the answer before scoring it.");
      }
      if (record.status === "completed")
        throw new ConflictError("This attempt has already been self-scored.");
      const question = this.options.catalog.require(record.questionId);
      const dimensions = question.rubric.dimensions.map((d) => d.id);
      for (const key of Object.keys(scores)) {
        if (!dimensions.includes(key)) {
          throw new InvalidInputError(
            `'${key}' is not a rubric dimension of this question (${dimensions.join(", ")}).`,
            `scores.${key}`,
          );
        }
      }
      const missing = dimensions.filter((d) => !(d in scores));
      if (missing.length > 0)
        throw new InvalidInputError(`Score every dimension; missing: ${missing.join(", ")}.`, "scores");
      await this.options.repo.updateAttempt(practitionerId, id, {
        status: "completed",
        selfScores: scores,
        reflection,
        completedAt: new Date(this.now()).toISOString(),
      });
      return this.get(practitionerId, id);
    });
  }

  async get(practitionerId: string, id: string): Promise<Attempt> {
    const record = await this.load(practitionerId, id);
    const question = this.options.catalog.require(record.questionId);
    let loop: Attempt["loop"] = null;
    if (record.loopId) {
      const rounds = await this.options.repo.listLoop(practitionerId, record.loopId);
      loop = {
        id: record.loopId,
        rounds: rounds.map((a) => ({
          attemptId: a.id,
          questionTitle: this.options.catalog.get(a.questionId)?.title ?? a.questionId,
          status: a.status,
        })),
      };
    }
    return {
      ...this.summarise(record),
      clock: record.clock,
      serverNow: this.now(),
      answer: { text: record.answerText, revision: record.answerRevision, savedAt: record.answerSavedAt },
      reflection: record.reflection,
      loop,
      review:
        record.status === "completed" && record.selfScores
          ? review(question, record.answerText, record.selfScores)
          : null,
    };
  }

  async list(practitionerId: string): Promise<AttemptSummary[]> {
    return (await this.options.repo.listAttempts(practitionerId)).map((r) => this.summarise(r));
  }

  async history(practitionerId: string): Promise<Attempt[]> {
    const records = await this.options.repo.listAttempts(practitionerId);
    return Promise.all(records.map((r) => this.get(practitionerId, r.id)));
  }

  async delete(practitionerId: string, id: string): Promise<number> {
    const deleted = await this.options.repo.deleteAttempt(practitionerId, id);
    if (deleted === 0) throw new NotFoundError(`No attempt '${id}' belongs to this practitioner key.`);
    return deleted;
  }

  /** The whole history: every attempt and every peer session saved into it. */
  async deleteAll(practitionerId: string): Promise<number> {
    const attempts = await this.options.repo.deleteAllAttempts(practitionerId);
    return attempts + (await this.options.repo.deleteAllPeerFeedback(practitionerId));
  }

  private summarise(record: AttemptRecord): AttemptSummary {
    const question = this.options.catalog.get(record.questionId);
    const view = clockView(record.clock, this.now());
    const scores = record.selfScores ? Object.values(record.selfScores) : [];
    return {
      id: record.id,
      questionId: record.questionId,
      questionTitle: question?.title ?? record.questionId,
      competency: question?.competency ?? "org-design",
      status: record.status,
      loopId: record.loopId,
      loopPosition: record.loopPosition,
      createdAt: record.createdAt,
      completedAt: record.completedAt,
      phaseTimes: view.phases.map((p) => ({
        id: p.id,
        name: p.name,
        plannedMs: p.plannedMs,
        spentMs: p.spentMs,
      })),
      overrunMs: view.overrunMs,
      selfScores: record.selfScores,
      meanSelfScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    };
  }
}

/** What the practitioner sees after self-scoring: graded examples, the gap to the nearest, and coverage. */
export function review(
  question: Question,
  answer: string,
  selfScores: Record<string, number>,
): AttemptReview {
  const dims = question.rubric.dimensions.map((d) => d.id);
  let closest: (typeof question.examples)[number] | undefined;
  let best = Number.POSITIVE_INFINITY;
  for (const example of question.examples) {
    const distance = dims.reduce(
      (sum, d) => sum + Math.abs((selfScores[d] ?? 0) - (example.scores[d] ?? 0)),
      0,
    );
    if (distance < best) {
      best = distance;
      closest = example;
    }
  }
  const gaps: Record<string, number> = {};
  if (closest) for (const d of dims) gaps[d] = (selfScores[d] ?? 0) - (closest.scores[d] ?? 0);
  return {
    examples: question.examples,
    closestExampleId: closest?.id ?? null,
    gaps,
    coverage: matchTalkingPoints(answer, question.talkingPoints),
    matchingRules: MATCHING_RULES,
  };
}
