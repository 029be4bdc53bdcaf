import { type AttemptSummary, COMPETENCY_LABELS, type Competency } from "@loopwright/schema";
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
import { palette } from "../../../styles/palette";
import { ScrollRegion } from "../../../ui/ScrollRegion";
import { tableClasses } from "../../../ui/table";
import { progressData, trendSentences } from "../lib/chart-data";
import { type MarkerShape, markerPath, SERIES_STYLES, type SeriesStyle } from "../lib/chart-series";
import "./ProgressChart.css";

interface DotProps {
  cx?: number | null;
  cy?: number | null;
  index?: number;
}

/** A point of a line, in its competency's marker shape (recharts calls this per data point). */
function markerDot(shape: MarkerShape, colour: string, r: number, filled: boolean) {
  return ({ cx, cy, index }: DotProps) =>
    typeof cx === "number" && typeof cy === "number" ? (
      <path
        key={index}
        d={markerPath(shape, cx, cy, r)}
        fill={filled ? colour : palette.surface}
        stroke={colour}
        strokeWidth={2}
        strokeLinejoin="round"
      />
    ) : (
      <g key={index} />
    );
}

/** A legend key: the line's dash and its marker, as on the chart. */
function LegendKey({ style }: { style: SeriesStyle }) {
  return (
    <svg className="pr-chart__key" width="36" height="14" viewBox="0 0 36 14" aria-hidden="true">
      <line
        x1="1"
        y1="7"
        x2="35"
        y2="7"
        stroke={style.colour}
        strokeWidth={2.5}
        strokeDasharray={style.dash}
      />
      <path
        d={markerPath(style.marker, 18, 7, 4)}
        fill={palette.surface}
        stroke={style.colour}
        strokeWidth={2}
      />
    </svg>
  );
}

function ChartLegend({ competencies }: { competencies: readonly Competency[] }) {
  return (
    <ul className="pr-chart__legend" data-testid="chart-legend">
      {competencies.map((c) => (
        <li key={c} className="pr-chart__legend-item">
          <LegendKey style={SERIES_STYLES[c]} />
          <span className="pr-chart__legend-text">{COMPETENCY_LABELS[c]}</span>
        </li>
      ))}
    </ul>
  );
}

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
            wrapperStyle={{ paddingTop: 12 }}
            content={() => <ChartLegend competencies={data.competencies} />}
          />
          {data.competencies.map((competency) => {
            const style = SERIES_STYLES[competency];
            return (
              <Line
                key={competency}
                type="monotone"
                dataKey={competency}
                name={COMPETENCY_LABELS[competency]}
                stroke={style.colour}
                strokeWidth={2.5}
                strokeDasharray={style.dash}
                dot={markerDot(style.marker, style.colour, 4.5, false)}
                activeDot={markerDot(style.marker, style.colour, 6.5, true)}
                connectNulls
                isAnimationActive={false}
              />
            );
          })}
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
        <LegendKey style={SERIES_STYLES[row.competency]} />
        {COMPETENCY_LABELS[row.competency]}:{" "}
        <strong>{typeof score === "number" ? score.toFixed(1) : "–"}</strong> of 4
      </p>
    </div>
  );
}
