import { describe, expect, it } from "vitest";
import { AA_CONTRAST, contrastRatio, heatColour, heatmapGrid, legendStops, scalePosition } from "./heatmap";

const scale = { min: 1, max: 4 };

describe("heatColour", () => {
  it("runs from the warm end through paper to teal", () => {
    expect(heatColour(1, scale).background).toBe("#a4442f");
    expect(heatColour(2.5, scale).background).toBe("#f4efe6");
    expect(heatColour(4, scale).background).toBe("#1d5c57");
  });

  it("prints dark ink on light cells and white on dark ones", () => {
    expect(heatColour(2.5, scale).foreground).toBe("#1d1c1a");
    expect(heatColour(4, scale).foreground).toBe("#ffffff");
    expect(heatColour(1, scale).foreground).toBe("#ffffff");
  });

  it("keeps every cell's number at WCAG AA contrast across the whole scale", () => {
    for (let v = 1; v <= 4.0001; v += 0.01) {
      const colour = heatColour(v, scale);
      expect(colour.contrast).toBeGreaterThanOrEqual(AA_CONTRAST);
      const rgb = (hex: string) =>
        [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
      expect(contrastRatio(rgb(colour.background), rgb(colour.foreground))).toBeCloseTo(colour.contrast, 6);
    }
  });

  it("clamps values outside the scale", () => {
    expect(scalePosition(0, scale)).toBe(0);
    expect(scalePosition(9, scale)).toBe(1);
    expect(heatColour(9, scale).background).toBe(heatColour(4, scale).background);
  });
});

describe("legendStops", () => {
  it("has one stop per whole score on a short scale", () => {
    expect(legendStops(scale).map((s) => s.value)).toEqual([1, 2, 3, 4]);
  });

  it("thins out a long scale but keeps both ends", () => {
    const stops = legendStops({ min: 0, max: 20 }).map((s) => s.value);
    expect(stops[0]).toBe(0);
    expect(stops.at(-1)).toBe(20);
    expect(stops.length).toBeLessThanOrEqual(11);
  });
});

describe("heatmapGrid", () => {
  it("lays out raters × subjects, with null where a rater skipped an answer", () => {
    const grid = heatmapGrid(
      [
        { rater: "r1", subject: "a2", mean: 3 },
        { rater: "r1", subject: "a1", mean: 2.5 },
        { rater: "r2", subject: "a1", mean: 1 },
      ],
      ["r2", "r1"],
      ["a1", "a2", "a3"],
    );
    expect(grid.raters).toEqual(["r2", "r1"]);
    expect(grid.subjects).toEqual(["a1", "a2"]);
    expect(grid.cells).toEqual([
      [1, null],
      [2.5, 3],
    ]);
  });
});
