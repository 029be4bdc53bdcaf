import { NotFoundError } from "../../lib/domain-errors.js";
import type { CalibrationRepository, ExerciseRecord, MemberRecord } from "../../storage/store.js";

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
