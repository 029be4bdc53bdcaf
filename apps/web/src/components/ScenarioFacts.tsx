import type { Scenario } from "@loopwright/schema";
import type { ReactNode } from "react";
import { scenarioFactRows } from "../lib/scenario-facts";

/**
 * The company and the numbers of a case as a grid of facts. The question page
 * and the session brief style it differently, so the class names take a
 * prefix: "facts", "fact__value"… or "ps-facts", "ps-fact__value"…
 * Renders nothing when the scenario has neither a company nor any facts.
 */
export function ScenarioFacts({
  scenario,
  classPrefix = "",
  heading,
}: {
  scenario: Scenario;
  classPrefix?: "" | "ps-";
  /** Shown above the company, inside the box. */
  heading?: ReactNode;
}) {
  const rows = scenarioFactRows(scenario);
  if (!scenario.company && rows.length === 0) return null;
  const c = (name: string) => `${classPrefix}${name}`;
  return (
    <div className={c("facts")}>
      {heading}
      {scenario.company ? <p className={c("facts__company")}>{scenario.company}</p> : null}
      {rows.length > 0 ? (
        <dl className={c("facts__grid")}>
          {rows.map((row) => (
            <div key={row.label} className={`${c("fact")}${row.wide ? ` ${c("fact--wide")}` : ""}`}>
              <dt className={c("fact__label")}>{row.label}</dt>
              <dd className={c("fact__value")}>
                {row.value}
                {row.detail ? <span className={c("fact__detail")}> {row.detail}</span> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
