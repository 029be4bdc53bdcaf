import type { CreateExerciseBody, Exercise, ParticipantState, SaveScoresBody } from "@loopwright/schema";
import { ConflictError, ForbiddenError, InvalidInputError } from "../../lib/domain-errors.js";
import { generateId } from "../../lib/secrets.js";
import type { ExerciseItemRecord, ExerciseRecord, MemberRecord } from "../../storage/store.js";
import type { QuestionCatalog } from "../questions/catalog.js";
import { CalibrationPart, requireAdmin } from "./calibration-part.js";
import { itemLabel, itemTitle, loadExercise, visibleExercise } from "./exercise-access.js";

/** The answers to score, each labelled A, B, … so the panel does not know which is a graded example. */
function exerciseItems(catalog: QuestionCatalog, items: CreateExerciseBody["items"]): ExerciseItemRecord[] {
  return items.map((item, i) => {
    const q = catalog.get(item.questionId);
    if (!q)
      throw new InvalidInputError(`No question has the id '${item.questionId}'.`, `items.${i}.questionId`);
    const id = `a${i + 1}`;
    const label = `Answer ${String.fromCharCode(65 + i)}`;
    if (item.kind === "transcript") {
      return {
        id,
        label,
        title: item.title,
        questionId: q.id,
        kind: "transcript",
        exampleId: null,
        text: item.text,
      };
    }
    const example = q.examples.find((e) => e.id === item.exampleId);
    if (!example) {
      throw new InvalidInputError(
        `Question '${q.id}' has no example answer '${item.exampleId}'.`,
        `items.${i}.exampleId`,
      );
    }
    return {
      id,
      label,
      title: null,
      questionId: q.id,
      kind: "example",
      exampleId: example.id,
      text: example.answer,
    };
  });
}

/** Calibration exercises: blind scoring by a panel, reveal, and re-score rounds. */
export class ExerciseService extends CalibrationPart {
  /** A due date as stored (UTC ISO), refused when it has already passed by the server's clock. */
  private dueAt(value: string | null, field: string): string | null {
    if (value === null) return null;
    const due = new Date(value);
    if (Number.isNaN(due.getTime())) throw new InvalidInputError("The due date is not a date.", field);
    const stored = due.toISOString();
    if (stored <= this.iso()) {
      throw new InvalidInputError(
        "The due date has already passed; pick a date and time in the future, or none.",
        field,
      );
    }
    return stored;
  }

  /**
   * Whether a panellist is past the due date without having submitted, by the server's clock.
   * Once the round is revealed nobody can still score it, so nobody is late for it.
   */
  private isLate(exercise: ExerciseRecord, submitted: boolean): boolean {
    if (submitted || exercise.revealedRound >= exercise.round || exercise.dueAt === null) return false;
    return exercise.dueAt <= this.iso();
  }

  async create(admin: MemberRecord, body: CreateExerciseBody): Promise<Exercise> {
    requireAdmin(admin);
    if (body.loopId && !(await this.repo.getLoop(admin.workspaceId, body.loopId))) {
      throw new InvalidInputError("No loop with that id in this workspace.", "loopId");
    }
    const members = await this.repo.listMembers(admin.workspaceId);
    const active = new Map(members.filter((m) => !m.revokedAt).map((m) => [m.id, m]));
    const interviewerIds = [...new Set(body.interviewerIds)];
    interviewerIds.forEach((id, i) => {
      if (!active.has(id))
        throw new InvalidInputError(
          `'${id}' is not an active member of this workspace.`,
          `interviewerIds.${i}`,
        );
    });
    if (interviewerIds.length < 2)
      throw new InvalidInputError("Invite at least two different interviewers.", "interviewerIds");
    const dueAt = this.dueAt(body.dueAt, "dueAt");
    const record: ExerciseRecord = {
      id: generateId(),
      workspaceId: admin.workspaceId,
      loopId: body.loopId,
      name: body.name,
      createdAt: this.iso(),
      round: 1,
      revealedRound: 0,
      items: exerciseItems(this.options.catalog, body.items),
      interviewerIds,
      dueAt,
    };
    await this.repo.createExercise(record);
    return this.view(admin, record);
  }

