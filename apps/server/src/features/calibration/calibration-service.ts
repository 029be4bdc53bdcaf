import type {
  AnalysisWithFlags,
  CalibrationSession,
  CreateExerciseBody,
  Exercise,
  ExerciseResults,
  Loop,
  LoopBody,
  Member,
  Question,
  RatingInput,
  SaveScoresBody,
} from "@loopwright/schema";
import { loopCoverage, RUBRIC_MAX, RUBRIC_MIN } from "@loopwright/schema";
import type { FastifyRequest } from "fastify";
import { bearerSecret, generateId, generateSecret, hashSecret } from "../../lib/secrets.js";
import { HttpError, notFound } from "../../plugins/errors.js";
import type {
  CalibrationRepository,
  ExerciseItemRecord,
  ExerciseRecord,
  KeyedLocks,
  LoopRecord,
  MemberRecord,
  ScoreRecord,
} from "../../storage/store.js";
import type { QuestionCatalog } from "../questions/catalog.js";
import type { Analyzer } from "./analysis-pool.js";

const DAY = 86_400_000;
const forbidden = (message: string) => new HttpError(403, "forbidden", message);
const conflict = (message: string) => new HttpError(409, "conflict", message);
const unauthorized = (message: string) => new HttpError(401, "unauthorized", message);
const invalid = (message: string, path: string) =>
  new HttpError(400, "invalid_request", message, [{ path, message }]);

export interface CalibrationServiceOptions {
  catalog: QuestionCatalog;
  repo: CalibrationRepository;
  /** Serialises read-modify-write of one record, across instances when there are several. */
  locks: KeyedLocks;
  analyzer: Analyzer;
  linkTtlDays: number;
  sessionTtlHours: number;
  now?: () => number;
}

const toMember = (m: MemberRecord): Member => ({
  id: m.id,
  name: m.name,
  role: m.role,
  createdAt: m.createdAt,
  revoked: m.revokedAt !== null,
});

/** Team workspaces, interview loops and calibration exercises with blind scoring. */
export class CalibrationService {
  private readonly now: () => number;

