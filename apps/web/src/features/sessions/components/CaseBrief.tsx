import { scenarioSchema } from "@loopwright/schema";
import { ScenarioFacts } from "../../../components/ScenarioFacts";
import { toParagraphs } from "../../../lib/format";
import "./CaseBrief.css";

/** The prompt the candidate answers and, compact beneath it, the numbers of the case. */
export function CaseBrief({ prompt, scenario }: { prompt: string; scenario: unknown }) {
  const parsed = scenario === undefined ? null : scenarioSchema.safeParse(scenario);
  const facts = parsed?.success ? parsed.data : null;
  return (
    <div className="ps-case">
      <div className="ps-case__prompt prose prose--reading" data-testid="case-prompt">
        {toParagraphs(prompt).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      {facts ? (
        <ScenarioFacts
          scenario={facts}
          density="compact"
          heading={<h3 className="subheading">Scenario</h3>}
        />
      ) : null}
    </div>
  );
}
