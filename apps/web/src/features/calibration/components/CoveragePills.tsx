import { formatCount } from "../../../lib/format";
import { type CoverageCell, coverageCounts } from "../lib/coverage";
import "./CoveragePills.css";

/** A loop's gaps and overlaps as two counts, each greyed out at zero. */
export function CoveragePills({ cells }: { cells: readonly CoverageCell[] }) {
  const counts = coverageCounts(cells);
  return (
    <>
      <span className={`cal-pill cal-pill--gap${counts.gap ? "" : " cal-pill--none"}`}>
        {formatCount(counts.gap, "gap")}
      </span>
      <span className={`cal-pill cal-pill--overlap${counts.overlap ? "" : " cal-pill--none"}`}>
        {formatCount(counts.overlap, "overlap")}
      </span>
    </>
  );
}
