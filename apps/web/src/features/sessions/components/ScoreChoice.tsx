import { RUBRIC_SCORES, type RubricDimension } from "@loopwright/schema";
import { useId } from "react";

export function anchorText(dimension: RubricDimension, score: number): string {
  return dimension.anchors[String(score) as keyof RubricDimension["anchors"]] ?? "";
}

export function ScoreMeter({ score }: { score: number }) {
  return (
    <span className="ps-meter" aria-hidden="true">
      {RUBRIC_SCORES.map((step) => (
        <span key={step} className="ps-meter__step" data-on={step <= score ? "true" : undefined} />
      ))}
    </span>
  );
}

/** One rubric dimension as a group of four radio cards, each showing its behavioural anchor. */
export function DimensionChoice({
  dimension,
  value,
  onChange,
  disabled,
  compact,
}: {
  dimension: RubricDimension;
  value: number | undefined;
  onChange: (score: number) => void;
  disabled?: boolean;
  /** Shorter anchors (clamped) for the candidate's self-score. */
  compact?: boolean;
}) {
  const name = useId();
  const descriptionId = useId();
  return (
    <fieldset
      className="ps-dimension"
      data-testid={`dimension-${dimension.id}`}
      aria-describedby={descriptionId}
    >
      <legend className="ps-dimension__name">{dimension.name}</legend>
      <p id={descriptionId} className="ps-dimension__description">
        {dimension.description}
      </p>
      <div className={`ps-choices${compact ? " ps-choices--compact" : ""}`}>
        {RUBRIC_SCORES.map((score) => (
          <label key={score} className="ps-choice" data-selected={value === score ? "true" : undefined}>
            <input
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              disabled={disabled}
              onChange={() => onChange(score)}
              className="ps-choice__input"
            />
            <span className="ps-choice__score">
              <span className="ps-choice__number">{score}</span>
              <ScoreMeter score={score} />
            </span>
            <span className="ps-choice__anchor">{anchorText(dimension, score)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
