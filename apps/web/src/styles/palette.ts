/**
 * Design tokens as values, for the places that cannot read a CSS custom property: SVG
 * presentation attributes in the charts and the heatmap's computed colour scale.
 * styles/tokens.css stays the source: each key here spells a token (`inkMuted` is
 * `--color-ink-muted`), and apps/web/test/palette.test.ts fails when a value drifts from it.
 */
export const palette = {
  ink: "#1d1c1a",
  inkMuted: "#4f4b44",
  inkSubtle: "#67625a",
  rule: "#e3ded4",
  ruleStrong: "#cdc6b8",
  surface: "#fffefb",
  accent: "#1d5c57",
  onAccent: "#fff",
  dangerWarm: "#a4442f",
  chartAccentSoft: "#8fb5b0",
  chartDangerSoft: "#d9a292",
  chartCursor: "rgb(29 92 87 / 0.06)",
  heatMiddle: "#f4efe6",
  series1: "#1d5c57",
  series2: "#b0501c",
  series3: "#5b4a9e",
  series4: "#2c6aa0",
  series5: "#8a6a00",
  series6: "#a23b5f",
  series7: "#467326",
  series8: "#5f5a52",
} as const;

export type PaletteColour = keyof typeof palette;

/** The custom property a palette entry mirrors. */
export function tokenName(key: PaletteColour): string {
  return `--color-${key.replace(/([a-z])([A-Z0-9])/g, "$1-$2").toLowerCase()}`;
}

/** The lines of a chart that draws one series per category, in a fixed order. */
export const seriesColours = [
  palette.series1,
  palette.series2,
  palette.series3,
  palette.series4,
  palette.series5,
  palette.series6,
  palette.series7,
  palette.series8,
] as const;

/** The charts' text face (recharts sets it as an SVG attribute). */
export const chartFont = '"Inter Variable", Inter, system-ui, sans-serif';
