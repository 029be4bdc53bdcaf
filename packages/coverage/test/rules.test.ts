import { describe, expect, it } from "vitest";
import { spans } from "./helpers.js";

describe("case and quotes", () => {
  it("ignores letter case", () => {
    expect(spans("We need a Platform TEAM now", "platform team")).toEqual([[10, 23, "Platform TEAM"]]);
  });

  it("treats curly apostrophes in the answer as straight ones in the phrase", () => {
    expect(spans("We\u2019ll own on-call", "we'll")).toEqual([[0, 5, "We\u2019ll"]]);
  });

  it("treats a curly apostrophe in the phrase as matching a straight one in the answer", () => {
    expect(spans("the team's charter", "team\u2019s charter")).toEqual([[4, 18, "team's charter"]]);
  });

  it("treats curly double quotes as straight ones", () => {
    expect(spans("a \u201Ctwo pizza\u201D team", '"two pizza"')).toEqual([[2, 13, "\u201Ctwo pizza\u201D"]]);
  });

  it("still requires the apostrophe itself", () => {
    expect(spans("the teams charter", "team's charter")).toEqual([]);
  });
});

describe("word boundaries", () => {
  it("matches a short phrase as a whole word but not inside a longer one", () => {
    expect(spans("Our organization has an org chart", "org")).toEqual([[24, 27, "org"]]);
    expect(spans("a cyborg reorganization", "org")).toEqual([]);
  });

  it("does not match 'cost' inside 'costly', but does through allowed endings", () => {
    expect(spans("a costly rewrite", "cost")).toEqual([]);
    expect(spans("cost, costs and costing", "cost")).toEqual([
      [0, 4, "cost"],
      [6, 11, "costs"],
      [16, 23, "costing"],
    ]);
  });

  it("treats digits as part of a word", () => {
    expect(spans("a 110x gain", "10x")).toEqual([]);
    expect(spans("a 10x gain", "10x")).toEqual([[2, 5, "10x"]]);
  });

  it("treats accented and decomposed letters as part of a word", () => {
    expect(spans("notre \u00E9quipe", "quipe")).toEqual([]);
    expect(spans("notre e\u0301quipe", "quipe")).toEqual([]);
    expect(spans("\u00E9quipe produit", "\u00E9quipe")).toEqual([[0, 6, "\u00E9quipe"]]);
  });

  it("ends a word at an apostrophe, so a possessive still counts", () => {
    expect(spans("the team's goals", "team")).toEqual([[4, 8, "team"]]);
  });
});

describe("separators between words", () => {
  it("accepts hyphens, repeated spaces and line breaks between words", () => {
    const answer = "span-of-control and span  of\ncontrol and span - of control";
    expect(spans(answer, "span of control")).toEqual([
      [0, 15, "span-of-control"],
      [20, 36, "span  of\ncontrol"],
      [41, 58, "span - of control"],
    ]);
  });

  it("lets a hyphenated phrase match spaced words", () => {
    expect(spans("a manager of managers", "manager-of-managers")).toEqual([[2, 21, "manager of managers"]]);
  });

  it("accepts the Unicode non-breaking hyphen", () => {
    expect(spans("the on\u2011call rota", "on call")).toEqual([[4, 11, "on\u2011call"]]);
  });

  it("needs some separator, and only whitespace or hyphens", () => {
    expect(spans("spanof control", "span of control")).toEqual([]);
    expect(spans("span, of control", "span of control")).toEqual([]);
    expect(spans("span/of/control", "span of control")).toEqual([]);
  });

  it("ignores whitespace around the phrase itself", () => {
    expect(spans("a platform team", "  platform   team \n")).toEqual([[2, 15, "platform team"]]);
  });
});

describe("inflection of the last word", () => {
  it("adds s, es, ed, d and ing", () => {
    expect(spans("headcounts", "headcount")).toEqual([[0, 10, "headcounts"]]);
    expect(spans("two processes", "process")).toEqual([[4, 13, "processes"]]);
    expect(spans("we shipped, then launched", "launch")).toEqual([[17, 25, "launched"]]);
    expect(spans("it was scaled", "scale")).toEqual([[7, 13, "scaled"]]);
    expect(spans("still growing", "grow")).toEqual([[6, 13, "growing"]]);
  });

  it("drops a final e before ing and ed", () => {
    expect(spans("hire, hires, hired, hiring", "hire").map(([, , text]) => text)).toEqual([
      "hire",
      "hires",
      "hired",
      "hiring",
    ]);
    expect(spans("managing up", "manage")).toEqual([[0, 8, "managing"]]);
  });

  it("does not accept other endings", () => {
    expect(spans("the hirer and hireable", "hire")).toEqual([]);
    expect(spans("measurement", "measure")).toEqual([]);
  });

  it("inflects the last word of a multi-word phrase", () => {
    expect(spans("our success metrics", "success metric")).toEqual([[4, 19, "success metrics"]]);
  });

  it("leaves the other words of a phrase alone", () => {
    expect(spans("a hiring plan", "hire plan")).toEqual([]);
    expect(spans("platforms team", "platform team")).toEqual([]);
  });

  it("gives no endings to a phrase that ends in a digit", () => {
    expect(spans("Q3s and Q3", "Q3")).toEqual([[8, 10, "Q3"]]);
  });
});

describe("British and American spelling", () => {
  it("matches -ise and -ize with their endings", () => {
    const answer = "reorganise, reorganising, reorganizing, reorganized, reorganises";
    expect(spans(answer, "reorganize").map(([, , text]) => text)).toEqual([
      "reorganise",
      "reorganising",
      "reorganizing",
      "reorganized",
      "reorganises",
    ]);
    expect(spans("we reorganize", "reorganise")).toEqual([[3, 13, "reorganize"]]);
  });

  it("matches -isation and -ization", () => {
    expect(spans("two organisations", "organization")).toEqual([[4, 17, "organisations"]]);
  });

  it("matches -yse and -yze", () => {
    expect(spans("analyzing the data", "analyse")).toEqual([[0, 9, "analyzing"]]);
  });

  it("applies to every word of a phrase, not only the last", () => {
    expect(spans("prioritize work", "prioritise work")).toEqual([[0, 15, "prioritize work"]]);
  });

  it("leaves short words that merely end in -ize alone", () => {
    expect(spans("prise it open", "prize")).toEqual([]);
    expect(spans("team sise", "size")).toEqual([]);
  });

  it("does not swap other letters", () => {
    expect(spans("reorganice", "reorganize")).toEqual([]);
  });
});
