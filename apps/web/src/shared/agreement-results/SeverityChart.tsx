import type { RaterResultDto } from "@loopwright/schema";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Rectangle,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFigure, ChartFrame, ChartTip } from "./ChartFigure";
import {
  formatTick,
  type NameOf,
  type SeverityDatum,
  severityAxis,
  severityData,
  severitySummary,
} from "./lib/chart-data";
import { formatSigned, formatStat } from "./lib/format-stats";
import { axisProps, barChartProps, CHART, gridProps } from "./palette";
import { useNarrow } from "./useNarrow";
import "./SeverityChart.css";

const truncate = (text: string, max = 16) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Each interviewer's Rasch severity in logits as a bar from 0, with ±1 standard error whiskers. */
export function SeverityChart({ raters, nameOf }: { raters: readonly RaterResultDto[]; nameOf: NameOf }) {
  const data = severityData(raters, nameOf);
  const summary = severitySummary(data);
  const axis = severityAxis(data);
  const narrow = useNarrow();
  return (
    <ChartFigure
      title="Interviewer severity"
      sub="Logits, with ±1 standard error. Right of zero is harsher, left is more lenient."
      summary={data.length > 0 ? summary : null}
    >
      {data.length === 0 ? (
        <p className="severity-chart__empty">
          No severity can be estimated for this data: the interviewers’ scores do not differ in a way the
          model can measure (for example, everyone gave the same scores). The offsets in the table still
          apply.
        </p>
      ) : (
        <ChartFrame label={summary} testId="severity-chart">
          <div
            className="severity-chart__axis-hint"
            aria-hidden="true"
            style={{ paddingLeft: (narrow ? 88 : 140) + 4 }}
          >
            <span>← more lenient</span>
            <span>harsher →</span>
          </div>
          <BarChart
            {...barChartProps}
            data={data}
            style={{ width: "100%", height: 40 + data.length * 46 }}
            margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
          >
            <CartesianGrid {...gridProps} />
            <XAxis
              type="number"
              domain={axis.domain}
              ticks={axis.ticks}
              interval={0}
              tickFormatter={(v: number) => formatTick(v)}
              {...axisProps}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={narrow ? 88 : 140}
              {...axisProps}
              tickFormatter={(v: string) => truncate(v, narrow ? 12 : 20)}
            />
            <ReferenceLine x={0} stroke={CHART.ink} strokeWidth={1} />
            <Tooltip
              cursor={{ fill: CHART.cursor }}
              content={({ active, payload }) => {
                const d = payload?.[0]?.payload as SeverityDatum | undefined;
                if (!active || !d) return null;
                return (
                  <ChartTip
                    title={d.name}
                    lines={[
                      `${formatSigned(d.severity)} logits ± ${formatStat(d.se)}`,
                      d.direction === "on the bar" ? "within one SE of the panel" : d.direction,
                    ]}
                  />
                );
              }}
            />
            <Bar
              dataKey="severity"
              isAnimationActive={false}
              barSize={18}
              shape={(props) => {
                const d = props.payload as SeverityDatum;
                return <Rectangle {...props} fill={d.severity > 0 ? CHART.warm : CHART.teal} radius={2} />;
              }}
            >
              <ErrorBar
                dataKey="se"
                width={6}
                stroke={CHART.ink}
                strokeWidth={1.5}
                direction="x"
                isAnimationActive={false}
              />
            </Bar>
          </BarChart>
        </ChartFrame>
      )}
    </ChartFigure>
  );
}
