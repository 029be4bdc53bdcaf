// @vitest-environment node
import { describe, expect, it } from "vitest";
import { factText, scenarioFactRows } from "./scenario-facts";

describe("scenario facts", () => {
  it("lists headcounts, budget and timeline before the question's own facts", () => {
    const rows = scenarioFactRows({
      engineers: 1200,
      teams: 14,
      budget: { amount: 2_000_000, currency: "USD", period: "year" },
      timelineMonths: 1,
      facts: [],
    });
    expect(rows.map((row) => row.label)).toEqual(["Engineers", "Teams", "Budget", "Timeline"]);
    expect(rows[0]).toEqual({ label: "Engineers", value: "1,200" });
    expect(rows[2]?.detail).toBe("per year");
    expect(rows[3]).toEqual({ label: "Timeline", value: "1", detail: "month" });
  });

  it("puts tight units against the number and others after it, and widens long text", () => {
    const rows = scenarioFactRows({
      facts: [
        { label: "Attrition", value: 18, unit: "%" },
        { label: "Backlog", value: 6, unit: " weeks " },
        { label: "Stack", value: "Monolith plus 40 services" },
        { label: "Region", value: "EU" },
      ],
    });
    expect(rows).toEqual([
      { label: "Attrition", value: "18%", wide: false },
      { label: "Backlog", value: "6", detail: "weeks", wide: false },
      { label: "Stack", value: "Monolith plus 40 services", wide: true },
      { label: "Region", value: "EU", wide: false },
    ]);
  });

  it("reads a fact as one line of text", () => {
    expect(factText({ label: "Backlog", value: "6", detail: "weeks" })).toBe("6 weeks");
    expect(factText({ label: "Attrition", value: "18%" })).toBe("18%");
  });
});
