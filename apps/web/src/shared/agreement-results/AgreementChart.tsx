import { ALPHA_FLAG_THRESHOLD, type DimensionResultDto } from "@loopwright/schema";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFigure, ChartFrame, ChartTip } from "./ChartFigure";
import {
  type AlphaDatum,
  agreementSummary,
  alphaAxis,
  alphaData,
  alphaDomain,
  formatTick,
} from "./lib/chart-data";
import { formatStat } from "./lib/format-stats";
import { axisProps, barChartProps, CHART, gridProps } from "./palette";
import { useNarrow } from "./useNarrow";

const truncate = (text: string, max = 22) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Ordinal Krippendorff's alpha per rubric dimension against the 0.667 bar. */
export function AgreementChart({ dimensions }: { dimensions: readonly DimensionResultDto[] }) {
  const data = alphaData(dimensions);
  const summary = agreementSummary(data);
  const domain = alphaDomain(data);
  const narrow = useNarrow();
  return (
    <ChartFigure
      title="Agreement per dimension"
      sub={
        <>
          Ordinal alpha. The dashed line is {ALPHA_FLAG_THRESHOLD}, the lowest level to draw tentative
          conclusions from; 1 is perfect agreement.
        </>
      }
      summary={agreementSummary(data, { values: false })}
    >
      <ChartFrame label={summary} testId="agreement-chart">
        <BarChart
          {...barChartProps}
          data={data}
          style={{ width: "100%", height: 44 + data.length * 46 }}
          margin={{ top: 16, right: 56, bottom: 4, left: 4 }}
        >
          <CartesianGrid {...gridProps} />
          <XAxis
            type="number"
            domain={domain}
            ticks={alphaAxis(data.map((d) => d.alpha)).ticks}
            tickFormatter={(v: number) => formatTick(v, false)}
            {...axisProps}
            allowDataOverflow
          />
          <YAxis
            type="category"
            dataKey="dimension"
            width={narrow ? 112 : 230}
            {...axisProps}
            tickFormatter={(v: string) => truncate(v, narrow ? 30 : 40)}
          />
          <ReferenceLine
            x={ALPHA_FLAG_THRESHOLD}
            stroke={CHART.ink}
            strokeDasharray="4 3"
            label={{ value: String(ALPHA_FLAG_THRESHOLD), position: "top", fill: CHART.ink, fontSize: 12 }}
          />
          <Tooltip
            cursor={{ fill: CHART.cursor }}
            content={({ active, payload }) => {
              const d = payload?.[0]?.payload as AlphaDatum | undefined;
              if (!active || !d) return null;
              return (
                <ChartTip
                  title={d.dimension}
                  lines={[
                    `ordinal alpha ${formatStat(d.alpha)}`,
                    d.alpha === null
                      ? "undefined for this data"
                      : d.belowBar
                        ? "below the bar"
                        : "clears the bar",
                  ]}
                />
              );
            }}
          />
          <Bar
            dataKey="alpha"
            isAnimationActive={false}
            barSize={18}
            shape={(props) => {
              const d = props.payload as AlphaDatum;
              return <Rectangle {...props} fill={d.belowBar ? CHART.warm : CHART.teal} radius={2} />;
            }}
          >
            <LabelList
              dataKey="alpha"
              content={(props) => {
                // Always to the right of the bar's right end (the zero line for a negative alpha),
                // so the value never collides with the dimension names.
                const x = Number(props.x ?? 0);
                const width = Number(props.width ?? 0);
                const y = Number(props.y ?? 0);
                const height = Number(props.height ?? 0);
                return (
                  <text
                    x={Math.max(x, x + width) + 6}
                    y={y + height / 2}
                    dy="0.35em"
                    fontSize={12}
                    fill={CHART.ink}
                    fontFamily={CHART.font}
                  >
                    {typeof props.value === "number" ? formatStat(props.value) : "—"}
                  </text>
                );
              }}
            />
          </Bar>
        </BarChart>
      </ChartFrame>
    </ChartFigure>
  );
}
