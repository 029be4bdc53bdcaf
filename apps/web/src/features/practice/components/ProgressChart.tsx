import { type AttemptSummary, COMPETENCIES, COMPETENCY_LABELS, type Competency } from "@loopwright/schema";
import { useId, useMemo } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { formatDateTime, timeAxisFormatter } from "../../../lib/datetime";
import { palette, seriesColours } from "../../../styles/palette";
import { ScrollRegion } from "../../../ui/ScrollRegion";
import { tableClasses } from "../../../ui/table";
import { progressData, trendSentences } from "../lib/chart-data";
import "./ProgressChart.css";

/** One line colour per competency, in the bank's order; each at least 3:1 against the chart's background. */
const LINE_COLOURS = Object.fromEntries(
  COMPETENCIES.map((c, i) => [c, seriesColours[i % seriesColours.length]]),
) as Record<Competency, string>;

interface FlatRow {
  t: number;
  title: string;
  competency: Competency;
  [competency: string]: number | string;
}

/** Mean self-score per attempt over time, one line per competency (recharts). Loaded on demand. */
export default function ProgressChart({ attempts }: { attempts: AttemptSummary[] }) {
  const data = useMemo(() => progressData(attempts), [attempts]);
  const rows = useMemo(
    () =>
      data.rows.map(
        (r): FlatRow => ({ t: r.t, title: r.title, competency: r.competency, ...r.scores }) as FlatRow,
      ),
    [data],
  );
  const formatTick = timeAxisFormatter(data.domain);
  const summaryId = useId();

  if (data.rows.length === 0) {
    return (
      <p className="pr-chart-empty">
        Your chart starts with your first self-scored attempt: submit an answer, score it against the rubric,
        and its mean score appears here, one line per competency.
      </p>
    );
  }

  return (
    <figure className="pr-chart" aria-describedby={summaryId} data-testid="progress-chart">
      <div className="pr-chart__canvas">
        <LineChart
          responsive
          data={rows}
          style={{ width: "100%", height: "100%" }}
          margin={{ top: 12, right: 16, bottom: 4, left: 0 }}
          title="Mean self-score per attempt, by competency"
        >
          <CartesianGrid stroke={palette.rule} vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={data.domain}
            ticks={data.ticks}
            tickFormatter={formatTick}
            interval="preserveStartEnd"
            minTickGap={16}
            tick={{ fill: palette.inkMuted, fontSize: 12 }}
            stroke={palette.ruleStrong}
            tickMargin={8}
          />
          <YAxis
            domain={[1, 4]}
            ticks={[1, 2, 3, 4]}
            allowDecimals={false}
            width={32}
            tick={{ fill: palette.inkMuted, fontSize: 12 }}
            stroke={palette.ruleStrong}
            label={{
              value: "Mean self-score",
              angle: -90,
              position: "insideLeft",
              fill: palette.inkMuted,
              fontSize: 12,
              dy: 50,
              dx: 4,
            }}
          />
          <Tooltip content={ChartTooltip} cursor={{ stroke: palette.ruleStrong }} />
          <Legend
            verticalAlign="bottom"
            iconType="plainline"
            wrapperStyle={{ paddingTop: 12, fontSize: 13 }}
            formatter={(value) => <span className="pr-chart__legend-text">{value}</span>}
          />
          {data.competencies.map((competency) => (
            <Line
              key={competency}
              type="monotone"
              dataKey={competency}
              name={COMPETENCY_LABELS[competency]}
              stroke={LINE_COLOURS[competency]}
              strokeWidth={2.5}
              dot={{ r: 4, strokeWidth: 2, fill: palette.surface }}
              activeDot={{ r: 6 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      <figcaption id={summaryId} className="pr-chart__summary">
        <span className="pr-chart__summary-title">In words:</span> {trendSentences(data.trends).join(" ")}
      </figcaption>
      <details className="pr-chart__data">
        <summary>Show the chart’s data as a table</summary>
        <ScrollRegion className={tableClasses.scroll} label="Mean self-score per scored attempt">
          <table className={tableClasses.table}>
            <caption className="visually-hidden">Mean self-score per scored attempt</caption>
            <thead>
              <tr>
                <th scope="col">Scored</th>
                <th scope="col">Competency</th>
                <th scope="col">Question</th>
                <th scope="col" className={tableClasses.number}>
                  Mean self-score
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.attemptId}>
                  <td>{formatDateTime(new Date(row.t).toISOString())}</td>
                  <td>{COMPETENCY_LABELS[row.competency]}</td>
                  <td>{row.title}</td>
                  <td className={tableClasses.number}>{(row.scores[row.competency] ?? 0).toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </figure>
  );
}

function ChartTooltip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const entry = payload?.[0];
  if (!active || !entry) return null;
  const row = entry.payload as FlatRow;
  const score = row[row.competency];
  return (
    <div className="pr-chart-tooltip">
      <p className="hint">{formatDateTime(new Date(row.t).toISOString())}</p>
      <p className="pr-chart-tooltip__title">{row.title}</p>
      <p className="pr-chart-tooltip__score">
        <span className="pr-chart-tooltip__swatch" style={{ background: LINE_COLOURS[row.competency] }} />
        {COMPETENCY_LABELS[row.competency]}:{" "}
        <strong>{typeof score === "number" ? score.toFixed(1) : "–"}</strong> of 4
      </p>
    </div>
  );
}
