import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { formatCell, neutraliseFormula, rowsToCsv, toCsv } from "../src/index.js";

/**
 * An independent reader, so the tests check the file a spreadsheet would get,
 * not our own idea of it. It takes any line ending as the end of a row, as
 * spreadsheets do, so an unquoted line break inside a cell splits the row.
 */
const read = (csv: string): string[][] =>
  parse(csv, { relax_column_count: true, record_delimiter: ["\r\n", "\n", "\r"] });

describe("neutraliseFormula", () => {
  it.each([
    ["=", '=HYPERLINK("http://x","y")'],
    ["+", "+1+1"],
    ["-", "-2+3"],
    ["@", "@SUM(A1:A9)"],
    ["a tab", "\tcmd"],
    ["a carriage return", "\rcmd"],
    ["a full-width =", "\uFF1D1+1"],
    ["a full-width +", "\uFF0B1+1"],
    ["a full-width -", "\uFF0D1+1"],
    ["a full-width @", "\uFF20SUM(A1)"],
  ])("puts an apostrophe before text that starts with %s", (_, text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(["Ana", "a=b", "Trade-offs", "1+1", "ana@example.com", "name\twith tab", " =not at the start", ""])(
    "leaves %j alone, since nothing at its start makes a formula",
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );

  it("neutralises only once, so an already safe cell stays as it is", () => {
    expect(neutraliseFormula(neutraliseFormula("=1+1"))).toBe("'=1+1");
  });
});

describe("formatCell", () => {
  it("writes missing and undefined statistics as empty cells", () => {
    expect(
      [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map(formatCell),
    ).toEqual(["", "", "", "", ""]);
  });

  it("rounds numbers to 4 decimals and never neutralises them, so negatives stay numeric", () => {
    expect(formatCell(0.66666666)).toBe("0.6667");
    expect(formatCell(-0.25)).toBe("-0.25");
    expect(formatCell(-1.23456789)).toBe("-1.2346");
    expect(formatCell(-0.00001)).toBe("0");
    expect(formatCell(12)).toBe("12");
  });

  it("neutralises text, including text that looks like a negative number", () => {
    expect(formatCell("-0.25")).toBe("'-0.25");
    expect(formatCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(formatCell("Ana")).toBe("Ana");
  });
});

describe("rowsToCsv", () => {
  it("leaves plain cells bare, ends every line with CRLF, and writes an empty row as an empty line", () => {
    expect(rowsToCsv([["a", 1, null, -0.5], [], ["b"]])).toBe("a,1,,-0.5\r\n\r\nb\r\n");
  });

  it("quotes commas, quotes and line breaks, doubling embedded quotes", () => {
    expect(rowsToCsv([["a,b", 'say "hi"', "two\nlines", "cr\ronly", "plain"]])).toBe(
      '"a,b","say ""hi""","two\nlines","cr\ronly",plain\r\n',
    );
  });

  it("quotes a neutralised cell whose formula holds commas and quotes", () => {
    expect(rowsToCsv([['=HYPERLINK("http://x","y")']])).toBe(`"'=HYPERLINK(""http://x"",""y"")"\r\n`);
  });
});

describe("toCsv", () => {
  const columns = ["name", "note", "offset"] as const;

  it("writes a header row and leaves the columns a row lacks empty", () => {
    const csv = toCsv(columns, [{ name: "Ana", offset: -1 }, { note: "late" }]);
    expect(csv).toBe("name,note,offset\r\nAna,,-1\r\n,late,\r\n");
  });

  it("survives a round trip through csv-parse with every cell recovered, formulas neutralised", () => {
    const nasty = [
      '=HYPERLINK("http://x","y")',
      "+1+1",
      "-2+3",
      "@SUM(A1:A9)",
      "\tcmd",
      "\rcmd",
      "comma, inside",
      'a "quoted" word',
      "line one\r\nline two",
      "a lone\nnewline",
      "a lone\rcarriage return",
      "trailing space ",
      "Trade-offs",
      "",
    ];
    const rows = nasty.map((text, i) => ({ name: text, note: `#${i} ${text}`, offset: -i / 3 }));
    const [header, ...body] = read(toCsv(columns, rows));
    expect(header).toEqual([...columns]);
    expect(body).toEqual(
      nasty.map((text, i) => [neutraliseFormula(text), `#${i} ${text}`, formatCell(-i / 3)]),
    );
    for (const cell of body.flat()) {
      if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell))).toBe(true);
    }
  });
});
