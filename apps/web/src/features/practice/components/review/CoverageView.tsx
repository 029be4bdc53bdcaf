import { highlightSegments } from "@loopwright/coverage";
import type { AttemptReview } from "@loopwright/schema";
import { useId, useState } from "react";
import { formatNumber } from "../../../../lib/format";
import { AnswerText } from "../AnswerText";
import "./CoverageView.css";

/** Talking-point coverage: the points, and the answer with the passages that matched them marked. */
export function CoverageView({ answer, review }: { answer: string; review: AttemptReview }) {
  const { coverage } = review;
  const [focus, setFocus] = useState<string | null>(null);
  const segments = highlightSegments(answer, coverage);
  const rulesId = useId();

  return (
    <div className="pr-coverage">
      <p className="pr-coverage__summary" data-testid="coverage-summary">
        Your answer touches <strong>{formatNumber(coverage.coveredCount)}</strong> of{" "}
        {formatNumber(coverage.total)} talking points.
      </p>
      <p className="lede">
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
                    <p className="hint">Not found in your answer</p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>

        <div className="pr-marked-answer" data-focus={focus ?? undefined}>
          <h3 className="subheading">Your answer, with matched passages marked</h3>
          <AnswerText
            text={answer}
            label="Your answer, with matched passages marked"
            className="pr-marked-answer__text"
            testId="marked-answer"
          >
            {segments.map((segment, i) =>
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
                >
                  {segment.text}
                </mark>
              ),
            )}
          </AnswerText>
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
