import { REFLECTION_MAX_CHARS, type RubricDimension } from "@loopwright/schema";
import { useEffect, useRef, useState } from "react";
import { formatList, formatNumber } from "../../../lib/format";
import { Alert } from "../../../ui/Alert";
import { AnchoredScore } from "../../../ui/AnchoredScore";
import { buttonClass } from "../../../ui/button";
import { Field } from "../../../ui/Field";
import { defaultStorage } from "../lib/identity";
import "./SelfScoreForm.css";

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
      {dimensions.map((dimension, index) => {
        const invalid = missing.includes(dimension.id);
        return (
          <div key={dimension.id} className="pr-score-dim" data-invalid={invalid ? "true" : undefined}>
            <AnchoredScore
              dimension={dimension}
              layout="rows"
              number={index + 1}
              name={`score-${dimension.id}`}
              value={draft.scores[dimension.id]}
              invalid={invalid}
              onChange={(score) => setScore(dimension.id, score)}
            />
          </div>
        );
      })}

      <Field
        label={
          <>
            Reflection <span className="muted">(optional)</span>
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
        <Alert className="pr-score-form__error">
          Score every dimension first; still to score:{" "}
          {formatList(missing.map((id) => dimensions.find((d) => d.id === id)?.name ?? id))}.
        </Alert>
      ) : null}
      {error ? <Alert className="pr-score-form__error">Couldn’t save your scores: {error}</Alert> : null}

      <div className="pr-score-form__actions">
        <button type="submit" className={buttonClass("primary")} disabled={busy}>
          {busy ? "Saving…" : "Save my scores and show the review"}
        </button>
        <p className="hint">
          {formatNumber(scored)} of {formatNumber(dimensions.length)} dimensions scored
        </p>
      </div>
    </form>
  );
}
