import type { AnalysisWithFlags, Scale } from "@loopwright/schema";
import { palette } from "../../../styles/palette";

/**
 * Colour scale for the interviewer × answer heatmap: a diverging ramp from a
 * warm red-brown (low scores) through paper (the middle of the scale) to the
 * product's teal (high scores). Every cell's number is printed in whichever of
 * ink or white reads better, and the background is darkened where neither
 * would reach WCAG AA (4.5:1).
 */

type Rgb = readonly [number, number, number];

/** "#a4442f" (or "#fff") as channels. */
function rgbOf(hexColour: string): Rgb {
  const digits = hexColour.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  const byte = (at: number) => Number.parseInt(full.slice(at, at + 2), 16);
  return [byte(0), byte(2), byte(4)];
}

export const HEAT_LOW: Rgb = rgbOf(palette.dangerWarm);
export const HEAT_MID: Rgb = rgbOf(palette.heatMiddle);
export const HEAT_HIGH: Rgb = rgbOf(palette.accent);
const INK: Rgb = rgbOf(palette.ink);
const WHITE: Rgb = rgbOf(palette.onAccent);

export const AA_CONTRAST = 4.5;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}

const hex = (rgb: Rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;

export interface HeatColour {
  background: string;
  foreground: string;
  /** Contrast of the foreground on the background. */
  contrast: number;
}

/** Position of `value` on the scale, clamped to 0…1. */
export function scalePosition(value: number, scale: Scale): number {
  if (scale.max === scale.min) return 0.5;
  return Math.min(1, Math.max(0, (value - scale.min) / (scale.max - scale.min)));
}

export function heatColour(value: number, scale: Scale): HeatColour {
  const t = scalePosition(value, scale);
  let background = t < 0.5 ? mix(HEAT_LOW, HEAT_MID, t / 0.5) : mix(HEAT_MID, HEAT_HIGH, (t - 0.5) / 0.5);
  const pick = (bg: Rgb) => {
    const onInk = contrastRatio(bg, INK);
    const onWhite = contrastRatio(bg, WHITE);
    return onInk >= onWhite ? { fg: INK, contrast: onInk } : { fg: WHITE, contrast: onWhite };
  };
  let best = pick(background);
  // Mid-luminance colours can fail with both inks; darken until white text passes.
  for (let step = 0; best.contrast < AA_CONTRAST && step < 20; step++) {
    background = mix(background, [0, 0, 0], 0.06);
    best = pick(background);
  }
  return { background: hex(background), foreground: hex(best.fg), contrast: best.contrast };
}

/** Legend stops: every whole score on the scale (at most 11 of them). */
export function legendStops(scale: Scale): { value: number; colour: HeatColour }[] {
  const span = scale.max - scale.min;
  const step = Math.max(1, Math.ceil(span / 10));
  const stops: number[] = [];
  for (let v = scale.min; v <= scale.max; v += step) stops.push(v);
  if (stops[stops.length - 1] !== scale.max) stops.push(scale.max);
  return stops.map((value) => ({ value, colour: heatColour(value, scale) }));
}

export interface HeatmapGrid {
  raters: string[];
  subjects: string[];
  /** cells[r][s]: the mean score of rater r on subject s, or null if they did not score it. */
  cells: (number | null)[][];
}

/**
 * Shapes the server's rater × subject means into a grid, in the order the
 * analysis lists raters, and subjects in the order first met (or `subjectOrder`).
 */
export function heatmapGrid(
  heatmap: AnalysisWithFlags["heatmap"],
  raterOrder: readonly string[],
  subjectOrder: readonly string[] = [],
): HeatmapGrid {
  const raters = [...raterOrder];
  for (const cell of heatmap) if (!raters.includes(cell.rater)) raters.push(cell.rater);
  const present = new Set(heatmap.map((c) => c.subject));
  const subjects = subjectOrder.filter((s) => present.has(s));
  for (const cell of heatmap) if (!subjects.includes(cell.subject)) subjects.push(cell.subject);
  const index = new Map(heatmap.map((c) => [JSON.stringify([c.rater, c.subject]), c.mean]));
  const cells = raters.map((r) => subjects.map((s) => index.get(JSON.stringify([r, s])) ?? null));
  return { raters, subjects, cells };
}
