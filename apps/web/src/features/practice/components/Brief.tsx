import type { Question, Scenario } from "@loopwright/schema";
import { memo } from "react";
import { formatBudget, formatNumber, toParagraphs } from "../../../lib/format";

interface Fact {
  label: string;
  value: string;
}

const TIGHT_UNITS = new Set(["%", "x", "×"]);

function facts(scenario: Scenario): Fact[] {
  const rows: Fact[] = [];
  if (scenario.engineers !== undefined)
    rows.push({ label: "Engineers", value: formatNumber(scenario.engineers) });
  if (scenario.teams !== undefined) rows.push({ label: "Teams", value: formatNumber(scenario.teams) });
  if (scenario.managers !== undefined)
    rows.push({ label: "Managers", value: formatNumber(scenario.managers) });
  if (scenario.budget) {
    const budget = formatBudget(scenario.budget);
    rows.push({ label: "Budget", value: `${budget.amount} ${budget.period}` });
  }
  if (scenario.timelineMonths !== undefined) {
    rows.push({
      label: "Timeline",
      value: `${formatNumber(scenario.timelineMonths)} ${scenario.timelineMonths === 1 ? "month" : "months"}`,
    });
  }
  for (const fact of scenario.facts) {
    const value = typeof fact.value === "number" ? formatNumber(fact.value) : fact.value;
    const unit = fact.unit?.trim();
    rows.push({
      label: fact.label,
      value: unit ? (TIGHT_UNITS.has(unit) ? `${value}${unit}` : `${value} ${unit}`) : value,
    });
  }
  return rows;
}

/** What the candidate reads: the prompt and the numbers of the case. Never the guide or the rubric. */
export const Brief = memo(function Brief({ question }: { question: Question }) {
  const rows = question.scenario ? facts(question.scenario) : [];
  return (
    <section className="pr-brief" aria-labelledby="brief-title">
      <h2 id="brief-title" className="pr-brief__title">
        Prompt
      </h2>
      <div className="pr-brief__prompt prose prose--reading" data-testid="prompt">
        {toParagraphs(question.prompt).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      {question.scenario && (rows.length > 0 || question.scenario.company) ? (
        <div className="pr-brief__facts" data-testid="scenario-facts">
          <h3 className="pr-brief__subtitle">Scenario facts</h3>
          {question.scenario.company ? (
            <p className="pr-brief__company">{question.scenario.company}</p>
          ) : null}
          {rows.length > 0 ? (
            <dl className="pr-brief__grid">
              {rows.map((row) => (
                <div key={row.label} className="pr-brief__fact">
                  <dt>{row.label}</dt>
                  <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      ) : null}
    </section>
  );
});
