import type { AttemptSummary } from "@loopwright/schema";

export interface ResumeItem {
  attempt: AttemptSummary;
  action: "resume" | "score" | "start-round";
  /** "Round 2 of 3" for loop rounds. */
  round: { number: number; total: number } | null;
}

/**
 * What the practice page offers to pick up: answers in progress, answers
 * waiting for a self-score, and the next round of a mock loop once the round
 * before it is handed in. Newest first.
 */
export function resumable(attempts: readonly AttemptSummary[]): ResumeItem[] {
  const loopSize = new Map<string, number>();
  for (const a of attempts) if (a.loopId) loopSize.set(a.loopId, (loopSize.get(a.loopId) ?? 0) + 1);
  const round = (a: AttemptSummary) =>
    a.loopId && a.loopPosition !== null
      ? { number: a.loopPosition + 1, total: loopSize.get(a.loopId) ?? a.loopPosition + 1 }
      : null;

  const items: ResumeItem[] = [];
  for (const a of attempts) {
    if (a.status === "active") items.push({ attempt: a, action: "resume", round: round(a) });
    else if (a.status === "review") items.push({ attempt: a, action: "score", round: round(a) });
    else if (a.status === "pending" && a.loopId) {
      const blocked = attempts.some(
        (b) =>
          b.loopId === a.loopId &&
          (b.loopPosition ?? 0) < (a.loopPosition ?? 0) &&
          (b.status === "pending" || b.status === "active"),
      );
      if (!blocked) items.push({ attempt: a, action: "start-round", round: round(a) });
    }
  }
  return items.sort((x, y) => y.attempt.createdAt.localeCompare(x.attempt.createdAt));
}
