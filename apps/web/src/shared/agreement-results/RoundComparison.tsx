import { ALPHA_FLAG_THRESHOLD, type AnalysisWithFlags } from "@loopwright/schema";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { StatValue } from "../../ui/StatValue";
import { tableClasses } from "../../ui/table";
import { ChartFigure, ChartFrame } from "./ChartFigure";
import { alphaAxis, compareRounds, formatTick, type NameOf } from "./lib/chart-data";
import { formatSigned, formatStat } from "./lib/format-stats";
import { axisProps, barChartProps, CHART, gridProps } from "./palette";
import { StatsTable } from "./StatTables";
import { useNarrow } from "./useNarrow";
import "./RoundComparison.css";

const VERDICT = {
  converged: {
    title: "The bar converged",
    body: "After the discussion the panel sits closer together: interviewers’ offsets shrank and agreement did not fall.",
  },
  diverged: {
    title: "The bar drifted apart",
    body: "Offsets grew or agreement fell since round 1. Revisit the anchors that split the panel before re-scoring again.",
  },
  mixed: {
    title: "Mixed: partly converged",
    body: "Some signals improved and others did not. Check the dimensions and interviewers below.",
  },
  unknown: {
    title: "Not enough data to compare",
    body: "One of the rounds has no pairs of scores to compare.",
  },
} as const;

function Delta({ before, after }: { before: number | null; after: number | null }) {
  if (before === null || after === null) return <span className="muted">—</span>;
  const d = after - before;
  const cls = Math.abs(d) < 0.005 ? "delta" : d > 0 ? "delta delta--up" : "delta delta--down";
  return <span className={cls}>{formatSigned(d)}</span>;
}

/** A statistic in round 1, in the latest round, and the change between them: three cells of a row. */
function BeforeAfter({
  before,
  after,
  reason,
}: {
  before: number | null;
  after: number | null;
  reason: "alpha" | "pairs";
}) {
  return (
    <>
      <td className={tableClasses.number}>
        <StatValue value={before} reason={reason} />
      </td>
      <td className={tableClasses.number}>
        <StatValue value={after} reason={reason} />
      </td>
      <td className={tableClasses.number}>
        <Delta before={before} after={after} />
      </td>
    </>
  );
}

