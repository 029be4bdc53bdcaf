import type { Question } from "@loopwright/schema";
import { ChevronDown } from "lucide-react";
import { memo, useId } from "react";
import { toParagraphs } from "../../../lib/format";
import { factText, scenarioFactRows } from "../../../lib/scenario-facts";
import { buttonClass } from "../../../ui/button";
import "./Brief.css";

/**
 * What the candidate reads: the prompt and the numbers of the case. Never the guide or the rubric.
 * On a narrow screen it is a disclosure, so the writer can fold it away and keep the pad in view;
 * on a wide one it sits beside the pad and is always shown.
 */
export const Brief = memo(function Brief({
  question,
  open,
  onToggle,
}: {
  question: Question;
  open: boolean;
  onToggle: () => void;
}) {
  const bodyId = useId();
  const rows = question.scenario ? scenarioFactRows(question.scenario) : [];
  return (
    <section className="pr-brief" aria-labelledby="brief-title" data-open={open ? "true" : "false"}>
      <div className="pr-brief__header">
        <h2 id="brief-title" className="pr-brief__title">
          Prompt
        </h2>
        <button
          type="button"
          className={buttonClass("quiet", { size: "small", className: "pr-brief__toggle" })}
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          <ChevronDown className="pr-brief__chevron" aria-hidden="true" size={16} />
          {open ? "Hide prompt" : "Show prompt"}
        </button>
      </div>
      {open ? null : <p className="hint pr-brief__folded">Folded away while you write.</p>}
      <div id={bodyId} className="pr-brief__body">
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
      </div>
    </section>
  );
});
