import { COMPETENCIES, type Competency } from "@loopwright/schema";
import { seriesColours } from "../../../styles/palette";

/**
 * How each competency's line is drawn on the progress chart. Colour alone
 * does not tell two lines apart for everyone (nor in a greyscale print), so
 * every competency also has its own dash pattern and marker shape, and the
 * legend draws the same three.
 */

export type MarkerShape =
  | "circle"
  | "square"
  | "triangle"
  | "diamond"
  | "triangle-down"
  | "cross"
  | "pentagon"
  | "bar";

export interface SeriesStyle {
  colour: string;
  /** An SVG stroke-dasharray; undefined is a solid line. */
  dash: string | undefined;
  marker: MarkerShape;
}

const DASHES = [undefined, "9 4", "2 4", "12 4 2 4", "5 5", "14 3", "2 3 2 8", "7 3 7 3 1 3"] as const;
const MARKERS: readonly MarkerShape[] = [
  "circle",
  "square",
  "triangle",
  "diamond",
  "triangle-down",
  "cross",
  "pentagon",
  "bar",
];

export const SERIES_STYLES = Object.fromEntries(
  COMPETENCIES.map((c, i) => [
    c,
    {
      colour: seriesColours[i % seriesColours.length] as string,
      dash: DASHES[i % DASHES.length],
      marker: MARKERS[i % MARKERS.length] as MarkerShape,
    },
  ]),
) as Record<Competency, SeriesStyle>;

const round = (n: number) => Math.round(n * 100) / 100;

function polygon(cx: number, cy: number, r: number, corners: number, rotation: number): string {
  const points = Array.from({ length: corners }, (_, i) => {
    const angle = rotation + (i * 2 * Math.PI) / corners;
    return `${round(cx + r * Math.cos(angle))},${round(cy + r * Math.sin(angle))}`;
  });
  return `M${points.join("L")}Z`;
}

/** The marker's outline as an SVG path centred on (cx, cy), about 2r across. */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  switch (shape) {
    case "circle":
      return `M${round(cx - r)},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case "square": {
      const s = r * 0.9;
      return `M${round(cx - s)},${round(cy - s)}H${round(cx + s)}V${round(cy + s)}H${round(cx - s)}Z`;
    }
    case "triangle":
      return polygon(cx, cy + r * 0.15, r * 1.15, 3, -Math.PI / 2);
    case "triangle-down":
      return polygon(cx, cy - r * 0.15, r * 1.15, 3, Math.PI / 2);
    case "diamond":
      return polygon(cx, cy, r * 1.2, 4, -Math.PI / 2);
    case "pentagon":
      return polygon(cx, cy, r * 1.1, 5, -Math.PI / 2);
    case "cross": {
      const a = r * 1.05;
      const b = r * 0.4;
      return `M${round(cx - b)},${round(cy - a)}H${round(cx + b)}V${round(cy - b)}H${round(cx + a)}V${round(cy + b)}H${round(cx + b)}V${round(cy + a)}H${round(cx - b)}V${round(cy + b)}H${round(cx - a)}V${round(cy - b)}H${round(cx - b)}Z`;
    }
    case "bar": {
      const w = r * 0.5;
      return `M${round(cx - w)},${round(cy - r * 1.1)}H${round(cx + w)}V${round(cy + r * 1.1)}H${round(cx - w)}Z`;
    }
  }
}
