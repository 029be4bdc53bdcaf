/** Chart colours as literal values: SVG presentation attributes do not resolve CSS custom properties everywhere. */
export const CHART = {
  ink: "#1d1c1a",
  muted: "#67625a",
  rule: "#e3ded4",
  teal: "#1d5c57",
  tealSoft: "#8fb5b0",
  warm: "#a4442f",
  warmSoft: "#d9a292",
  font: '"Inter Variable", Inter, system-ui, sans-serif',
} as const;

export const axisTick = { fill: CHART.muted, fontSize: 12, fontFamily: CHART.font } as const;
