import { RECOMMENDATION_LABELS, RECOMMENDATIONS, type RubricDimension } from "@loopwright/schema";
import { type FormEvent, type ReactNode, useId } from "react";
import { AnchoredScore } from "../../../ui/AnchoredScore";
import "./ScoreChoice.css";

export type Recommendation = (typeof RECOMMENDATIONS)[number];

/**
 * A scoring form (the interviewer's scorecard, the candidate's self-score): its
 * groups stacked and ruled apart, then the submit row, then what went wrong.
 */
export function ScoreForm({
  id,
  onSubmit,
  noValidate,
  submitRow,
  after,
  children,
}: {
  id?: string;
  onSubmit: (event: FormEvent) => void;
  noValidate?: boolean;
  /** The submit button and what goes beside it. */
  submitRow: ReactNode;
  /** Messages under the submit row. */
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form id={id} className="ps-score-form" onSubmit={onSubmit} noValidate={noValidate}>
      {children}
      <div className="ps-score-form__submit">{submitRow}</div>
      {after}
    </form>
  );
}

/** Every rubric dimension as a group of four radio cards, each showing its behavioural anchor. */
export function DimensionChoices({
  dimensions,
  scores,
  onChange,
  disabled,
  compact,
}: {
  dimensions: RubricDimension[];
  scores: Record<string, number>;
  onChange: (dimensionId: string, score: number) => void;
  disabled?: boolean;
  /** Shorter anchors (clamped) for the candidate's self-score. */
  compact?: boolean;
}) {
  return dimensions.map((d) => (
    <AnchoredScore
      key={d.id}
      dimension={d}
      value={scores[d.id]}
      onChange={(score) => onChange(d.id, score)}
      disabled={disabled}
      layout="cards"
      compact={compact}
      testId={`dimension-${d.id}`}
    />
  ));
}

/** The overall hire recommendation as four radio buttons, coloured by which way they lean. */
export function RecommendationChoice({
  value,
  onChange,
  disabled,
}: {
  value: Recommendation | null;
  onChange: (recommendation: Recommendation) => void;
  disabled?: boolean;
}) {
  const name = useId();
  const descriptionId = useId();
  return (
    <fieldset className="ps-rec-group" data-testid="recommendation" aria-describedby={descriptionId}>
      <legend className="ps-rec-group__legend">Overall recommendation</legend>
      <p id={descriptionId} className="ps-rec-group__description">
        Would you hire this person as a director on this answer?
      </p>
      <div className="ps-recs">
        {RECOMMENDATIONS.map((r) => (
          <label key={r} className="ps-rec" data-value={r} data-selected={value === r ? "true" : undefined}>
            <input
              type="radio"
              name={name}
              value={r}
              checked={value === r}
              onChange={() => onChange(r)}
              disabled={disabled}
              className="ps-rec__input"
            />
            <span>{RECOMMENDATION_LABELS[r]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