  /** Scores one panellist gives to submit: every rubric dimension of every answer. */
  private required(exercise: ExerciseRecord): number {
    const { catalog } = this.options;
    return exercise.items.reduce(
      (n, item) => n + catalog.require(item.questionId).rubric.dimensions.length,
      0,
    );
  }

  private async view(member: MemberRecord, exercise: ExerciseRecord): Promise<Exercise> {
    const [scores, submissions, members] = await Promise.all([
      this.repo.listScores(exercise.id),
      this.repo.listSubmissions(exercise.id),
      this.repo.listMembers(exercise.workspaceId),
    ]);
    const names = new Map(members.map((m) => [m.id, m.name]));
    const current = scores.filter((s) => s.round === exercise.round);
    const submitted = new Set(submissions.filter((s) => s.round === exercise.round).map((s) => s.memberId));
    const required = this.required(exercise);
    return {
      id: exercise.id,
      name: exercise.name,
      loopId: exercise.loopId,
      createdAt: exercise.createdAt,
      round: exercise.round,
      revealed: exercise.revealedRound >= exercise.round,
      dueAt: exercise.dueAt,
      items: exercise.items.map((item) => ({
        id: item.id,
        label: itemLabel(item),
        // The title says who the candidate was: scoring stays blind only if the panel never sees it.
        title: member.role === "admin" ? itemTitle(item) : null,
        questionId: item.questionId,
        questionTitle: this.options.catalog.require(item.questionId).title,
        kind: member.role === "admin" ? item.kind : null,
        text: item.text,
      })),
      // Everyone sees who has finished; nobody sees anyone else's scores here.
      progress: exercise.interviewerIds.map((id) => {
        const scored = current.filter((s) => s.memberId === id).length;
        const done = submitted.has(id);
        const state: ParticipantState = done ? "finished" : scored > 0 ? "in-progress" : "not-started";
        return {
          memberId: id,
          name: names.get(id) ?? "Former member",
          scored,
          required,
          submitted: done,
          state,
          late: this.isLate(exercise, done),
        };
      }),
      myScores: current
        .filter((s) => s.memberId === member.id)
        .map((s) => ({ itemId: s.itemId, dimension: s.dimension, score: s.score, comment: s.comment })),
      mySubmitted: submitted.has(member.id),
      invited: exercise.interviewerIds.includes(member.id),
    };
  }

  /** The exercise as `member` sees it, reloaded after a change. */
  private async reload(member: MemberRecord, id: string): Promise<Exercise> {
    return this.view(member, await loadExercise(this.repo, member, id));
  }

  async get(member: MemberRecord, id: string): Promise<Exercise> {
    return this.view(member, await visibleExercise(this.repo, member, id));
  }

  async list(member: MemberRecord) {
    const all = await this.repo.listExercises(member.workspaceId);
    const visible = member.role === "admin" ? all : all.filter((e) => e.interviewerIds.includes(member.id));
    return Promise.all(
      visible.map(async (e) => {
        const submissions = await this.repo.listSubmissions(e.id);
        const done = new Set(submissions.filter((s) => s.round === e.round).map((s) => s.memberId));
        return {
          id: e.id,
          name: e.name,
          loopId: e.loopId,
          createdAt: e.createdAt,
          round: e.round,
          revealed: e.revealedRound >= e.round,
          dueAt: e.dueAt,
          submittedCount: done.size,
          interviewerCount: e.interviewerIds.length,
          lateCount: e.interviewerIds.filter((id) => this.isLate(e, done.has(id))).length,
        };
      }),
    );
  }

  /** Refuses scores for anything the exercise does not have: an unknown answer, or a dimension not on its rubric. */
  private checkScores(exercise: ExerciseRecord, scores: SaveScoresBody["scores"]): void {
    const items = new Map(exercise.items.map((item) => [item.id, item]));
    scores.forEach((entry, i) => {
      const item = items.get(entry.itemId);
      if (!item)
        throw new InvalidInputError(`This exercise has no answer '${entry.itemId}'.`, `scores.${i}.itemId`);
      const dims = this.options.catalog.require(item.questionId).rubric.dimensions.map((d) => d.id);
      if (!dims.includes(entry.dimension)) {
        throw new InvalidInputError(
          `'${entry.dimension}' is not a rubric dimension of ${item.label} (${dims.join(", ")}).`,
          `scores.${i}.dimension`,
        );
      }
    });
  }

