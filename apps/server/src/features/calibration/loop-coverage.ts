import { COMPETENCIES, type Competency } from "@loopwright/schema";

export interface CoverageCell {
  competency: Competency;
  /** Indexes of the rounds that assess this competency. */
  rounds: number[];
  status: "gap" | "covered" | "overlap";
}

/** Competency × round matrix: which competencies no round assesses, and which several do. */
export function loopCoverage(rounds: { competencies: string[] }[]): CoverageCell[] {
  return COMPETENCIES.map((competency) => {
    const hits = rounds.flatMap((r, i) => (r.competencies.includes(competency) ? [i] : []));
    return {
      competency,
      rounds: hits,
      status: hits.length === 0 ? "gap" : hits.length === 1 ? "covered" : "overlap",
    };
  });
}
