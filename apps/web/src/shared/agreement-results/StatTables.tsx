import type { AnalysisWithFlags, DimensionResultDto, RaterResultDto } from "@loopwright/schema";
import { OFFSET_FLAG_THRESHOLD } from "@loopwright/schema";
import type { ReactNode } from "react";
import { ScrollRegion } from "../../ui/ScrollRegion";
import { StatValue } from "../../ui/StatValue";
import { Tooltip } from "../../ui/Tooltip";
import { tableClasses } from "../../ui/table";
import type { NameOf } from "./lib/chart-data";
import "./StatTables.css";

/** One column of a statistics table: its heading, what the heading means, and whether it holds numbers. */
export interface Column {
  label: string;
  note?: string;
  numeric?: boolean;
}

/** The header row, each note a toggletip on the heading (hover, keyboard focus or press). */
function HeaderRow({ columns }: { columns: readonly Column[] }) {
  return (
    <tr>
      {columns.map((column, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat (R1, R2, Change); the position is the column
        <th key={i} scope="col" className={column.numeric ? tableClasses.number : undefined}>
          {column.note ? (
            <Tooltip content={column.note} toggleOnClick>
              <button type="button" className="ar-col-note">
                {column.label}
              </button>
            </Tooltip>
          ) : (
            column.label
          )}
        </th>
      ))}
    </tr>
  );
}

