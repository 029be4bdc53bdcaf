import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./helpers.js";

/**
 * Both server CSV exports, fed rater and dimension names that a spreadsheet
 * would run as formulas, read back with an independent parser: every text
 * cell that could start a formula must come back with a leading apostrophe.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});

const RATERS = [
  '=HYPERLINK("http://x","y")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A9)",
  "=cmd|' /C calc'!A0",
  "Ana, plain",
];
/**
 * Leading whitespace never reaches an export: the ratings schema trims every
 * name, so these arrive as "cmd tab" and "cmd return". They are here to show
 * that nothing downstream puts a tab or carriage return back at a cell's start.
 */
const TRIMMED_RATERS = ["\tcmd tab", "\rcmd return"];
const DIMENSIONS = ["@SUM(A1:A9)", "-Trade-offs", '+"Depth", really', "Structure"];
const SUBJECTS = ["=s1", "s2", "s3", "s4"];

/** Scores that leave every statistic defined and give some raters a negative mean offset. */
const ratings = [...RATERS, ...TRIMMED_RATERS].flatMap((rater, r) =>
  SUBJECTS.flatMap((subject, s) =>
    DIMENSIONS.map((dimension, d) => ({
      rater,
      subject,
      dimension,
      score: Math.min(4, Math.max(1, 1 + ((s + d) % 4) - (r % 3 === 0 ? 1 : 0))),
    })),
  ),
);

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
/** Every field quoted, so the upload keeps commas and quotes in names; the server trims outside quotes only. */
const uploadCsv = [
  "rater,subject,dimension,score",
  ...ratings.map((r) => [r.rater, r.subject, r.dimension, String(r.score)].map(quoted).join(",")),
].join("\n");

/** Any of CRLF, LF or CR ends a row, as in a spreadsheet, so a stray line break cannot hide. */
const readCsv = (text: string): string[][] =>
  parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: ["\r\n", "\n", "\r"],
  });

/** The only cells allowed to start with - are plain numbers such as -0.25; + never starts one. */
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

const exports = {
  "/api/calibration/analyze?format=csv (JSON body)": () =>
    fetch(`${server.url}/api/calibration/analyze?format=csv`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scale: { min: 1, max: 4 }, ratings }),
    }),
  "/api/calibration/analyze/csv?format=csv (CSV upload)": () =>
    fetch(`${server.url}/api/calibration/analyze/csv?min=1&max=4&format=csv`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: uploadCsv,
    }),
};

describe.each(Object.entries(exports))("the CSV export of %s", (_, request) => {
  let rows: string[][];
  beforeAll(async () => {
    const res = await request();
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    rows = readCsv(text);
  });

  const section = (name: string) => rows.filter((row) => row[0] === name);

  it("lets no cell start a formula unless it is a number", () => {
    const risky = rows.flat().filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell));
    expect(risky).toEqual([]);
  });

  it("writes every formula-like rater name with a leading apostrophe and keeps plain names as they are", () => {
    const names = section("rater").map((row) => row[1]);
    expect(names.sort()).toEqual(
      [...RATERS.map((n) => (FORMULA_START.test(n) ? `'${n}` : n)), "cmd tab", "cmd return"].sort(),
    );
    expect(names).toContain(`'=HYPERLINK("http://x","y")`);
  });

  it("writes every formula-like dimension name with a leading apostrophe", () => {
    expect(
      section("dimension")
        .map((row) => row[1])
        .sort(),
    ).toEqual(["'@SUM(A1:A9)", "'-Trade-offs", `'+"Depth", really`, "Structure"].sort());
  });

  it("keeps negative statistics as bare numbers", () => {
    const offsets = section("rater").map((row) => row[3] ?? "");
    expect(offsets.some((cell) => cell.startsWith("-"))).toBe(true);
    for (const cell of offsets) expect(cell).toMatch(NUMBER);
  });
});
