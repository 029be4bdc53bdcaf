import { describe, expect, it } from "vitest";
import { formatRemaining, formatStamp, scaledMinutes, shortMinutes, spokenDuration } from "./time";

describe("time formats", () => {
  it("stamps elapsed time like a stopwatch", () => {
    expect(formatStamp(0)).toBe("0:00");
    expect(formatStamp(760_999)).toBe("12:40");
    expect(formatStamp(3_723_000)).toBe("1:02:03");
    expect(formatStamp(-5)).toBe("0:00");
  });

  it("counts down to zero and past it", () => {
    expect(formatRemaining(200_000)).toBe("3:20");
    expect(formatRemaining(199_001)).toBe("3:20");
    expect(formatRemaining(-45_000)).toBe("−0:45");
  });

  it("speaks durations", () => {
    expect(spokenDuration(760_000)).toBe("12 minutes 40 seconds");
    expect(spokenDuration(60_000)).toBe("1 minute");
    expect(spokenDuration(0)).toBe("0 seconds");
  });

  it("totals scaled phases", () => {
    expect(scaledMinutes([5, 10, 15, 10], 1)).toBe(40);
    expect(scaledMinutes([5, 10, 15, 10], 0.5)).toBe(20);
    expect(scaledMinutes([5, 10, 15, 10], 1.25)).toBe(50);
    expect(shortMinutes(30_000)).toBe("30 s");
    expect(shortMinutes(150_000)).toBe("2.5 min");
    expect(shortMinutes(600_000)).toBe("10 min");
  });
});
