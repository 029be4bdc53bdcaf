import { describe, expect, it } from "vitest";
import { lengthLabel } from "./length-label";

describe("the Length control's words", () => {
  it("says 'As written' for the question's own timings and what the others mean", () => {
    expect(lengthLabel(1)).toBe("As written");
    expect(lengthLabel(0.5)).toBe("Half the length");
    expect(lengthLabel(2)).toBe("Twice as long");
    expect(lengthLabel(1.25)).toBe("1.25 times as long");
  });
});
