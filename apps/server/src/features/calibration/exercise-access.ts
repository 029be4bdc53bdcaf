import { NotFoundError } from "../../lib/domain-errors.js";
import type {
  CalibrationRepository,
  ExerciseItemRecord,
  ExerciseRecord,
  MemberRecord,
} from "../../storage/store.js";

const noSuchExercise = () => new NotFoundError("No exercise with that id in this workspace.");

/** An exercise of the member's workspace, whether or not they sit on its panel. */
export async function loadExercise(
  repo: CalibrationRepository,
  member: MemberRecord,
  id: string,
): Promise<ExerciseRecord> {
  const exercise = await repo.getExercise(member.workspaceId, id);
  if (!exercise) throw noSuchExercise();
  return exercise;
}

/** An exercise the member may see: the admin sees all, an interviewer those they were invited to. */
export async function visibleExercise(
  repo: CalibrationRepository,
  member: MemberRecord,
  id: string,
): Promise<ExerciseRecord> {
  const exercise = await loadExercise(repo, member, id);
  // Not invited gets the same answer as not there: exercise ids are not confirmed to outsiders.
  if (member.role !== "admin" && !exercise.interviewerIds.includes(member.id)) throw noSuchExercise();
  return exercise;
}

/** "Answer A", also for records that stored the transcript's title in the label ("Answer A: Candidate K"). */
export function itemLabel(item: ExerciseItemRecord): string {
  const colon = item.label.indexOf(": ");
  return colon < 0 ? item.label : item.label.slice(0, colon);
}

/** A transcript's title, wherever the record kept it; null for a bank example. */
export function itemTitle(item: ExerciseItemRecord): string | null {
  if (item.title !== undefined) return item.title;
  const colon = item.label.indexOf(": ");
  return colon < 0 ? null : item.label.slice(colon + 2);
}