  private async submittedThisRound(exercise: ExerciseRecord): Promise<Set<string>> {
    const submissions = await this.repo.listSubmissions(exercise.id);
    return new Set(submissions.filter((s) => s.round === exercise.round).map((s) => s.memberId));
  }

  async saveScores(member: MemberRecord, id: string, body: SaveScoresBody): Promise<Exercise> {
    return this.options.locks.run(id, async () => {
      const exercise = await loadExercise(this.repo, member, id);
      if (!exercise.interviewerIds.includes(member.id))
        throw new ForbiddenError("You are not on this exercise's panel.");
      if (body.round !== exercise.round) {
        throw new ConflictError(
          `Round ${body.round} is closed; the exercise is on round ${exercise.round}. Reload to continue.`,
        );
      }
      if (exercise.revealedRound >= exercise.round) {
        throw new ConflictError(
          "This round's results have been revealed, so scoring is closed until a re-score round opens.",
        );
      }
      if ((await this.submittedThisRound(exercise)).has(member.id)) {
        throw new ConflictError("You have already submitted this round; scores can no longer change.");
      }
      this.checkScores(exercise, body.scores);
      await this.repo.saveScores(
        id,
        body.scores.map((s) => ({ ...s, round: exercise.round, memberId: member.id })),
      );
      if (body.submit) await this.submit(member, exercise);
      return this.reload(member, id);
    });
  }

  private async submit(member: MemberRecord, exercise: ExerciseRecord): Promise<void> {
    const mine = (await this.repo.listScores(exercise.id)).filter(
      (s) => s.round === exercise.round && s.memberId === member.id,
    );
    const required = this.required(exercise);
    if (mine.length < required) {
      throw new InvalidInputError(
        `Score every dimension of every answer before submitting: ${mine.length} of ${required} scored. Your scores so far are saved.`,
        "scores",
      );
    }
    await this.repo.markSubmitted(exercise.id, exercise.round, member.id, this.iso());
    const done = await this.submittedThisRound(exercise);
    // Results appear by themselves once the whole panel has submitted.
    if (exercise.interviewerIds.every((m) => done.has(m))) {
      await this.repo.updateExerciseRounds(exercise.id, exercise.round, exercise.round);
    }
  }

  /** Sets or clears when the panel should have finished; a date already past is refused. */
  async setDue(admin: MemberRecord, id: string, dueAt: string | null): Promise<Exercise> {
    requireAdmin(admin);
    const due = this.dueAt(dueAt, "dueAt");
    return this.options.locks.run(id, async () => {
      await loadExercise(this.repo, admin, id);
      await this.repo.setExerciseDueAt(id, due);
      return this.reload(admin, id);
    });
  }

  async reveal(admin: MemberRecord, id: string): Promise<Exercise> {
    requireAdmin(admin);
    return this.options.locks.run(id, async () => {
      const exercise = await loadExercise(this.repo, admin, id);
      if ((await this.submittedThisRound(exercise)).size < 2)
        throw new ConflictError("At least two interviewers must submit before results can be revealed.");
      await this.repo.updateExerciseRounds(id, exercise.round, exercise.round);
      return this.reload(admin, id);
    });
  }

  async openRescore(admin: MemberRecord, id: string): Promise<Exercise> {
    requireAdmin(admin);
    return this.options.locks.run(id, async () => {
      const exercise = await loadExercise(this.repo, admin, id);
      if (exercise.revealedRound < exercise.round) {
        throw new ConflictError(
          "Reveal this round's results and discuss them before opening a re-score round.",
        );
      }
      await this.repo.updateExerciseRounds(id, exercise.round + 1, exercise.revealedRound);
      return this.reload(admin, id);
    });
  }
}
