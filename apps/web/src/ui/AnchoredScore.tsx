import { RUBRIC_MAX, RUBRIC_SCORES, type RubricDimension } from "@loopwright/schema";
import { type ReactNode, useId } from "react";
import { ScoreMeter } from "./ScoreMeter";
import "./AnchoredScore.css";

export function anchorText(dimension: RubricDimension, score: number): string {
  return dimension.anchors[String(score) as keyof RubricDimension["anchors"]] ?? "";
}

export interface AnchoredScoreProps {
  dimension: RubricDimension;
  value: number | null | undefined;
  onChange: (score: number) => void;
  /** The radio group's name; unique within the form. Generated when omitted. */
  name?: string;
  disabled?: boolean;
  /**
   * "cards": the four anchors side by side (scoring someone else, where the scale is compared at a glance);
   * "rows": one anchor per line with room for long text (scoring yourself, read slowly).
   */
  layout?: "cards" | "rows";
  /** Clamp each anchor to four lines (dense layouts such as the candidate's self-score in a session). */
  compact?: boolean;
  /** Still needs a score after a submit attempt; `invalidLabel` is shown in the legend when given. */
  invalid?: boolean;
  invalidLabel?: string;
  /** A step number before the name (decorative; the fieldsets' order already says it). */
  number?: number;
  /** Read after the name by screen readers only, such as which answer this score is for. */
  context?: string;
  id?: string;
  className?: string;
  testId?: string;
  /** Further fields that belong to this dimension, such as a comment box. */
  children?: ReactNode;
}

/** One rubric dimension as a radio group whose options are its behavioural anchors. */
export function AnchoredScore({
  dimension,
  value,
  onChange,
  name,
  disabled,
  layout = "cards",
  compact,
  invalid,
  invalidLabel,
  number,
  context,
  id,
  className,
  testId,
  children,
}: AnchoredScoreProps) {
  const generatedName = useId();
  const descriptionId = useId();
  const groupName = name ?? generatedName;
  return (
    <fieldset
      id={id}
      className={className ? `ui-score ${className}` : "ui-score"}
      aria-describedby={descriptionId}
      aria-invalid={invalid || undefined}
      data-invalid={invalid ? "true" : undefined}
      data-done={value != null ? "true" : undefined}
      data-testid={testId}
    >
      <legend className="ui-score__legend">
        {number !== undefined ? (
          <span className="ui-score__step" aria-hidden="true">
            {number}
          </span>
        ) : null}
        <span className="ui-score__name">{dimension.name}</span>
        {context ? <span className="visually-hidden"> — {context}</span> : null}
        {invalid && invalidLabel ? <span className="ui-score__flag">{invalidLabel}</span> : null}
      </legend>
      <p id={descriptionId} className="ui-score__description">
        {dimension.description}
      </p>
      <div className="ui-score__choices" data-layout={layout} data-compact={compact ? "true" : undefined}>
        {RUBRIC_SCORES.map((score) => (
          <label
            key={score}
            className="ui-score__choice"
            data-selected={value === score ? "true" : undefined}
          >
            <input
              type="radio"
              className="ui-score__input"
              name={groupName}
              value={score}
              checked={value === score}
              disabled={disabled}
              onChange={() => onChange(score)}
            />
            <span className="ui-score__value">
              <span className="ui-score__number">{score}</span>
              <span className="visually-hidden"> of {RUBRIC_MAX}: </span>
              {layout === "cards" ? <ScoreMeter score={score} /> : null}
            </span>
            <span className="ui-score__anchor">{anchorText(dimension, score)}</span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