/** A dense table of statistics in its scroll region; the rows are the children. */
export function StatsTable({
  label,
  testId,
  caption,
  columns,
  children,
}: {
  label: string;
  testId: string;
  caption?: string;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={label} className={tableClasses.scroll}>
      <table className={tableClasses.stats} data-testid={testId}>
        {caption ? <caption className={tableClasses.caption}>{caption}</caption> : null}
        <thead>
          <HeaderRow columns={columns} />
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}

type Distribution = AnalysisWithFlags["distributions"][number];

/** How often each score was given on one dimension, as a row of small bars with counts. */
function ScoreDistribution({ distribution }: { distribution: Distribution | undefined }) {
  if (!distribution) return <span className="muted">—</span>;
  const most = Math.max(1, ...distribution.counts.map((c) => c.count));
  const summary = distribution.counts.map((c) => `${c.count} × ${c.score}`).join(", ");
  return (
    <span className="ar-dist" role="img" aria-label={`Scores given: ${summary}`}>
      {distribution.counts.map((c) => (
        <span key={c.score} className="ar-dist__col" aria-hidden="true">
          <span className="ar-dist__bar" style={{ height: `${Math.round((c.count / most) * 100)}%` }} />
          <span className="ar-dist__label">{c.score}</span>
        </span>
      ))}
    </span>
  );
}

const DIMENSION_COLUMNS: readonly Column[] = [
  { label: "Dimension" },
  {
    label: "α nominal",
    note: "Krippendorff’s alpha, nominal: any difference counts as disagreement",
    numeric: true,
  },
  {
    label: "α ordinal",
    note: "Krippendorff’s alpha, ordinal: a 1 against a 4 disagrees more than a 3 against a 4",
    numeric: true,
  },
  {
    label: "α interval",
    note: "Krippendorff’s alpha, interval: treats scores as evenly spaced numbers",
    numeric: true,
  },
  {
    label: "ICC",
    note: "Intraclass correlation ICC(2,1): absolute agreement of a single interviewer",
    numeric: true,
  },
  { label: "Fleiss κ", note: "Fleiss’ kappa: agreement on the exact score beyond chance", numeric: true },
  { label: "Exact", note: "Share of interviewer pairs who gave the same score", numeric: true },
  {
    label: "Adjacent",
    note: "Share of interviewer pairs whose scores were at most one point apart",
    numeric: true,
  },
  { label: "Scores given", note: "How often each score on the scale was given" },
  { label: "Ratings", numeric: true },
];

export function DimensionTable({
  dimensions,
  distributions = [],
}: {
  dimensions: readonly DimensionResultDto[];
  distributions?: readonly Distribution[];
}) {
  return (
    <StatsTable
      label="Agreement statistics per dimension"
      testId="dimension-table"
      columns={DIMENSION_COLUMNS}
    >
      {dimensions.map((d) => (
        <tr key={d.dimension}>
          <th scope="row">{d.dimension}</th>
          <td className={tableClasses.number}>
            <StatValue value={d.alpha.nominal} reason="alpha" />
          </td>
          <td className={tableClasses.keyNumber}>
            <StatValue value={d.alpha.ordinal} reason="alpha" />
          </td>
          <td className={tableClasses.number}>
            <StatValue value={d.alpha.interval} reason="alpha" />
          </td>
          <td className={tableClasses.number}>
            <StatValue value={d.icc?.icc2 ?? null} reason="icc" />
          </td>
          <td className={tableClasses.number}>
            <StatValue value={d.fleissKappa} reason="kappa" />
          </td>
          <td className={tableClasses.number}>
            <StatValue value={d.exactAgreement} reason="pairs" />
          </td>
          <td className={tableClasses.number}>
            <StatValue value={d.adjacentAgreement} reason="pairs" />
          </td>
          <td>
            <ScoreDistribution distribution={distributions.find((x) => x.dimension === d.dimension)} />
          </td>
          <td className={`${tableClasses.number} muted`}>
            {d.ratings}
            <span className="visually-hidden">
              {" "}
              from {d.raters} interviewers on {d.subjects} answers
            </span>
          </td>
        </tr>
      ))}
    </StatsTable>
  );
}

const RATER_COLUMNS: readonly Column[] = [
  { label: "Interviewer" },
  {
    label: "Offset",
    note: "Mean of (their score − the median of the others’ scores on the same answer and dimension). Negative is harsher.",
    numeric: true,
  },
  {
    label: "vs reference",
    note: "Mean of (their score − the example answer's reference score), over bank example answers. Negative is harsher than the reference.",
    numeric: true,
  },
  {
    label: "Severity",
    note: "Many-facet Rasch severity in logits, centred on the panel. Positive is harsher.",
    numeric: true,
  },
  { label: "SE", note: "Standard error of the severity: the whisker on the chart", numeric: true },
  {
    label: "Infit",
    note: "Information-weighted fit: about 1 is consistent; well above 1 erratic; well below 1 too predictable",
    numeric: true,
  },
  { label: "Outfit", note: "Unweighted fit: more sensitive to a few surprising scores", numeric: true },
  { label: "Ratings", numeric: true },
];

export function RaterTable({
  raters,
  nameOf,
  referenceOffsets = [],
}: {
  raters: readonly RaterResultDto[];
  nameOf: NameOf;
  referenceOffsets?: AnalysisWithFlags["referenceOffsets"];
}) {
  return (
    <StatsTable label="Severity statistics per interviewer" testId="rater-table" columns={RATER_COLUMNS}>
      {raters.map((r) => {
        const off = r.meanOffset !== null && Math.abs(r.meanOffset) >= OFFSET_FLAG_THRESHOLD;
        return (
          <tr key={r.rater} className={off ? "ar-flagged" : undefined}>
            <th scope="row">{nameOf(r.rater)}</th>
            <td className={tableClasses.keyNumber}>
              <StatValue value={r.meanOffset} reason="offset" signed />
            </td>
            <td className={tableClasses.number}>
              <StatValue
                value={referenceOffsets.find((x) => x.rater === r.rater)?.meanOffset ?? null}
                reason="reference"
                signed
              />
            </td>
            <td className={tableClasses.number}>
              <StatValue value={r.severity} reason="severity" signed />
            </td>
            <td className={tableClasses.number}>
              <StatValue value={r.severitySE} reason="severity" />
            </td>
            <td className={tableClasses.number}>
              <StatValue value={r.infit} reason="severity" />
            </td>
            <td className={tableClasses.number}>
              <StatValue value={r.outfit} reason="severity" />
            </td>
            <td className={`${tableClasses.number} muted`}>{r.ratings}</td>
          </tr>
        );
      })}
    </StatsTable>
  );
}
