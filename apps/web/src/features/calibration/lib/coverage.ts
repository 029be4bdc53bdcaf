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
