// @vitest-environment node
import { COMPETENCIES } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import { markerPath, SERIES_STYLES } from "./chart-series";

describe("the progress chart's series", () => {
  const styles = COMPETENCIES.map((c) => SERIES_STYLES[c]);

  it("gives every competency its own colour, dash pattern and marker shape", () => {
    expect(new Set(styles.map((s) => s.colour)).size).toBe(COMPETENCIES.length);
    expect(new Set(styles.map((s) => s.dash ?? "solid")).size).toBe(COMPETENCIES.length);
    expect(new Set(styles.map((s) => s.marker)).size).toBe(COMPETENCIES.length);
  });

  it("draws each marker as a closed path around its centre", () => {
    for (const { marker } of styles) {
      const d = markerPath(marker, 50, 20, 4);
      expect(d).toMatch(/^M[\d.,-]+.*Z$/);
      const numbers = d.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      expect(numbers.every(Number.isFinite)).toBe(true);
    }
    expect(new Set(styles.map((s) => markerPath(s.marker, 0, 0, 4))).size).toBe(styles.length);
  });
});