/** Round 1 against the latest round: did agreement rise and did the interviewers’ offsets shrink? */
export function RoundComparison({
  first,
  latest,
  latestRound,
  nameOf,
  headingLevel = 2,
}: {
  first: AnalysisWithFlags;
  latest: AnalysisWithFlags;
  latestRound: number;
  nameOf: NameOf;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const c = compareRounds(first, latest, nameOf);
  const narrow = useNarrow();
  const verdict = VERDICT[c.verdict];
  const axis = alphaAxis(c.dimensions.flatMap((d) => [d.alphaBefore, d.alphaAfter]));
  const chartData = c.dimensions.map((d) => ({
    dimension: d.dimension,
    before: d.alphaBefore,
    after: d.alphaAfter,
  }));
  const summary = `Ordinal alpha in round 1 and round ${latestRound}: ${c.dimensions
    .map((d) => `${d.dimension} ${formatStat(d.alphaBefore)} to ${formatStat(d.alphaAfter)}`)
    .join("; ")}.`;
  const latestLabel = `Round ${latestRound}`;

  return (
    <section className="comparison" aria-labelledby="comparison-title" data-testid="comparison">
      <Heading id="comparison-title" className="section__title">
        Did the bar converge?
      </Heading>
      <p className="section__lede">
        Round 1 against round {latestRound}, on the same answers after discussion.
      </p>

      <div className={`verdict verdict--${c.verdict}`} data-testid="verdict">
        <p className="verdict__title">{verdict.title}</p>
        <p>{verdict.body}</p>
        <dl className="verdict__facts">
          {[
            {
              term: "Mean distance from the panel",
              value: (
                <>
                  {formatStat(c.meanAbsOffsetBefore)} → {formatStat(c.meanAbsOffsetAfter)}
                  <span className="muted"> points</span>
                </>
              ),
            },
            { term: "Interviewers off the bar", value: `${c.offBarBefore} → ${c.offBarAfter}` },
            {
              term: "Dimensions with higher exact agreement",
              value: `${c.exactRose} of ${c.exactComparable}`,
            },
            { term: "Dimensions with higher ordinal alpha", value: `${c.alphaRose} of ${c.alphaComparable}` },
          ].map((fact) => (
            <div key={fact.term}>
              <dt>{fact.term}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      </div>

      <div className="comparison__grid">
        <ChartFigure
          title={`Ordinal alpha, round 1 and round ${latestRound}`}
          sub={`Dashed line: the ${ALPHA_FLAG_THRESHOLD} bar.`}
          summary={summary}
        >
          <ChartFrame label={summary} testId="comparison-chart">
            <BarChart
              {...barChartProps}
              data={chartData}
              style={{ width: "100%", height: 70 + chartData.length * 56 }}
              margin={{ top: 16, right: 16, bottom: 4, left: 4 }}
            >
              <CartesianGrid {...gridProps} />
              <XAxis
                type="number"
                domain={axis.domain}
                ticks={axis.ticks}
                interval={0}
                tickFormatter={(v: number) => formatTick(v, false)}
                {...axisProps}
              />
              <YAxis
                type="category"
                dataKey="dimension"
                width={narrow ? 112 : 200}
                {...axisProps}
                tickFormatter={(v: string) => (v.length > 40 ? `${v.slice(0, 39)}…` : v)}
              />
              <ReferenceLine x={ALPHA_FLAG_THRESHOLD} stroke={CHART.ink} strokeDasharray="4 3" />
              <Tooltip
                cursor={{ fill: CHART.cursor }}
                formatter={(value) => (typeof value === "number" ? formatStat(value) : "undefined")}
              />
              <Legend wrapperStyle={{ fontSize: 13, fontFamily: CHART.font, color: CHART.ink }} />
              <Bar
                dataKey="before"
                name="Round 1"
                fill={CHART.tealSoft}
                barSize={14}
                isAnimationActive={false}
              />
              <Bar
                dataKey="after"
                name={latestLabel}
                fill={CHART.teal}
                barSize={14}
                isAnimationActive={false}
              />
            </BarChart>
          </ChartFrame>
        </ChartFigure>

        <div className="comparison__tables">
          <StatsTable
            label="Agreement by round"
            testId="comparison-dimensions"
            caption="Agreement per dimension"
            columns={[
              { label: "Dimension" },
              ...["α ordinal R1", `R${latestRound}`, "Change", "Exact R1", `R${latestRound}`, "Change"].map(
                (label) => ({ label, numeric: true }),
              ),
            ]}
          >
            {c.dimensions.map((d) => (
              <tr key={d.dimension}>
                <th scope="row">{d.dimension}</th>
                <BeforeAfter before={d.alphaBefore} after={d.alphaAfter} reason="alpha" />
                <BeforeAfter before={d.exactBefore} after={d.exactAfter} reason="pairs" />
              </tr>
            ))}
          </StatsTable>

          <StatsTable
            label="Offsets by round"
            testId="comparison-raters"
            caption="Each interviewer’s offset from the others"
            columns={[
              { label: "Interviewer" },
              { label: "Round 1", numeric: true },
              { label: `Round ${latestRound}`, numeric: true },
              { label: "Closer to the panel?" },
            ]}
          >
            {c.raters.map((r) => (
              <tr key={r.rater}>
                <th scope="row">{r.name}</th>
                <td className={tableClasses.number}>
                  <StatValue value={r.offsetBefore} reason="offset" signed />
                </td>
                <td className={tableClasses.number}>
                  <StatValue value={r.offsetAfter} reason="offset" signed />
                </td>
                <td>
                  {r.shrank === null ? (
                    <span className="muted">Not comparable</span>
                  ) : Math.abs(r.offsetBefore ?? 0) < 0.005 && Math.abs(r.offsetAfter ?? 0) < 0.005 ? (
                    <span className="shrank shrank--yes">On the bar in both</span>
                  ) : r.shrank ? (
                    <span className="shrank shrank--yes">Yes, offset shrank</span>
                  ) : (
                    <span className="shrank shrank--no">No</span>
                  )}
                </td>
              </tr>
            ))}
          </StatsTable>
        </div>
      </div>
    </section>
  );
}
