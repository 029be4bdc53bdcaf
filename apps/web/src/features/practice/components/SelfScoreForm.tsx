import { REFLECTION_MAX_CHARS, RUBRIC_MAX, RUBRIC_SCORES, type RubricDimension } from "@loopwright/schema";
import { useEffect, useId, useRef, useState } from "react";
import { formatList, formatNumber } from "../../../lib/format";
import { buttonClass } from "../../../ui/button";
import { Field } from "../../../ui/Field";
import { defaultStorage } from "../lib/identity";

const draftName = (attemptId: string) => `loopwright.practice.selfscore.${attemptId}`;

interface ScoreDraft {
  scores: Record<string, number>;
  reflection: string;
}

function readScoreDraft(attemptId: string): ScoreDraft {
  try {
    const raw = defaultStorage().getItem(draftName(attemptId));
    const parsed = raw ? (JSON.parse(raw) as Partial<ScoreDraft>) : {};
    return {
      scores: typeof parsed.scores === "object" && parsed.scores !== null ? parsed.scores : {},
      reflection: typeof parsed.reflection === "string" ? parsed.reflection : "",
    };
  } catch {
    return { scores: {}, reflection: "" };
  }
}

export function clearScoreDraft(attemptId: string): void {
  try {
    defaultStorage().removeItem(draftName(attemptId));
  } catch {
    // nothing to clear
  }
}

/**
 * Self-scoring: one radio group per rubric dimension whose options are the
 * four behavioural anchors, so the score is chosen by reading what the answer
 * did. Choices are kept on this device until they are sent.
 */
export function SelfScoreForm({
  attemptId,
  dimensions,
  busy,
  error,
  onSubmit,
}: {
  attemptId: string;
  dimensions: RubricDimension[];
  busy: boolean;
  error: string | null;
  onSubmit: (scores: Record<string, number>, reflection: string) => void;
}) {
  const [draft, setDraft] = useState<ScoreDraft>(() => readScoreDraft(attemptId));
  const [missing, setMissing] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    try {
      defaultStorage().setItem(draftName(attemptId), JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the form still works, it just won't survive a reload.
    }
  }, [attemptId, draft]);

  const scored = dimensions.filter((d) => draft.scores[d.id] !== undefined).length;

  const setScore = (dimensionId: string, score: number) => {
    setDraft((previous) => ({ ...previous, scores: { ...previous.scores, [dimensionId]: score } }));
    setMissing((previous) => previous.filter((id) => id !== dimensionId));
  };

  return (
    <form
      ref={formRef}
      className="pr-score-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const unscored = dimensions.filter((d) => draft.scores[d.id] === undefined).map((d) => d.id);
        setMissing(unscored);
        if (unscored.length > 0) {
          formRef.current?.querySelector<HTMLInputElement>(`input[name="score-${unscored[0]}"]`)?.focus();
          return;
        }
        const scores = Object.fromEntries(dimensions.map((d) => [d.id, draft.scores[d.id] as number]));
        onSubmit(scores, draft.reflection);
      }}
    >
      {dimensions.map((dimension, index) => (
        <DimensionField
          key={dimension.id}
          dimension={dimension}
          number={index + 1}
          value={draft.scores[dimension.id]}
          invalid={missing.includes(dimension.id)}
          onChange={(score) => setScore(dimension.id, score)}
        />
      ))}

      <Field
        label={
          <>
            Reflection <span className="pr-score-form__optional">(optional)</span>
          </>
        }
        className="pr-score-form__reflection"
        hint="What would you do differently next time? A sentence or two is enough; it appears in your history and export."
      >
        {(control) => (
          <textarea
            {...control}
            className="input pr-score-form__textarea"
            rows={4}
            maxLength={REFLECTION_MAX_CHARS}
            value={draft.reflection}
            onChange={(event) => setDraft((previous) => ({ ...previous, reflection: event.target.value }))}
          />
        )}
      </Field>

      {missing.length > 0 ? (
        <p className="pr-score-form__error" role="alert">
          Score every dimension first; still to score:{" "}
          {formatList(missing.map((id) => dimensions.find((d) => d.id === id)?.name ?? id))}.
        </p>
      ) : null}
      {error ? (
        <p className="pr-score-form__error" role="alert">
          Couldn’t save your scores: {error}
        </p>
      ) : null}

      <div className="pr-score-form__actions">
        <button type="submit" className={buttonClass("primary")} disabled={busy}>
          {busy ? "Saving…" : "Save my scores and show the review"}
        </button>
        <p className="pr-score-form__progress">
          {formatNumber(scored)} of {formatNumber(dimensions.length)} dimensions scored
        </p>
      </div>
    </form>
  );
}

function DimensionField({
  dimension,
  number,
  value,
  invalid,
  onChange,
}: {
  dimension: RubricDimension;
  number: number;
  value: number | undefined;
  invalid: boolean;
  onChange: (score: number) => void;
}) {
  const descriptionId = useId();
  const name = `score-${dimension.id}`;
  return (
    <fieldset
      className="pr-score-dim"
      aria-describedby={descriptionId}
      aria-invalid={invalid || undefined}
      data-invalid={invalid ? "true" : undefined}
    >
      <legend className="pr-score-dim__legend">
        <span className="pr-score-dim__number" aria-hidden="true">
          {number}
        </span>
        {dimension.name}
      </legend>
      <p id={descriptionId} className="pr-score-dim__description">
        {dimension.description}
      </p>
      <div className="pr-score-dim__options">
        {RUBRIC_SCORES.map((score) => {
          const anchor = dimension.anchors[String(score) as keyof typeof dimension.anchors];
          return (
            <label
              key={score}
              className="pr-score-option"
              data-checked={value === score ? "true" : undefined}
            >
              <input
                type="radio"
                className="pr-score-option__input"
                name={name}
                value={score}
                checked={value === score}
                onChange={() => onChange(score)}
              />
              <span className="pr-score-option__score">
                <span className="pr-score-option__number">{score}</span>
                <span className="visually-hidden"> of {RUBRIC_MAX}: </span>
              </span>
              <span className="pr-score-option__anchor">{anchor}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
