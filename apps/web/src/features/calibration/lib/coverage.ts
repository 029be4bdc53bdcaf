import { type Competency, type Loop, loopCoverage } from "@loopwright/schema";

export type CoverageCell = Loop["coverage"][number];

/** Live preview of the coverage matrix while a loop is edited: the same function the server uses. */
export function previewCoverage(rounds: readonly { competencies: readonly Competency[] }[]): CoverageCell[] {
  return loopCoverage([...rounds]);
}

export function coverageCounts(cells: readonly CoverageCell[]): Record<CoverageCell["status"], number> {
  const counts = { gap: 0, covered: 0, overlap: 0 };
  for (const cell of cells) counts[cell.status] += 1;
  return counts;
}

/** "round 4", "rounds 4 and 5", "rounds 2, 4 and 5" (positions from 0, shown from 1). */
function roundList(rounds: readonly number[]): string {
  const numbers = rounds.map((r) => String(r + 1));
  if (numbers.length === 1) return `round ${numbers[0]}`;
  return `rounds ${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

/**
 * What to say above a matrix too wide for its box when an overlap is flagged in rounds
 * scrolled out of view; null when every flagged round is in view.
 */
export function hiddenOverlapNotice(
  cells: readonly CoverageCell[],
  hiddenRounds: ReadonlySet<number>,
): string | null {
  const flagged = [...new Set(cells.filter((c) => c.status === "overlap").flatMap((c) => c.rounds))]
    .filter((r) => hiddenRounds.has(r))
    .sort((a, b) => a - b);
  if (flagged.length === 0) return null;
  return `Overlap flagged in ${roundList(flagged)} — scroll the matrix sideways to see ${flagged.length === 1 ? "it" : "them"}.`;
}
