import type { AttemptStatus } from "@loopwright/schema";

/** How each attempt status reads in badges and lists. */
export const STATUS_LABELS: Record<AttemptStatus, string> = {
  pending: "Not started",
  active: "In progress",
  review: "Awaiting self-score",
  completed: "Completed",
};
