// @vitest-environment node
import { describe, expect, it } from "vitest";
import { formatClock, formatOver, spokenDuration } from "./clock-format";

const MIN = 60_000;

describe("the clock readout", () => {
  it("shows minutes and seconds like a stopwatch, and hours past an hour", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(133_000)).toBe("2:13");
    expect(formatClock(245_000)).toBe("4:05");
    expect(formatClock(760_999)).toBe("12:40");
    expect(formatClock(3_723_000)).toBe("1:02:03");
    expect(formatClock(-5000)).toBe("0:00");
  });

  it("rounds countdowns up and elapsed time down", () => {
    expect(formatClock(59_001)).toBe("0:59");
    expect(formatClock(59_001, "up")).toBe("1:00");
    expect(formatClock(199_001, "up")).toBe("3:20");
    expect(formatClock(1, "up")).toBe("0:01");
    expect(formatClock(-45_000, "up")).toBe("0:00");
  });

  it("marks time over as a positive overrun", () => {
    expect(formatOver(133_000)).toBe("+2:13 over");
  });
});

describe("spoken durations", () => {
  it("reads durations in words", () => {
    expect(spokenDuration(20 * MIN)).toBe("20 minutes");
    expect(spokenDuration(MIN + 30_000)).toBe("1 minute 30 seconds");
    expect(spokenDuration(760_000)).toBe("12 minutes 40 seconds");
    expect(spokenDuration(60_000)).toBe("1 minute");
    expect(spokenDuration(1500)).toBe("2 seconds");
    expect(spokenDuration(1000)).toBe("1 second");
    expect(spokenDuration(0)).toBe("0 seconds");
  });
});
