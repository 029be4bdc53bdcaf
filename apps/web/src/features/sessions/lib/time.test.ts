import { describe, expect, it } from "vitest";
import { scaledMinutes, shortMinutes } from "./time";

describe("time formats", () => {
  it("totals scaled phases", () => {
    expect(scaledMinutes([5, 10, 15, 10], 1)).toBe(40);
    expect(scaledMinutes([5, 10, 15, 10], 0.5)).toBe(20);
    expect(scaledMinutes([5, 10, 15, 10], 1.25)).toBe(50);
    expect(shortMinutes(30_000)).toBe("30 s");
    expect(shortMinutes(150_000)).toBe("2.5 min");
    expect(shortMinutes(600_000)).toBe("10 min");
  });
});
