import type { ExerciseResults, ReferenceComparison } from "@loopwright/schema";
import type { StoredRating } from "../../lib/analysis/analysis-task.js";
import { analyzeRubricScores, pooledResults } from "../../lib/analysis/rubric-results.js";
import { ConflictError } from "../../lib/domain-errors.js";
import type { ExerciseItemRecord, ExerciseRecord, MemberRecord, ScoreRecord } from "../../storage/store.js";
import { CalibrationPart, requireAdmin } from "./calibration-part.js";
import { itemLabel, visibleExercise } from "./exercise-access.js";
import { noSuchLoop } from "./loop-service.js";

const FORMER_MEMBER = "Former member";

/**
 * Per answer and dimension that has a reference score (a bank example), the panel's scores
 * beside it, in the order first seen in the ratings; the page orders them by answer.
 */
export function referenceComparison(ratings: readonly StoredRating[]): ReferenceComparison[] {
  const groups = new Map<
    string,
    { subject: string; dimension: string; reference: number; scores: number[] }
  >();
  for (const r of ratings) {
    if (r.reference === undefined) continue;
    const key = JSON.stringify([r.subject, r.dimension]);
    const group = groups.get(key) ?? {
      subject: r.subject,
      dimension: r.dimension,
      reference: r.reference,
      scores: [],
    };
    group.scores.push(r.score);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const panelMean = g.scores.reduce((sum, x) => sum + x, 0) / g.scores.length;
    return {
      subject: g.subject,
      dimension: g.dimension,
      reference: g.reference,
      scores: [...g.scores].sort((a, b) => a - b),
      panelMean,
      difference: panelMean - g.reference,
    };
  });
}

/** Agreement, severity and flags for revealed exercise rounds, and for whole loops. */
export class ResultsService extends CalibrationPart {
  private async memberNames(workspaceId: string): Promise<Map<string, string>> {
    const members = await this.repo.listMembers(workspaceId);
    return new Map(members.map((m) => [m.id, m.name]));
  }

  /** One round's scores as ratings, subjects prefixed when several exercises are pooled. */
  private ratingsOf(
    exercise: ExerciseRecord,
    scores: ScoreRecord[],
    round: number,
    subjectPrefix = "",
  ): StoredRating[] {
    const items = new Map(exercise.items.map((i) => [i.id, i]));
    return scores
      .filter((s) => s.round === round)
      .map((s) => {
        const item = items.get(s.itemId) as ExerciseItemRecord;
        const question = this.options.catalog.require(item.questionId);
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

  async exercise(member: MemberRecord, id: string): Promise<ExerciseResults> {
    const exercise = await visibleExercise(this.repo, member, id);
    if (exercise.revealedRound === 0) {
      throw new ConflictError(
        "Results appear when every interviewer has submitted or the admin reveals them.",
      );
    }
    const [scores, names] = await Promise.all([
      this.repo.listScores(id),
      this.memberNames(exercise.workspaceId),
    ]);
    const labels = new Map(exercise.items.map((i) => [i.id, itemLabel(i)]));
    const rounds = [];
    for (let round = 1; round <= exercise.revealedRound; round++) {
      const ratings = this.ratingsOf(exercise, scores, round);
      if (ratings.length === 0) continue;
      const analysis = await analyzeRubricScores(this.options.analyzer, ratings, {
        raterNames: names,
        subjectLabels: labels,
      });
      rounds.push({
        round,
        analysis,
        ratings: ratings.map(({ rater, subject, dimension, score }) => ({
          rater,
          subject,
          dimension,
          score,
        })),
        // Reference scores, and so which answers are graded bank examples, are the admin's alone:
        // a panellist who saw them would score those answers differently in the next round.
        ...(member.role === "admin" ? { referenceComparison: referenceComparison(ratings) } : {}),
      });
    }
    return {
      rounds,
      raterNames: Object.fromEntries(exercise.interviewerIds.map((m) => [m, names.get(m) ?? FORMER_MEMBER])),
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
  async loop(member: MemberRecord, loopId: string): Promise<ExerciseResults> {
    requireAdmin(member);
    const loop = await this.repo.getLoop(member.workspaceId, loopId);
    if (!loop) throw noSuchLoop();
    const exercises = (await this.repo.listExercises(member.workspaceId)).filter(
      (e) => e.loopId === loopId && e.revealedRound > 0,
    );
    const names = await this.memberNames(member.workspaceId);
    const subjectLabels = new Map<string, string>();
    const ratings: StoredRating[] = [];
    for (const e of exercises) {
      const scores = await this.repo.listScores(e.id);
      for (const item of e.items) subjectLabels.set(`${e.id}:${item.id}`, `${e.name} · ${itemLabel(item)}`);
      ratings.push(...this.ratingsOf(e, scores, e.revealedRound, `${e.id}:`));
    }
    if (ratings.length === 0) throw new ConflictError("No exercise in this loop has revealed results yet.");
    return pooledResults(this.options.analyzer, ratings, {
      raterName: (m) => names.get(m) ?? FORMER_MEMBER,
      raterNames: names,
      subjectLabels,
    });
  }
}
