// @vitest-environment node
import { describe, expect, it } from "vitest";
import { formatClock, formatOver, formatRemaining, formatStamp, spokenDuration } from "./clock-format";

const MIN = 60_000;

describe("practice clock readout", () => {
  it("shows minutes and seconds, and hours past an hour", () => {
    expect(formatClock(0)).toBe("00:00");
    expect(formatClock(133_000)).toBe("02:13");
    expect(formatClock(3_723_000)).toBe("1:02:03");
    expect(formatClock(-5000)).toBe("00:00");
  });

  it("rounds countdowns up and elapsed time down", () => {
    expect(formatClock(59_001)).toBe("00:59");
    expect(formatClock(59_001, "up")).toBe("01:00");
    expect(formatClock(1, "up")).toBe("00:01");
  });

  it("marks time over as a positive overrun", () => {
    expect(formatOver(133_000)).toBe("+02:13 over");
  });
});

describe("stopwatch readout", () => {
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
