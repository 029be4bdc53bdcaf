import type { Scenario } from "@loopwright/schema";
import { formatBudget, formatNumber } from "./format";

/** One fact of a case, as the briefs show it: "12", "%"; or "USD 1.2M" with "a year" after it. */
export interface FactRow {
  label: string;
  value: string;
  /** A unit or period shown after the value, set smaller. */
  detail?: string;
  /** Long text values get a full-width cell. */
  wide?: boolean;
}

/** Units that sit directly against the number ("12%") rather than after a space ("12 months"). */
const TIGHT_UNITS = new Set(["%", "x", "×"]);

/** The numbers of a case in reading order: headcounts, budget, timeline, then the question's own facts. */
export function scenarioFactRows(scenario: Scenario): FactRow[] {
  const rows: FactRow[] = [];
  if (scenario.engineers !== undefined)
    rows.push({ label: "Engineers", value: formatNumber(scenario.engineers) });
  if (scenario.teams !== undefined) rows.push({ label: "Teams", value: formatNumber(scenario.teams) });
  if (scenario.managers !== undefined)
    rows.push({ label: "Managers", value: formatNumber(scenario.managers) });
  if (scenario.budget) {
    const budget = formatBudget(scenario.budget);
    rows.push({ label: "Budget", value: budget.amount, detail: budget.period });
  }
  if (scenario.timelineMonths !== undefined) {
    rows.push({
      label: "Timeline",
      value: formatNumber(scenario.timelineMonths),
      detail: scenario.timelineMonths === 1 ? "month" : "months",
    });
  }
  for (const fact of scenario.facts) {
    const value = typeof fact.value === "number" ? formatNumber(fact.value) : fact.value;
    const wide = typeof fact.value === "string" && fact.value.length > 14;
    const unit = fact.unit?.trim();
    if (unit && TIGHT_UNITS.has(unit)) rows.push({ label: fact.label, value: `${value}${unit}`, wide });
    else
      rows.push(unit ? { label: fact.label, value, detail: unit, wide } : { label: fact.label, value, wide });
  }
  return rows;
}

/** A fact as one line of text: "12 months", "40%". */
export function factText(row: FactRow): string {
  return row.detail ? `${row.value} ${row.detail}` : row.value;
}
