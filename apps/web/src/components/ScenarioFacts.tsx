import type { Scenario } from "@loopwright/schema";
import type { ReactNode } from "react";
import { scenarioFactRows } from "../lib/scenario-facts";
import "./ScenarioFacts.css";

/**
 * The company and the numbers of a case as a grid of facts: boxed and roomy on the question
 * page, inline and compact in a session's brief, where it shares a card with the prompt.
 * Renders nothing when the scenario has neither a company nor any facts.
 */
export function ScenarioFacts({
  scenario,
  density = "roomy",
  heading,
}: {
  scenario: Scenario;
  density?: "roomy" | "compact";
  /** Shown above the company, inside the box. */
  heading?: ReactNode;
}) {
  const rows = scenarioFactRows(scenario);
  if (!scenario.company && rows.length === 0) return null;
  return (
    <div className="facts" data-density={density}>
      {heading}
      {scenario.company ? <p className="facts__company">{scenario.company}</p> : null}
      {rows.length > 0 ? (
        <dl className="facts__grid">
          {rows.map((row) => (
            <div key={row.label} className={row.wide ? "fact fact--wide" : "fact"}>
              <dt className="fact__label">{row.label}</dt>
              <dd className="fact__value">
                {row.value}
                {row.detail ? <span className="fact__detail"> {row.detail}</span> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
