import { COMPETENCIES, COMPETENCY_LABELS } from "@loopwright/schema";
import { useId, useState } from "react";
import { Link } from "react-router";
import { buttonClass } from "../../../../ui/button";
import { FieldGroup } from "../../../../ui/FieldGroup";
import { TextField } from "../../../../ui/TextField";
import type { RoundDraft } from "../../lib/loop-draft";
import type { useQuestionsByCompetency } from "../../lib/useQuestionCatalog";
import { ChipCheckbox, ChipSet } from "../Chip";
import "./RoundEditor.css";

export function RoundEditor({
  round,
  index,
  count,
  errors,
  catalog,
  onChange,
  onMove,
  onRemove,
}: {
  round: RoundDraft;
  index: number;
  count: number;
  errors: Record<string, string>;
  catalog: ReturnType<typeof useQuestionsByCompetency>;
  onChange: (change: Partial<RoundDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const headingId = useId();
  const compError = errors[`rounds.${index}.competencies`];
  const pickerId = useId();
  const label = round.name.trim() || `Round ${index + 1}`;
  const [pick, setPick] = useState("");

  return (
    <li className="loop-round" aria-labelledby={headingId} data-testid="loop-round">
      <div className="loop-round__head">
        <h2 id={headingId} className="loop-round__title">
          <span className="loop-round__number" aria-hidden="true">
            {index + 1}
          </span>
          {label}
        </h2>
        <div className="loop-round__tools">
          <button
            type="button"
            className={buttonClass("quiet", { size: "small" })}
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={`Move ${label} up`}
          >
            ↑
          </button>
          <button
            type="button"
            className={buttonClass("quiet", { size: "small" })}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move ${label} down`}
          >
            ↓
          </button>
          <button
            type="button"
            className={buttonClass("quiet", { size: "small" })}
            disabled={count === 1}
            onClick={onRemove}
            aria-label={`Remove ${label}`}
          >
            Remove
          </button>
        </div>
      </div>

      <div className="loop-round__fields">
        <TextField
          label="Round name"
          error={errors[`rounds.${index}.name`]}
          className="loop-round__name"
          value={round.name}
          maxLength={200}
          placeholder="e.g. Org design"
          autoComplete="off"
          onValueChange={(name) => onChange({ name })}
        />
        <TextField
          label="Minutes"
          error={errors[`rounds.${index}.durationMinutes`]}
          className="loop-round__minutes"
          type="number"
          inputMode="numeric"
          min={10}
          max={180}
          step={5}
          value={round.duration}
          onValueChange={(duration) => onChange({ duration })}
        />
      </div>

      <FieldGroup legend="Competencies assessed" className="loop-round__comps" error={compError}>
        <ChipSet>
          {COMPETENCIES.map((c) => (
            <ChipCheckbox
              key={c}
              checked={round.competencies.includes(c)}
              onChange={(on) =>
                onChange({
                  competencies: on ? [...round.competencies, c] : round.competencies.filter((x) => x !== c),
                })
              }
            >
              {COMPETENCY_LABELS[c]}
            </ChipCheckbox>
          ))}
        </ChipSet>
      </FieldGroup>

      <div className="loop-round__questions">
        {round.competencies.length === 0 ? (
          <p className="field__label">
            Questions from the bank <span className="muted">(optional)</span>
          </p>
        ) : (
          <label htmlFor={pickerId} className="field__label">
            Questions from the bank <span className="muted">(optional)</span>
          </label>
        )}
        {round.questionIds.length > 0 ? (
          <ul className="loop-round__chosen">
            {round.questionIds.map((id) => (
              <li key={id} className="picked">
                <Link to={`/questions/${id}`} target="_blank" rel="noreferrer" className="picked__title">
                  {catalog.title(id) ?? id}
                </Link>
                <button
                  type="button"
                  className="picked__remove"
                  aria-label={`Remove ${catalog.title(id) ?? id}`}
                  onClick={() => onChange({ questionIds: round.questionIds.filter((q) => q !== id) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {round.competencies.length === 0 ? (
          <p className="hint">Tick a competency to pick questions for it.</p>
        ) : (
          <div className="select">
            <select
              id={pickerId}
              value={pick}
              onChange={(e) => {
                const id = e.target.value;
                if (id && !round.questionIds.includes(id))
                  onChange({ questionIds: [...round.questionIds, id] });
                setPick("");
              }}
            >
              <option value="">Add a question…</option>
              {COMPETENCIES.filter((c) => round.competencies.includes(c)).map((c) => {
                const entry = catalog.entries.get(c);
                return (
                  <optgroup key={c} label={COMPETENCY_LABELS[c]}>
                    {entry?.status === "ready" ? (
                      entry.questions
                        .filter((q) => !round.questionIds.includes(q.id))
                        .map((q) => (
                          <option key={q.id} value={q.id}>
                            {q.title}
                          </option>
                        ))
                    ) : (
                      <option disabled value={`loading-${c}`}>
                        {entry?.status === "error" ? "Could not load questions" : "Loading…"}
                      </option>
                    )}
                  </optgroup>
                );
              })}
            </select>
          </div>
        )}
      </div>
    </li>
  );
}
