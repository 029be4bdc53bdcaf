import type { AnalysisWithFlags, ExerciseResults } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import {
  analysisAsResults,
  exportFileName,
  RESULTS_CSV_COLUMNS,
  ratingsToCsv,
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

/** Columns that hold statistics; every other column holds text. */
const TEXT_COLUMNS: readonly string[] = ["section", "dimension", "interviewer", "answer", "flag", "message"];
const NUMERIC_COLUMNS = new Set<string>(RESULTS_CSV_COLUMNS.filter((c) => !TEXT_COLUMNS.includes(c)));

const results: ExerciseResults = {
  rounds: [
    { round: 1, analysis },
    { round: 2, analysis },
  ],
  raterNames: { m1: "Ana", m2: "Ben" },
  subjectLabels: { a1: "Answer A" },
  comments: [{ round: 1, rater: "m2", itemId: "a1", dimension: "structure", comment: "Clear, but thin." }],
};

/**
 * A reader written apart from the export, for the assertions: quoted fields
 * with commas, doubled quotes and line breaks; any unquoted line ending ends
 * a row, as in a spreadsheet.
 */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe("resultsToCsv", () => {
  const csv = resultsToCsv(results);
  const [header = [], ...rows] = readCsv(csv);
  const get = (row: string[], column: string) => row[header.indexOf(column)];

  it("ends every line with CRLF", () => {
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

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

  it("writes each comment with its round, interviewer, answer and dimension, the text in the message column", () => {
    const comments = rows.filter((r) => get(r, "section") === "comment");
    expect(comments).toHaveLength(1);
    const [comment = []] = comments;
    expect(["round", "interviewer", "answer", "dimension", "message"].map((c) => get(comment, c))).toEqual([
      "1",
      "Ben",
      "Answer A",
      "structure",
      "Clear, but thin.",
    ]);
  });

  it("names a comment's dimension through the page's rubric when it can", () => {
    const named = readCsv(
      resultsToCsv(results, { dimensionName: (itemId, id) => `${id} of ${itemId}, named` }),
    );
    const comment = named.find((r) => get(r, "section") === "comment") ?? [];
    expect(get(comment, "dimension")).toBe("structure of a1, named");
  });

  it("falls back to the raw ids of a one-off analysis", () => {
    const own = resultsToCsv(analysisAsResults(analysis));
    expect(own).toContain(",m1,");
  });
});

describe("resultsToCsv with names that a spreadsheet would run", () => {
  const formulas = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd"];
  const [hyperlink = "", plus = "", minus = "", at = "", tab = "", cr = ""] = formulas;
  const hostile: ExerciseResults = {
    rounds: [
      {
        round: 1,
        analysis: {
          ...analysis,
          dimensions: analysis.dimensions.map((d) => ({ ...d, dimension: at })),
          flags: [{ ...(analysis.flags[0] as AnalysisWithFlags["flags"][number]), message: plus }],
        },
      },
    ],
    raterNames: { m1: hyperlink, m2: minus },
    subjectLabels: { a1: tab },
    comments: [
      { round: 1, rater: "m1", itemId: "a1", dimension: "structure", comment: cr },
      { round: 1, rater: "m2", itemId: "a1", dimension: "depth", comment: '=IMPORTXML("http://x", "//a")' },
    ],
  };
  const [header = [], ...rows] = readCsv(resultsToCsv(hostile));
  const textCells = rows.flatMap((row) =>
    row.filter((_, i) => !NUMERIC_COLUMNS.has(header[i] ?? "") && row[i] !== ""),
  );

  it("lets no cell start a formula unless it is a number", () => {
    for (const row of rows) {
      row.forEach((cell, i) => {
        if (/^[=+\-@\t\r]/.test(cell)) {
          expect(NUMERIC_COLUMNS.has(header[i] ?? ""), `${header[i]}: ${JSON.stringify(cell)}`).toBe(true);
          expect(cell).toMatch(/^-\d+(\.\d+)?$/);
        }
      });
    }
  });

  it("writes every formula-like name, label, message and comment with a leading apostrophe", () => {
    for (const text of [...formulas, '=IMPORTXML("http://x", "//a")']) {
      expect(textCells).toContain(`'${text}`);
    }
  });
});

describe("ratingsToCsv", () => {
  const results = (ratings?: { rater: string; subject: string; dimension: string; score: number }[]) =>
    ({
      rounds: [
        { round: 1, analysis, ratings: [{ rater: "m1", subject: "a1", dimension: "Old", score: 1 }] },
        { round: 2, analysis, ...(ratings ? { ratings } : {}) },
      ],
      raterNames: { m1: "Ana", m2: "=Ben" },
      subjectLabels: { a1: "Answer A" },
      comments: [],
    }) as ExerciseResults;

  it("writes the latest round in the analysis page's own columns, by name and label", () => {
    const csv = ratingsToCsv(
      results([
        { rater: "m1", subject: "a1", dimension: "Structure, with care", score: 3 },
        { rater: "m2", subject: "a1", dimension: "Structure, with care", score: 4 },
      ]),
    );
    expect(csv?.split("\r\n")).toEqual([
      "rater,subject,dimension,score",
      'Ana,Answer A,"Structure, with care",3',
      // A name a spreadsheet would run is neutralised, as in every export.
      '\'=Ben,Answer A,"Structure, with care",4',
      "",
    ]);
  });

  it("has nothing to offer when the results carry no ratings", () => {
    expect(ratingsToCsv(results())).toBeNull();
  });
});

describe("exportFileName", () => {
  it("makes a tidy slug", () => {
    expect(exportFileName("Org design: the bar!", "csv")).toBe("org-design-the-bar-results.csv");
    expect(exportFileName("Org design: the bar!", "csv", "ratings")).toBe("org-design-the-bar-ratings.csv");
    expect(exportFileName("???", "json")).toBe("calibration-results.json");
  });
});
