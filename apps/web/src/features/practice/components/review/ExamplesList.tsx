import { type AttemptReview, EXAMPLE_LEVELS, type RubricDimension } from "@loopwright/schema";
import { ExampleAnswer } from "../../../../shared/example-answer/ExampleAnswer";
import "./ExamplesList.css";

/** Example answers from weakest to strongest, each with its reference scores and the reasoning. */
export function ExamplesList({
  review,
  dimensions,
  selfScores,
}: {
  review: AttemptReview;
  dimensions: RubricDimension[];
  selfScores: Record<string, number>;
}) {
  const examples = [...review.examples].sort(
    (a, b) => EXAMPLE_LEVELS.indexOf(a.level) - EXAMPLE_LEVELS.indexOf(b.level),
  );
  if (examples.length === 0) {
    return <p className="muted">This question has no example answers yet.</p>;
  }
  return (
    <div className="pr-examples">
      {examples.map((example) => (
        <ExampleAnswer
          key={example.id}
          example={example}
          dimensions={dimensions}
          yours={selfScores}
          open={example.id === review.closestExampleId}
          badge={
            example.id === review.closestExampleId ? (
              <span className="badge badge--accent">Closest to your self-score</span>
            ) : null
          }
          testId="example-answer"
        />
      ))}
    </div>
  );
}
