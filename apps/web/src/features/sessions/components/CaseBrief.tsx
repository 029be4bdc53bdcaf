import { type Scenario, scenarioSchema } from "@loopwright/schema";
import { formatBudget, formatNumber, toParagraphs } from "../../../lib/format";

interface FactRow {
  label: string;
  value: string;
  detail?: string;
  wide?: boolean;
}

const TIGHT_UNITS = new Set(["%", "x", "×"]);

function factRows(scenario: Scenario): FactRow[] {
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

/** The prompt the candidate answers and the numbers of the case. */
export function CaseBrief({ prompt, scenario }: { prompt: string; scenario: unknown }) {
  const parsed = scenario === undefined ? null : scenarioSchema.safeParse(scenario);
  const facts = parsed?.success ? parsed.data : null;
  const rows = facts ? factRows(facts) : [];
  return (
    <div className="ps-case">
      <div className="ps-case__prompt prose prose--reading" data-testid="case-prompt">
        {toParagraphs(prompt).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      {facts && (facts.company || rows.length > 0) ? (
        <div className="ps-facts">
          <h3 className="ps-subheading">Scenario</h3>
          {facts.company ? <p className="ps-facts__company">{facts.company}</p> : null}
          {rows.length > 0 ? (
            <dl className="ps-facts__grid">
              {rows.map((row) => (
                <div key={row.label} className={`ps-fact${row.wide ? " ps-fact--wide" : ""}`}>
                  <dt className="ps-fact__label">{row.label}</dt>
                  <dd className="ps-fact__value">
                    {row.value}
                    {row.detail ? <span className="ps-fact__detail"> {row.detail}</span> : null}
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
