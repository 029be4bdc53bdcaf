// @vitest-environment node
import { describe, expect, it } from "vitest";
import { countWords, formatCount } from "./format";

describe("counts with their noun", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(formatCount(1, "word")).toBe("1 word");
    expect(formatCount(0, "word")).toBe("0 words");
    expect(formatCount(2, "answer")).toBe("2 answers");
    expect(formatCount(1204, "rating")).toBe("1,204 ratings");
  });

  it("takes an irregular plural", () => {
    expect(formatCount(1, "person", "people")).toBe("1 person");
    expect(formatCount(3, "person", "people")).toBe("3 people");
    expect(formatCount(1, "more interviewer", "more interviewers")).toBe("1 more interviewer");
  });
});

describe("word counts", () => {
  it("counts words across any whitespace", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   ")).toBe(0);
    expect(countWords("one")).toBe(1);
    expect(countWords("  one\n\ntwo\tthree ")).toBe(3);
  });
});
