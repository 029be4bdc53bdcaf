import {
  EXAMPLE_LEVEL_LABELS,
  type ExampleAnswer as Example,
  RUBRIC_MAX,
  type RubricDimension,
} from "@loopwright/schema";
import type { ReactNode } from "react";
import { toParagraphs } from "../../lib/format";
import { ScoreCell } from "../../ui/ScoreCell";
import { ScoreChip } from "../../ui/ScoreChip";
import { ScrollRegion } from "../../ui/ScrollRegion";
import { tableClasses } from "../../ui/table";
import "./ExampleAnswer.css";

/**
 * A graded example answer as a disclosure: its level and a glance at its scores when closed; the
 * answer, its reference scores (beside the reader's own, when given) and why, when open. The
 * question page and the practice review show the same thing, so it is one component.
 */
export function ExampleAnswer({
  example,
  dimensions,
  yours,
  open,
  badge,
  testId,
}: {
  example: Example;
  dimensions: readonly RubricDimension[];
  /** The reader's own scores, shown in a column beside the example's. */
  yours?: Readonly<Record<string, number>>;
  open?: boolean;
  /** A note beside the level, such as "Closest to your self-score". */
  badge?: ReactNode;
  testId?: string;
}) {
  const label = EXAMPLE_LEVEL_LABELS[example.level];
  return (
    <details className="example-answer" open={open} data-testid={testId} data-level={example.level}>
      <summary className="example-answer__summary">
        <span className="example-answer__heading">
          <span className="example-answer__level">{label}</span>
          {badge}
        </span>
        {/* Decorative: a glance at the spread. The names come with the scores once it is opened. */}
        <span className="example-answer__chips" aria-hidden="true">
          {dimensions.map((d) => (
            <ScoreChip key={d.id}>{example.scores[d.id] ?? "–"}</ScoreChip>
          ))}
        </span>
        <span className="example-answer__toggle" aria-hidden="true" />
      </summary>
      <div className="example-answer__body">
        {/* The level, again, as the heading the subheadings below sit under. */}
        <h3 className="visually-hidden">{label}</h3>
        <div className="example-answer__answer prose prose--reading">
          {toParagraphs(example.answer).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
        <div className="example-answer__assessment">
          <ScrollRegion className={tableClasses.scroll} label={`${label}: reference scores`}>
            <table className={tableClasses.table}>
              <caption className={tableClasses.caption}>Reference scores</caption>
              <thead>
                <tr>
                  <th scope="col">Dimension</th>
                  <th scope="col">{yours ? "This example" : "Score"}</th>
                  {yours ? <th scope="col">You</th> : null}
                </tr>
              </thead>
              <tbody>
                {dimensions.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.name}</th>
                    <td>
                      <ScoreCell score={example.scores[d.id]} />
                    </td>
                    {yours ? (
                      <td>
                        <ScoreCell score={yours[d.id]} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <h4 className="subheading">Why it scores this way</h4>
          <div className="prose example-answer__rationale">
            {toParagraphs(example.rationale).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        </div>
      </div>
    </details>
  );
}
