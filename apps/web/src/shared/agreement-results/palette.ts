import { chartFont, palette } from "../../styles/palette";

/** The results charts' colours, by what they mean; the values come from the design tokens. */
export const CHART = {
  ink: palette.ink,
  muted: palette.inkSubtle,
  rule: palette.rule,
  teal: palette.accent,
  tealSoft: palette.chartAccentSoft,
  warm: palette.dangerWarm,
  warmSoft: palette.chartDangerSoft,
  /** The band behind the bar under the pointer. */
  cursor: palette.chartCursor,
  font: chartFont,
} as const;

export const axisTick = { fill: CHART.muted, fontSize: 12, fontFamily: CHART.font } as const;

/** What every results chart shares: bars laid out horizontally, with the figure's own text alternative. */
export const barChartProps = { layout: "vertical", responsive: true, accessibilityLayer: false } as const;
/** Vertical grid lines only, at the value ticks. */
export const gridProps = { horizontal: false, stroke: CHART.rule } as const;
/** The look of both axes. */
export const axisProps = { tick: axisTick, stroke: CHART.rule } as const;
