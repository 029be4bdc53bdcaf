import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatTimeOfDay,
  formatZonedStart,
  instantFromZonedWallTime,
  timeAxisFormatter,
} from "./datetime";

// Expected strings are CLDR's published patterns for each locale (unicode.org/cldr, "medium" date
// and "short" time), written out by hand rather than produced by Intl.
const at = Date.UTC(2026, 11, 3, 18, 25, 40);
const gb = { locale: "en-GB", timeZone: "UTC" };
const us = { locale: "en-US", timeZone: "UTC" };
// ICU puts a narrow no-break space before AM/PM; compare words, not the kind of space.
const spaced = (text: string) => text.replace(/\s/g, " ");

describe("dates and times in the reader's locale", () => {
  it("writes a date the way the locale does", () => {
    expect(formatDate(at, gb)).toBe("3 Dec 2026");
    expect(formatDate(at, us)).toBe("Dec 3, 2026");
  });

  it("uses one hour cycle per locale for every time it shows", () => {
    expect(formatTimeOfDay(at, gb)).toBe("18:25");
    expect(spaced(formatTimeOfDay(at, us))).toBe("6:25 PM");
    expect(formatDateTime(at, gb)).toBe("3 Dec 2026, 18:25");
    expect(spaced(formatDateTime(at, us))).toBe("Dec 3, 2026, 6:25 PM");
  });

  it("shows the time in the zone it is given", () => {
    expect(formatTimeOfDay(at, { locale: "en-GB", timeZone: "Asia/Kolkata" })).toBe("23:55");
  });

  it("accepts ISO strings and leaves an unreadable value as it came", () => {
    expect(formatDate("2026-12-03T18:25:40.000Z", gb)).toBe("3 Dec 2026");
    expect(formatDate("not a date", gb)).toBe("not a date");
  });

  it("labels a time axis as finely as its span needs, never with seconds", () => {
    const day = 86_400_000;
    expect(timeAxisFormatter([at, at + 60_000], gb)(at)).toBe("18:25");
    expect(timeAxisFormatter([at, at + day], gb)(at)).toBe("3 Dec, 18:25");
    expect(timeAxisFormatter([at, at + 30 * day], gb)(at)).toBe("3 Dec");
    expect(timeAxisFormatter([at, at + 400 * day], gb)(at)).toBe("Dec 2026");
  });
});

describe("a scheduled start in each reader's zone", () => {
  const start = "2026-12-03T15:00:00.000Z";
  const now = Date.parse("2026-11-20T10:00:00Z");
  it("names the weekday, time and zone", () => {
    expect(formatZonedStart(start, { locale: "en-GB", timeZone: "Europe/Berlin", now })).toBe(
      "Thu 3 Dec, 16:00 (Europe/Berlin)",
    );
    expect(formatZonedStart(start, { locale: "en-GB", timeZone: "America/New_York", now })).toBe(
      "Thu 3 Dec, 10:00 (America/New_York)",
    );
    expect(formatZonedStart(start, { locale: "en-GB", timeZone: "UTC", now: Date.parse("2025-12-01") })).toBe(
      "Thu, 3 Dec 2026, 15:00 (UTC)",
    );
  });

  it("turns a wall-clock date and time in a zone into the UTC instant", () => {
    expect(instantFromZonedWallTime("2026-12-03", "16:00", "Europe/Berlin")).toBe(start);
    expect(instantFromZonedWallTime("2026-07-03", "16:00", "Europe/Berlin")).toBe("2026-07-03T14:00:00.000Z");
    expect(instantFromZonedWallTime("2026-12-03", "10:00", "America/New_York")).toBe(start);
    expect(instantFromZonedWallTime("2026-02-30", "10:00", "UTC")).toBeNull();
    expect(instantFromZonedWallTime("2026-12-03", "", "UTC")).toBeNull();
  });
});