  constructor(private readonly options: CalibrationServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  private get repo() {
    return this.options.repo;
  }

  private iso(offsetMs = 0): string {
    return new Date(this.now() + offsetMs).toISOString();
  }

  private newMember(workspaceId: string, name: string, role: MemberRecord["role"]): MemberRecord {
    return {
      id: generateId(),
      workspaceId,
      name,
      role,
      createdAt: this.iso(),
      revokedAt: null,
      expiresAt: this.iso(this.options.linkTtlDays * DAY),
    };
  }

  /* ── identity ── */

  async createWorkspace(name: string, adminName: string) {
    const workspace = { id: generateId(), name, createdAt: this.iso() };
    const admin = this.newMember(workspace.id, adminName, "admin");
    const adminToken = generateSecret();
    await this.repo.createWorkspace(workspace, admin, hashSecret(adminToken));
    return { workspace, adminToken };
  }

  /** Swaps a link's token (from the URL fragment) for a session credential, so the link itself is sent once. */
  async exchange(token: string): Promise<CalibrationSession> {
    const member = await this.repo.findMemberByTokenHash(hashSecret(token));
    if (!member) throw unauthorized("This link is not valid. Ask the workspace admin for a new one.");
    if (member.revokedAt) throw unauthorized("This link has been revoked by the workspace admin.");
    if (member.expiresAt <= this.iso())
      throw unauthorized("This link has expired. Ask the workspace admin for a new one.");
    const workspace = await this.repo.getWorkspace(member.workspaceId);
    if (!workspace) throw unauthorized("This link's workspace no longer exists.");
    const credential = generateSecret();
    const expiresAt = this.iso(this.options.sessionTtlHours * 3_600_000);
    await this.repo.createSession(hashSecret(credential), member.id, expiresAt);
    return { credential, expiresAt, member: toMember(member), workspace };
  }

  async authenticate(request: FastifyRequest, workspaceId: string): Promise<MemberRecord> {
    const credential = bearerSecret(request.headers.authorization);
    if (!credential)
      throw unauthorized("Open your workspace link again to sign in: no session credential was sent.");
    const member = await this.repo.findSessionMember(hashSecret(credential), this.iso());
    if (!member)
      throw unauthorized("Your session has ended or your link was revoked. Open your workspace link again.");
    // A credential for another workspace gets the same answer as a missing workspace.
    if (member.workspaceId !== workspaceId) throw notFound("No such workspace.");
    return member;
  }

  private requireAdmin(member: MemberRecord): void {
    if (member.role !== "admin") throw forbidden("Only the workspace admin can do this.");
  }

  async view(member: MemberRecord) {
    const workspace = await this.repo.getWorkspace(member.workspaceId);
    if (!workspace) throw notFound("No such workspace.");
    const members = member.role === "admin" ? await this.repo.listMembers(member.workspaceId) : [];
    return { workspace, members: members.map(toMember), me: toMember(member) };
  }

  async addMember(admin: MemberRecord, name: string) {
    this.requireAdmin(admin);
    const member = this.newMember(admin.workspaceId, name, "interviewer");
    const token = generateSecret();
    await this.repo.addMember(member, hashSecret(token));
    return { member: toMember(member), token };
  }

  async revokeMember(admin: MemberRecord, memberId: string): Promise<void> {
    this.requireAdmin(admin);
    if (memberId === admin.id) throw conflict("You cannot revoke your own admin link.");
    const changed = await this.repo.revokeMember(admin.workspaceId, memberId, this.iso());
    if (!changed) throw notFound("No active member with that id in this workspace.");
  }

  /* ── loops ── */

  private validateLoop(body: LoopBody): void {
    body.rounds.forEach((round, i) => {
      round.questionIds.forEach((id, j) => {
        const q = this.options.catalog.get(id);
        if (!q)
          throw invalid(`Round ${i + 1}: no question has the id '${id}'.`, `rounds.${i}.questionIds.${j}`);
      });
    });
  }

  private toLoop(record: LoopRecord): Loop {
    return {
      id: record.id,
      name: record.name,
      createdAt: record.createdAt,
      rounds: record.rounds as Loop["rounds"],
      coverage: loopCoverage(record.rounds),
    };
  }

  async createLoop(admin: MemberRecord, body: LoopBody): Promise<Loop> {
    this.requireAdmin(admin);
    this.validateLoop(body);
    const record: LoopRecord = {
      id: generateId(),
      workspaceId: admin.workspaceId,
      createdAt: this.iso(),
      ...body,
    };
    await this.repo.saveLoop(record);
    return this.toLoop(record);
  }

  async updateLoop(admin: MemberRecord, id: string, body: LoopBody): Promise<Loop> {
    this.requireAdmin(admin);
    const existing = await this.repo.getLoop(admin.workspaceId, id);
    if (!existing) throw notFound("No loop with that id in this workspace.");
    this.validateLoop(body);
    const record = { ...existing, ...body };
    await this.repo.saveLoop(record);
    return this.toLoop(record);
  }

  async listLoops(member: MemberRecord): Promise<Loop[]> {
    return (await this.repo.listLoops(member.workspaceId)).map((l) => this.toLoop(l));
  }

  async getLoop(member: MemberRecord, id: string): Promise<Loop> {
    const loop = await this.repo.getLoop(member.workspaceId, id);
    if (!loop) throw notFound("No loop with that id in this workspace.");
    return this.toLoop(loop);
  }

  async deleteLoop(admin: MemberRecord, id: string): Promise<void> {
    this.requireAdmin(admin);
    if (!(await this.repo.deleteLoop(admin.workspaceId, id)))
      throw notFound("No loop with that id in this workspace.");
  }

  /* ── exercises ── */

  private question(id: string): Question {
    const q = this.options.catalog.get(id);
    if (!q) throw notFound(`No question has the id '${id}'.`);
    return q;
  }

  async createExercise(admin: MemberRecord, body: CreateExerciseBody): Promise<Exercise> {
    this.requireAdmin(admin);
    if (body.loopId && !(await this.repo.getLoop(admin.workspaceId, body.loopId))) {
      throw invalid("No loop with that id in this workspace.", "loopId");
    }
    const members = await this.repo.listMembers(admin.workspaceId);
    const active = new Map(members.filter((m) => !m.revokedAt).map((m) => [m.id, m]));
    const interviewerIds = [...new Set(body.interviewerIds)];
    interviewerIds.forEach((id, i) => {
      if (!active.has(id))
        throw invalid(`'${id}' is not an active member of this workspace.`, `interviewerIds.${i}`);
    });
    if (interviewerIds.length < 2)
      throw invalid("Invite at least two different interviewers.", "interviewerIds");
    const items: ExerciseItemRecord[] = body.items.map((item, i) => {
      const q = this.options.catalog.get(item.questionId);
      if (!q) throw invalid(`No question has the id '${item.questionId}'.`, `items.${i}.questionId`);
      if (item.kind === "example") {
        const example = q.examples.find((e) => e.id === item.exampleId);
        if (!example) {
          throw invalid(
            `Question '${q.id}' has no example answer '${item.exampleId}'.`,
            `items.${i}.exampleId`,
          );
        }
        return {
          id: `a${i + 1}`,
          label: `Answer ${String.fromCharCode(65 + i)}`,
          questionId: q.id,
          kind: "example",
          exampleId: example.id,
          text: example.answer,
        };
      }
      return {
        id: `a${i + 1}`,
        label: `Answer ${String.fromCharCode(65 + i)}: ${item.title}`,
        questionId: q.id,
        kind: "transcript",
        exampleId: null,
        text: item.text,
      };
    });
    const record: ExerciseRecord = {
      id: generateId(),
      workspaceId: admin.workspaceId,
      loopId: body.loopId,
      name: body.name,
      createdAt: this.iso(),
      round: 1,
      revealedRound: 0,
      items,
      interviewerIds,
    };
    await this.repo.createExercise(record);
    return this.exerciseView(admin, record);
  }

  private async load(member: MemberRecord, id: string): Promise<ExerciseRecord> {
    const exercise = await this.repo.getExercise(member.workspaceId, id);
    if (!exercise) throw notFound("No exercise with that id in this workspace.");
    return exercise;
  }

  private required(exercise: ExerciseRecord): number {
    return exercise.items.reduce((n, item) => n + this.question(item.questionId).rubric.dimensions.length, 0);
  }

  private async exerciseView(member: MemberRecord, exercise: ExerciseRecord): Promise<Exercise> {
    const [scores, submissions, members] = await Promise.all([
      this.repo.listScores(exercise.id),
      this.repo.listSubmissions(exercise.id),
      this.repo.listMembers(exercise.workspaceId),
    ]);
    const names = new Map(members.map((m) => [m.id, m.name]));
    const current = scores.filter((s) => s.round === exercise.round);
    const submitted = new Set(submissions.filter((s) => s.round === exercise.round).map((s) => s.memberId));
    const required = this.required(exercise);
    const invited = exercise.interviewerIds.includes(member.id);
    return {
      id: exercise.id,
      name: exercise.name,
      loopId: exercise.loopId,
      createdAt: exercise.createdAt,
      round: exercise.round,
      revealed: exercise.revealedRound >= exercise.round,
      items: exercise.items.map((item) => ({
        id: item.id,
        label: item.label,
        questionId: item.questionId,
        questionTitle: this.question(item.questionId).title,
        kind: item.kind,
        text: item.text,
      })),
      // Everyone sees who has finished; nobody sees anyone else's scores here.
      progress: exercise.interviewerIds.map((id) => ({
        memberId: id,
        name: names.get(id) ?? "Former member",
        scored: current.filter((s) => s.memberId === id).length,
        required,
        submitted: submitted.has(id),
      })),
      myScores: current
        .filter((s) => s.memberId === member.id)
        .map((s) => ({ itemId: s.itemId, dimension: s.dimension, score: s.score, comment: s.comment })),
      mySubmitted: submitted.has(member.id),
      invited,
    };
  }

  async getExercise(member: MemberRecord, id: string): Promise<Exercise> {
    const exercise = await this.load(member, id);
    if (member.role !== "admin" && !exercise.interviewerIds.includes(member.id)) {
      throw notFound("No exercise with that id in this workspace.");
    }
    return this.exerciseView(member, exercise);
  }

  async listExercises(member: MemberRecord) {
    const all = await this.repo.listExercises(member.workspaceId);
    const visible = member.role === "admin" ? all : all.filter((e) => e.interviewerIds.includes(member.id));
    return Promise.all(
      visible.map(async (e) => {
        const submissions = await this.repo.listSubmissions(e.id);
        return {
          id: e.id,
          name: e.name,
          loopId: e.loopId,
          createdAt: e.createdAt,
          round: e.round,
          revealed: e.revealedRound >= e.round,
          submittedCount: submissions.filter((s) => s.round === e.round).length,
          interviewerCount: e.interviewerIds.length,
        };
      }),
    );
  }

  async saveScores(member: MemberRecord, id: string, body: SaveScoresBody): Promise<Exercise> {
    return this.options.locks.run(id, async () => {
      const exercise = await this.load(member, id);
      if (!exercise.interviewerIds.includes(member.id))
        throw forbidden("You are not on this exercise's panel.");
      if (body.round !== exercise.round) {
        throw conflict(
          `Round ${body.round} is closed; the exercise is on round ${exercise.round}. Reload to continue.`,
        );
      }
      if (exercise.revealedRound >= exercise.round) {
        throw conflict(
          "This round's results have been revealed, so scoring is closed until a re-score round opens.",
        );
      }
      const submissions = await this.repo.listSubmissions(id);
      if (submissions.some((s) => s.round === exercise.round && s.memberId === member.id)) {
        throw conflict("You have already submitted this round; scores can no longer change.");
      }
      const items = new Map(exercise.items.map((item) => [item.id, item]));
      body.scores.forEach((entry, i) => {
        const item = items.get(entry.itemId);
        if (!item) throw invalid(`This exercise has no answer '${entry.itemId}'.`, `scores.${i}.itemId`);
        const dims = this.question(item.questionId).rubric.dimensions.map((d) => d.id);
        if (!dims.includes(entry.dimension)) {
          throw invalid(
            `'${entry.dimension}' is not a rubric dimension of ${item.label} (${dims.join(", ")}).`,
            `scores.${i}.dimension`,
          );
        }
      });
      await this.repo.saveScores(
        id,
        body.scores.map((s) => ({ ...s, round: exercise.round, memberId: member.id })),
      );
      if (body.submit) {
        const mine = (await this.repo.listScores(id)).filter(
          (s) => s.round === exercise.round && s.memberId === member.id,
        );
        const required = this.required(exercise);
        if (mine.length < required) {
          throw invalid(
            `Score every dimension of every answer before submitting: ${mine.length} of ${required} scored. Your scores so far are saved.`,
            "scores",
          );
        }
        await this.repo.markSubmitted(id, exercise.round, member.id, this.iso());
        const done = new Set(
          (await this.repo.listSubmissions(id))
            .filter((s) => s.round === exercise.round)
            .map((s) => s.memberId),
        );
        // Results appear by themselves once the whole panel has submitted.
        if (exercise.interviewerIds.every((m) => done.has(m))) {
          await this.repo.updateExerciseRounds(id, exercise.round, exercise.round);
        }
      }
      return this.exerciseView(member, await this.load(member, id));
    });
  }

  async reveal(admin: MemberRecord, id: string): Promise<Exercise> {
    this.requireAdmin(admin);
    return this.options.locks.run(id, async () => {
      const exercise = await this.load(admin, id);
      const submitted = (await this.repo.listSubmissions(id)).filter(
        (s) => s.round === exercise.round,
      ).length;
      if (submitted < 2)
        throw conflict("At least two interviewers must submit before results can be revealed.");
      await this.repo.updateExerciseRounds(id, exercise.round, exercise.round);
      return this.exerciseView(admin, await this.load(admin, id));
    });
  }

  async openRescore(admin: MemberRecord, id: string): Promise<Exercise> {
    this.requireAdmin(admin);
    return this.options.locks.run(id, async () => {
      const exercise = await this.load(admin, id);
      if (exercise.revealedRound < exercise.round) {
        throw conflict("Reveal this round's results and discuss them before opening a re-score round.");
      }
      await this.repo.updateExerciseRounds(id, exercise.round + 1, exercise.revealedRound);
      return this.exerciseView(admin, await this.load(admin, id));
    });
  }

  /* ── results ── */

  private analyse(
    ratings: (RatingInput & { reference?: number })[],
    names: Map<string, string>,
    labels: Map<string, string>,
  ): Promise<AnalysisWithFlags> {
    return this.options.analyzer.analyze(
      ratings,
      { min: RUBRIC_MIN, max: RUBRIC_MAX },
      { raterNames: names, subjectLabels: labels },
    );
  }

  private ratingsOf(
    exercise: ExerciseRecord,
    scores: ScoreRecord[],
    round: number,
    subjectPrefix = "",
  ): (RatingInput & { reference?: number })[] {
    const items = new Map(exercise.items.map((i) => [i.id, i]));
    return scores
      .filter((s) => s.round === round)
      .map((s) => {
        const item = items.get(s.itemId) as ExerciseItemRecord;
        const question = this.question(item.questionId);
        const dimension = question.rubric.dimensions.find((d) => d.id === s.dimension);
        // Bank example answers carry reference scores; pasted transcripts do not.
        const reference = question.examples.find((e) => e.id === item.exampleId)?.scores[s.dimension];
        return {
          rater: s.memberId,
          subject: `${subjectPrefix}${s.itemId}`,
          dimension: dimension?.name ?? s.dimension,
          score: s.score,
          ...(reference === undefined ? {} : { reference }),
        };
      });
  }

  async results(member: MemberRecord, id: string): Promise<ExerciseResults> {
    const exercise = await this.load(member, id);
    if (member.role !== "admin" && !exercise.interviewerIds.includes(member.id)) {
      throw notFound("No exercise with that id in this workspace.");
    }
    if (exercise.revealedRound === 0) {
      throw conflict("Results appear when every interviewer has submitted or the admin reveals them.");
    }
    const [scores, members] = await Promise.all([
      this.repo.listScores(id),
      this.repo.listMembers(exercise.workspaceId),
    ]);
    const names = new Map(members.map((m) => [m.id, m.name]));
    const labels = new Map(exercise.items.map((i) => [i.id, i.label]));
    const rounds = [];
    for (let round = 1; round <= exercise.revealedRound; round++) {
      const ratings = this.ratingsOf(exercise, scores, round);
      if (ratings.length > 0) rounds.push({ round, analysis: await this.analyse(ratings, names, labels) });
    }
    return {
      rounds,
      raterNames: Object.fromEntries(
        exercise.interviewerIds.map((m) => [m, names.get(m) ?? "Former member"]),
      ),
      subjectLabels: Object.fromEntries(labels),
      comments: scores
        .filter((s) => s.round <= exercise.revealedRound && s.comment)
        .map((s) => ({
          round: s.round,
          rater: s.memberId,
          itemId: s.itemId,
          dimension: s.dimension,
          comment: s.comment,
        })),
    };
  }

  /** Pools the latest revealed round of every exercise in a loop. */
  async loopResults(member: MemberRecord, loopId: string): Promise<ExerciseResults> {
    this.requireAdmin(member);
    const loop = await this.repo.getLoop(member.workspaceId, loopId);
    if (!loop) throw notFound("No loop with that id in this workspace.");
    const exercises = (await this.repo.listExercises(member.workspaceId)).filter(
      (e) => e.loopId === loopId && e.revealedRound > 0,
    );
    const members = await this.repo.listMembers(member.workspaceId);
    const names = new Map(members.map((m) => [m.id, m.name]));
    const labels = new Map<string, string>();
    const ratings: (RatingInput & { reference?: number })[] = [];
    for (const e of exercises) {
      const scores = await this.repo.listScores(e.id);
      for (const item of e.items) labels.set(`${e.id}:${item.id}`, `${e.name} · ${item.label}`);
      ratings.push(...this.ratingsOf(e, scores, e.revealedRound, `${e.id}:`));
    }
    if (ratings.length === 0) throw conflict("No exercise in this loop has revealed results yet.");
    const raters = new Set(ratings.map((r) => r.rater));
    return {
      rounds: [{ round: 1, analysis: await this.analyse(ratings, names, labels) }],
      raterNames: Object.fromEntries([...raters].map((m) => [m, names.get(m) ?? "Former member"])),
      subjectLabels: Object.fromEntries(labels),
      comments: [],
    };
  }
}
