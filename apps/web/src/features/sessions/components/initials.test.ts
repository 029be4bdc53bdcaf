import { describe, expect, it } from "vitest";
import { initials } from "./ConnectionStatus";

describe("a participant's avatar initials", () => {
  it("takes the first and last names' first letters", () => {
    expect(initials("Dana Reyes")).toBe("DR");
    expect(initials("  ana maría  de la cruz ")).toBe("AC");
  });

  it("takes two letters of a single name", () => {
    expect(initials("Dana")).toBe("DA");
    expect(initials("Ø")).toBe("Ø");
  });

  it("ignores a note in brackets and punctuation, which are not letters of the name", () => {
    expect(initials("Dana (host)")).toBe("DA");
    expect(initials("Sam [observer]")).toBe("SA");
    expect(initials("“Kai” O'Neil")).toBe("KO");
  });

  it("falls back to a question mark when nothing is left", () => {
    expect(initials("(host)")).toBe("?");
    expect(initials("")).toBe("?");
  });
});
