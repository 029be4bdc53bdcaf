// @vitest-environment node
import { describe, expect, it } from "vitest";
import { phaseSpent } from "./time";

describe("phase time", () => {
  it("describes time spent against plan", () => {
    expect(phaseSpent(270_000, 300_000)).toBe("4:30 of 5:00");
  });
});
