import { rowsToCsv } from "@loopwright/csv";

/**
 * A small sample export for the CSV analysis page: three interviewers score
 * five answers on three rubric dimensions, and one of them scores harder.
 */
export function sampleRatingsCsv(): string {
  const raters = ["Avery", "Blake", "Casey"];
  const subjects = ["Candidate 1", "Candidate 2", "Candidate 3", "Candidate 4", "Candidate 5"];
  const dimensions = ["Org design reasoning", "Trade-offs", "Communication"];
  // The panel's view of each answer on each dimension, 1 to 4.
  const truth = [
    [2, 2, 3],
    [3, 4, 3],
    [1, 2, 2],
    [4, 3, 4],
    [3, 3, 2],
  ];
  const rows: (string | number)[][] = [["rater", "subject", "dimension", "score"]];
  raters.forEach((rater, r) => {
    subjects.forEach((subject, s) => {
      dimensions.forEach((dimension, d) => {
        const base = truth[s]?.[d] ?? 2;
        // Casey scores a point lower than the others; Blake wavers on communication.
        const wobble = r === 1 && d === 2 && s % 2 === 0 ? 1 : 0;
        const score = Math.min(4, Math.max(1, base - (r === 2 ? 1 : 0) + wobble));
        rows.push([rater, subject, dimension, score]);
      });
    });
  });
  return rowsToCsv(rows);
}
