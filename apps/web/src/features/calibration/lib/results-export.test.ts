import type { AnalysisWithFlags, ExerciseResults } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import {
  analysisAsResults,
  csvCell,
  exportFileName,
  RESULTS_CSV_COLUMNS,
  resultsToCsv,
} from "./results-export";

const analysis: AnalysisWithFlags = {
  dimensions: [
    {
      dimension: "Structure, with care",
      raters: 2,
      subjects: 2,
      ratings: 4,
      alpha: { nominal: 0.5, ordinal: 0.66666666, interval: null },
      icc: null,
      fleissKappa: 0.25,
      exactAgreement: 0.5,
      adjacentAgreement: 1,
    },
  ],
  raters: [
    { rater: "m1", ratings: 2, meanOffset: -1, severity: 1.2345678, severitySE: 0.4, infit: 1, outfit: 0.9 },
    { rater: "m2", ratings: 2, meanOffset: 1, severity: null, severitySE: null, infit: null, outfit: null },
  ],
  flags: [
    {
      kind: "rater-offset",
      rater: "m1",
      offset: -1,
      direction: "harsher",
      message: 'Ana scores 1.00 points below the rest of the panel on average ("harsher").',
    },
  ],
  heatmap: [{ rater: "m1", subject: "a1", mean: 2.5 }],
  distributions: [],
  referenceOffsets: [],
};

const results: ExerciseResults = {
  rounds: [
    { round: 1, analysis },
    { round: 2, analysis },
  ],
  raterNames: { m1: "Ana", m2: "Ben" },
  subjectLabels: { a1: "Answer A" },
  comments: [],
};

const parseLine = (line: string) => {
  // Minimal CSV reader for the assertions: handles quoted fields with commas and doubled quotes.
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
};

describe("resultsToCsv", () => {
  const csv = resultsToCsv(results);
  const lines = csv.trimEnd().split("\r\n");
  const header = parseLine(lines[0] ?? "");
  const rows = lines.slice(1).map(parseLine);
  const get = (row: string[], column: string) => row[header.indexOf(column)];

  it("starts with one header row and gives every line the same number of fields", () => {
    expect(header).toEqual([...RESULTS_CSV_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(header.length);
  });

  it("writes each round's dimensions, interviewers, answer means and flags, with names for ids", () => {
    expect(rows.filter((r) => get(r, "section") === "dimension").map((r) => get(r, "round"))).toEqual([
      "1",
      "2",
    ]);
    const dim = rows.find((r) => get(r, "section") === "dimension") ?? [];
    expect(get(dim, "dimension")).toBe("Structure, with care");
    expect(get(dim, "alpha_ordinal")).toBe("0.6667");
    expect(get(dim, "alpha_interval")).toBe("");
    expect(get(dim, "icc2")).toBe("");
    const ana =
      rows.find((r) => get(r, "section") === "interviewer" && get(r, "interviewer") === "Ana") ?? [];
    expect(get(ana, "severity_logits")).toBe("1.2346");
    expect(get(ana, "mean_offset")).toBe("-1");
    const ben = rows.find((r) => get(r, "interviewer") === "Ben") ?? [];
    expect(get(ben, "severity_logits")).toBe("");
    const cell = rows.find((r) => get(r, "section") === "answer_mean") ?? [];
    expect([get(cell, "interviewer"), get(cell, "answer"), get(cell, "mean_score")]).toEqual([
      "Ana",
      "Answer A",
      "2.5",
    ]);
    const flag = rows.find((r) => get(r, "section") === "flag") ?? [];
    expect(get(flag, "flag")).toBe("rater-offset");
    expect(get(flag, "message")).toContain('("harsher")');
  });

  it("falls back to the raw ids of a one-off analysis", () => {
    const own = resultsToCsv(analysisAsResults(analysis));
    expect(own).toContain(",m1,");
  });
});

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks, and defuses spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(-0.123456)).toBe("-0.1235");
  });
});

describe("exportFileName", () => {
  it("makes a tidy slug", () => {
    expect(exportFileName("Org design: the bar!", "csv")).toBe("org-design-the-bar-results.csv");
    expect(exportFileName("???", "json")).toBe("calibration-results.json");
  });
});
