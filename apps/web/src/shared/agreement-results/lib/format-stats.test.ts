import { describe, expect, it } from "vitest";
import { formatSigned, formatStat } from "./format-stats";

describe("statistic formatting", () => {
  it("shows two decimals, a true minus sign, and a dash for undefined", () => {
    expect(formatStat(0.666666)).toBe("0.67");
    expect(formatStat(-0.5)).toBe("−0.50");
    expect(formatStat(-0.001)).toBe("0.00");
    expect(formatStat(null)).toBe("—");
    expect(formatStat(Number.NaN)).toBe("—");
  });

  it("signs offsets and severities", () => {
    expect(formatSigned(0.5)).toBe("+0.50");
    expect(formatSigned(-0.834)).toBe("−0.83");
    expect(formatSigned(0.001)).toBe("0.00");
    expect(formatSigned(undefined)).toBe("—");
  });
});
