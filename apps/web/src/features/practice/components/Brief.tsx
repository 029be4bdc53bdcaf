import type { Question } from "@loopwright/schema";
import { memo } from "react";
import { toParagraphs } from "../../../lib/format";
import { factText, scenarioFactRows } from "../../../lib/scenario-facts";
import "./Brief.css";

/** What the candidate reads: the prompt and the numbers of the case. Never the guide or the rubric. */
export const Brief = memo(function Brief({ question }: { question: Question }) {
  const rows = question.scenario ? scenarioFactRows(question.scenario) : [];
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
          <h3 className="subheading">Scenario facts</h3>
          {question.scenario.company ? (
            <p className="pr-brief__company">{question.scenario.company}</p>
          ) : null}
          {rows.length > 0 ? (
            <dl className="pr-brief__grid">
              {rows.map((row) => (
                <div key={row.label} className="pr-brief__fact">
                  <dt>{row.label}</dt>
                  <dd>{factText(row)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      ) : null}
    </section>
  );
});
