import { highlightSegments } from "@loopwright/coverage";
import {
  type AttemptReview,
  EXAMPLE_LEVEL_LABELS,
  EXAMPLE_LEVELS,
  type ExampleAnswer,
  RUBRIC_MAX,
  RUBRIC_SCORES,
  type RubricDimension,
} from "@loopwright/schema";
import { useId, useState } from "react";
import { formatNumber, toParagraphs } from "../../../lib/format";
import { gapText } from "../lib/labels";

function Meter({ score }: { score: number }) {
  return (
    <span className="pr-meter" aria-hidden="true">
      {RUBRIC_SCORES.map((step) => (
        <span key={step} className={`pr-meter__step${step <= score ? " pr-meter__step--on" : ""}`} />
      ))}
    </span>
  );
}

export function ScoreCell({ score }: { score: number | undefined }) {
  if (score === undefined) return <span className="pr-score">–</span>;
  return (
    <span className="pr-score">
      <span className="pr-score__value">
        {score}
        <span className="visually-hidden"> of {RUBRIC_MAX}</span>
      </span>
      <Meter score={score} />
    </span>
  );
}

/** The self-score beside the closest example's reference score, per dimension. */
export function ScoreComparison({
  dimensions,
  selfScores,
  review,
}: {
  dimensions: RubricDimension[];
  selfScores: Record<string, number>;
  review: AttemptReview;
}) {
  const closest = review.examples.find((e) => e.id === review.closestExampleId);
  return (
    <div className="pr-comparison">
      {closest ? (
        <p className="pr-comparison__lede">
          Your scores sit closest to the <strong>{EXAMPLE_LEVEL_LABELS[closest.level]}</strong> example. Where
          you differ from its reference score, read that example and ask whether your answer really did more,
          or less.
        </p>
      ) : (
        <p className="pr-comparison__lede">
          This question has no graded examples yet, so there is nothing to compare with.
        </p>
      )}
      <div className="pr-table-scroll">
        <table className="pr-table" data-testid="score-comparison">
          <caption className="visually-hidden">
            Your self-score per rubric dimension compared with the closest example
          </caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">You</th>
              {closest ? <th scope="col">{EXAMPLE_LEVEL_LABELS[closest.level]}</th> : null}
              {closest ? <th scope="col">Gap</th> : null}
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => {
              const gap = review.gaps[d.id];
              return (
                <tr key={d.id}>
                  <th scope="row">{d.name}</th>
                  <td>
                    <ScoreCell score={selfScores[d.id]} />
                  </td>
                  {closest ? (
                    <td>
                      <ScoreCell score={closest.scores[d.id]} />
                    </td>
                  ) : null}
                  {closest ? (
                    <td>
                      {gap === undefined ? (
                        "–"
                      ) : (
                        <span className="pr-gap" data-sign={Math.sign(gap)}>
                          {gapText(gap)}
                        </span>
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Talking-point coverage: the points, and the answer with the passages that matched them marked. */
export function CoverageView({ answer, review }: { answer: string; review: AttemptReview }) {
  const { coverage } = review;
  const [focus, setFocus] = useState<string | null>(null);
  const segments = highlightSegments(answer, coverage);
  const names = new Map(coverage.points.map((p) => [p.id, p.point]));
  const rulesId = useId();

  return (
    <div className="pr-coverage">
      <p className="pr-coverage__summary" data-testid="coverage-summary">
        Your answer touches <strong>{formatNumber(coverage.coveredCount)}</strong> of{" "}
        {formatNumber(coverage.total)} talking points.
      </p>
      <p className="pr-coverage__note">
        This is help for your self-review, not a grade. A point counts as touched when one of its phrases
        appears, however it is used; a point marked “not found” may still be in your answer in other words.
      </p>

      <div className="pr-coverage__grid">
        <ul className="pr-points" aria-label="Talking points">
          {coverage.points.map((point) => {
            const phrases = [...new Set(point.matches.map((m) => m.text.toLowerCase()))];
            return (
              <li key={point.id} className="pr-point" data-covered={point.covered ? "true" : "false"}>
                <span className="pr-point__marker" aria-hidden="true">
                  {point.covered ? "✓" : "–"}
                </span>
                <div className="pr-point__body">
                  <p className="pr-point__text">
                    <span className="visually-hidden">{point.covered ? "Touched: " : "Not found: "}</span>
                    {point.point}
                  </p>
                  {point.covered ? (
                    <p className="pr-point__found">
                      <button
                        type="button"
                        className="pr-point__show"
                        aria-pressed={focus === point.id}
                        onClick={() => setFocus((current) => (current === point.id ? null : point.id))}
                      >
                        {focus === point.id ? "Showing in your answer" : "Show in your answer"}
                      </button>
                      <span className="pr-point__phrases">
                        {phrases.map((phrase) => (
                          <span key={phrase} className="pr-point__phrase">
                            {phrase}
                          </span>
                        ))}
                      </span>
                    </p>
                  ) : (
                    <p className="pr-point__missing">Not found in your answer</p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>

        <div className="pr-marked-answer" data-focus={focus ?? undefined}>
          <h3 className="pr-marked-answer__title">Your answer, with matched passages marked</h3>
          <div className="pr-marked-answer__text" data-testid="marked-answer">
            {answer.trim() === "" ? (
              <p className="pr-marked-answer__empty">You handed in an empty answer.</p>
            ) : (
              segments.map((segment, i) =>
                segment.pointIds.length === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
                  <span key={i}>{segment.text}</span>
                ) : (
                  <mark
                    // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
                    key={i}
                    className="pr-hl"
                    data-points={segment.pointIds.join(" ")}
                    data-active={focus !== null && segment.pointIds.includes(focus) ? "true" : undefined}
                    title={segment.pointIds.map((id) => names.get(id) ?? id).join("\n")}
                  >
                    {segment.text}
                  </mark>
                ),
              )
            )}
          </div>
        </div>
      </div>

      <details className="pr-rules">
        <summary className="pr-rules__summary" id={rulesId}>
          How coverage is matched
        </summary>
        <ul className="pr-rules__list" aria-labelledby={rulesId}>
          {review.matchingRules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

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
    return <p className="pr-muted">This question has no example answers yet.</p>;
  }
  return (
    <div className="pr-examples">
      {examples.map((example) => (
        <ExampleCard
          key={example.id}
          example={example}
          dimensions={dimensions}
          selfScores={selfScores}
          closest={example.id === review.closestExampleId}
        />
      ))}
    </div>
  );
}

function ExampleCard({
  example,
  dimensions,
  selfScores,
  closest,
}: {
  example: ExampleAnswer;
  dimensions: RubricDimension[];
  selfScores: Record<string, number>;
  closest: boolean;
}) {
  const label = EXAMPLE_LEVEL_LABELS[example.level];
  return (
    <details className="pr-example" open={closest} data-testid="example-answer" data-level={example.level}>
      <summary className="pr-example__summary">
        <span className="pr-example__heading">
          <span className="pr-example__level">{label}</span>
          {closest ? <span className="badge badge--accent">Closest to your self-score</span> : null}
        </span>
        <span className="pr-example__chips" aria-hidden="true">
          {dimensions.map((d) => (
            <span key={d.id} className="pr-example__chip" title={`${d.name}: ${example.scores[d.id] ?? "–"}`}>
              {example.scores[d.id] ?? "–"}
            </span>
          ))}
        </span>
        <span className="pr-example__toggle" aria-hidden="true" />
      </summary>
      <div className="pr-example__body">
        <div className="pr-example__answer prose prose--reading">
          {toParagraphs(example.answer).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
        <div className="pr-example__assessment">
          <div className="pr-table-scroll">
            <table className="pr-table pr-table--compact">
              <caption className="pr-table__caption">Reference scores</caption>
              <thead>
                <tr>
                  <th scope="col">Dimension</th>
                  <th scope="col">This example</th>
                  <th scope="col">You</th>
                </tr>
              </thead>
              <tbody>
                {dimensions.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.name}</th>
                    <td>
                      <ScoreCell score={example.scores[d.id]} />
                    </td>
                    <td>
                      <ScoreCell score={selfScores[d.id]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4 className="pr-subheading">Why it scores this way</h4>
          <div className="prose pr-example__rationale">
            {toParagraphs(example.rationale).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        </div>
      </div>
    </details>
  );
}
