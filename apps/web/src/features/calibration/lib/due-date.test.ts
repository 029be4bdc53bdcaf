import { describe, expect, it } from "vitest";
import { dueInputError, dueInputToIso, isoToDueInput } from "./due-date";

describe("due dates typed on the reader's clock", () => {
  it("round-trips a datetime-local value through the instant the API takes", () => {
    const iso = dueInputToIso("2026-03-04T18:00");
    expect(iso).toMatch(/^2026-03-0[45]T\d\d:00:00\.000Z$/);
    expect(isoToDueInput(iso as string)).toBe("2026-03-04T18:00");
  });

  it("reads an empty input as no due date and refuses a non-date", () => {
    expect(dueInputToIso("")).toBeNull();
    expect(dueInputToIso("soon")).toBeUndefined();
    expect(dueInputError("")).toBeNull();
    expect(dueInputError("soon")).toBe("Enter the due date as a date and a time.");
  });

  it("refuses a due date already past", () => {
    const now = Date.parse("2026-03-04T12:00:00Z");
    expect(dueInputError(isoToDueInput("2026-03-04T11:00:00Z"), now)).toContain("already passed");
    expect(dueInputError(isoToDueInput("2026-03-05T11:00:00Z"), now)).toBeNull();
  });
});
