import { ALPHA_FLAG_THRESHOLD, type AnalysisWithFlags } from "@loopwright/schema";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ScrollRegion } from "../../ui/ScrollRegion";
import { StatValue } from "../../ui/StatValue";
import { tableClasses } from "../../ui/table";
import { alphaAxis, compareRounds, formatTick, type NameOf } from "./lib/chart-data";
import { formatSigned, formatStat } from "./lib/format-stats";
import { axisTick, CHART } from "./palette";
import { useNarrow } from "./useNarrow";

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
  if (before === null || after === null) return <span className="ar-muted">—</span>;
  const d = after - before;
  const cls = Math.abs(d) < 0.005 ? "delta" : d > 0 ? "delta delta--up" : "delta delta--down";
  return <span className={cls}>{formatSigned(d)}</span>;
}

/** Round 1 against the latest round: did agreement rise and did the interviewers’ offsets shrink? */
export function RoundComparison({
  first,
  latest,
  latestRound,
  nameOf,
}: {
  first: AnalysisWithFlags;
  latest: AnalysisWithFlags;
  latestRound: number;
  nameOf: NameOf;
}) {
  const c = compareRounds(first, latest, nameOf);
  const narrow = useNarrow();
  const captionId = useId();
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
      <h2 id="comparison-title" className="section__title">
        Did the bar converge?
      </h2>
      <p className="section__lede">
        Round 1 against round {latestRound}, on the same answers after discussion.
      </p>

      <div className={`verdict verdict--${c.verdict}`} data-testid="verdict">
        <p className="verdict__title">{verdict.title}</p>
        <p>{verdict.body}</p>
        <dl className="verdict__facts">
          <div>
            <dt>Mean distance from the panel</dt>
            <dd>
              {formatStat(c.meanAbsOffsetBefore)} → {formatStat(c.meanAbsOffsetAfter)}
              <span className="ar-muted"> points</span>
            </dd>
          </div>
          <div>
            <dt>Interviewers off the bar</dt>
            <dd>
              {c.offBarBefore} → {c.offBarAfter}
            </dd>
          </div>
          <div>
            <dt>Dimensions with higher exact agreement</dt>
            <dd>
              {c.exactRose} of {c.exactComparable}
            </dd>
          </div>
          <div>
            <dt>Dimensions with higher ordinal alpha</dt>
            <dd>
              {c.alphaRose} of {c.alphaComparable}
            </dd>
          </div>
        </dl>
      </div>

      <div className="comparison__grid">
        <figure className="chart" aria-labelledby={captionId}>
          <figcaption id={captionId} className="chart__caption">
            <span className="chart__title">Ordinal alpha, round 1 and round {latestRound}</span>
            <span className="chart__sub">Dashed line: the {ALPHA_FLAG_THRESHOLD} bar.</span>
          </figcaption>
          <div className="chart__frame" role="img" aria-label={summary} data-testid="comparison-chart">
            <BarChart
              layout="vertical"
              data={chartData}
              responsive
              style={{ width: "100%", height: 70 + chartData.length * 56 }}
              margin={{ top: 16, right: 16, bottom: 4, left: 4 }}
              accessibilityLayer={false}
            >
              <CartesianGrid horizontal={false} stroke={CHART.rule} />
              <XAxis
                type="number"
                domain={axis.domain}
                ticks={axis.ticks}
                interval={0}
                tickFormatter={(v: number) => formatTick(v, false)}
                tick={axisTick}
                stroke={CHART.rule}
              />
              <YAxis
                type="category"
                dataKey="dimension"
                width={narrow ? 112 : 200}
                tick={axisTick}
                tickFormatter={(v: string) => (v.length > 40 ? `${v.slice(0, 39)}…` : v)}
                stroke={CHART.rule}
              />
              <ReferenceLine x={ALPHA_FLAG_THRESHOLD} stroke={CHART.ink} strokeDasharray="4 3" />
              <Tooltip
                cursor={{ fill: "rgba(29, 92, 87, 0.06)" }}
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
          </div>
          <p className="chart__summary">{summary}</p>
        </figure>

        <div className="comparison__tables">
          <ScrollRegion className={tableClasses.scroll} label="Agreement by round">
            <table className={tableClasses.stats} data-testid="comparison-dimensions">
              <caption className={tableClasses.caption}>Agreement per dimension</caption>
              <thead>
                <tr>
                  <th scope="col">Dimension</th>
                  <th scope="col" className={tableClasses.number}>
                    α ordinal R1
                  </th>
                  <th scope="col" className={tableClasses.number}>
                    R{latestRound}
                  </th>
                  <th scope="col" className={tableClasses.number}>
                    Change
                  </th>
                  <th scope="col" className={tableClasses.number}>
                    Exact R1
                  </th>
                  <th scope="col" className={tableClasses.number}>
                    R{latestRound}
                  </th>
                  <th scope="col" className={tableClasses.number}>
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.dimensions.map((d) => (
                  <tr key={d.dimension}>
                    <th scope="row">{d.dimension}</th>
                    <td className={tableClasses.number}>
                      <StatValue value={d.alphaBefore} reason="alpha" />
                    </td>
                    <td className={tableClasses.number}>
                      <StatValue value={d.alphaAfter} reason="alpha" />
                    </td>
                    <td className={tableClasses.number}>
                      <Delta before={d.alphaBefore} after={d.alphaAfter} />
                    </td>
                    <td className={tableClasses.number}>
                      <StatValue value={d.exactBefore} reason="pairs" />
                    </td>
                    <td className={tableClasses.number}>
                      <StatValue value={d.exactAfter} reason="pairs" />
                    </td>
                    <td className={tableClasses.number}>
                      <Delta before={d.exactBefore} after={d.exactAfter} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>

          <ScrollRegion className={tableClasses.scroll} label="Offsets by round">
            <table className={tableClasses.stats} data-testid="comparison-raters">
              <caption className={tableClasses.caption}>Each interviewer’s offset from the others</caption>
              <thead>
                <tr>
                  <th scope="col">Interviewer</th>
                  <th scope="col" className={tableClasses.number}>
                    Round 1
                  </th>
                  <th scope="col" className={tableClasses.number}>
                    Round {latestRound}
                  </th>
                  <th scope="col">Closer to the panel?</th>
                </tr>
              </thead>
              <tbody>
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
                        <span className="ar-muted">Not comparable</span>
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
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      </div>
    </section>
  );
}
