import { COMPETENCY_LABELS, type QuestionSummary } from "@loopwright/schema";
import { type ReactNode, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import { formatCount, formatMinutes } from "../../../../lib/format";
import { buttonClass } from "../../../../ui/button";
import { FieldGroup } from "../../../../ui/FieldGroup";
import { Empty } from "../Empty";
import "./QuestionPicker.css";
import { searchQuestions } from "../../lib/question-search";

/** A line under a picker: what is chosen, or what the mini loop holds, with its actions at the end. */
export function PickerBar({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <div className="ps-picker__bar" data-testid={testId}>
      {children}
    </div>
  );
}

export function QuestionPicker({
  questions,
  loading,
  value,
  onChange,
  error,
  exclude = [],
  label = "Question",
  testId,
  onRemove,
}: {
  questions: QuestionSummary[];
  loading: boolean;
  value: string | null;
  onChange: (id: string) => void;
  error: string | undefined;
  /** Questions chosen elsewhere in the mini loop: a loop never asks the same question twice. */
  exclude?: string[];
  label?: string;
  testId?: string;
  /** Follow-up questions of a mini loop can be removed. */
  onRemove?: () => void;
}) {
  const searchId = useId();
  const radioName = useId();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const listRef = useRef<HTMLDivElement>(null);
  const selected = questions.find((q) => q.id === value) ?? null;
  const [browsing, setBrowsing] = useState(value === null);

  useEffect(() => {
    if (!loading && value !== null && !questions.some((q) => q.id === value)) setBrowsing(true);
  }, [loading, value, questions]);

  const filtered = useMemo(() => {
    const open = questions.filter((q) => !exclude.includes(q.id));
    return searchQuestions(open, deferred);
  }, [questions, deferred, exclude]);

  if (selected && !browsing) {
    return (
      <div className="ps-picked" data-testid={testId ?? "picked-question"}>
        <p className="field__label">{label}</p>
        <div className="ps-picked__card">
          <div>
            <p className="ps-picked__title">{selected.title}</p>
            <p className="ps-picked__meta">
              {COMPETENCY_LABELS[selected.competency]} · {formatMinutes(selected.durationMinutes)}
            </p>
          </div>
          <div className="ps-picker__actions">
            <button type="button" className={buttonClass("quiet")} onClick={() => setBrowsing(true)}>
              Change
            </button>
            {onRemove ? (
              <button
                type="button"
                className={buttonClass("quiet")}
                onClick={onRemove}
                aria-label={`Remove ${label.toLowerCase()}`}
              >
                Remove
              </button>
            ) : null}
          </div>
        </div>
      </div>
    );
  }

  return (
    <FieldGroup legend={label} className="ps-picker" testId={testId} error={error}>
      <div className="ps-picker__search">
        <label htmlFor={searchId} className="visually-hidden">
          {testId ? `Search questions for ${label.toLowerCase()}` : "Search questions"}
        </label>
        <input
          id={searchId}
          type="search"
          className="input"
          placeholder="Search by title, topic or competency"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") {
              event.preventDefault();
              listRef.current?.querySelector<HTMLInputElement>("input:checked, input")?.focus();
            }
          }}
        />
        <p className="hint" role="status" aria-live="polite">
          {loading
            ? "Loading the bank…"
            : `${filtered.length} of ${formatCount(questions.length, "question")}`}
        </p>
      </div>
      <div className="ps-picker__list" ref={listRef} data-testid="question-options">
        {filtered.map((q) => (
          <label key={q.id} className="ps-option" data-selected={q.id === value ? "true" : undefined}>
            <input
              type="radio"
              name={radioName}
              value={q.id}
              checked={q.id === value}
              onChange={() => onChange(q.id)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  setBrowsing(false);
                }
              }}
            />
            <span className="ps-option__text">
              <span className="ps-option__title">{q.title}</span>
              <span className="ps-option__meta">
                {COMPETENCY_LABELS[q.competency]} · {formatMinutes(q.durationMinutes)}
              </span>
            </span>
          </label>
        ))}
        {!loading && filtered.length === 0 ? (
          <Empty className="ps-picker__empty">No question matches “{query}”.</Empty>
        ) : null}
      </div>
      {selected || onRemove ? (
        <PickerBar>
          <span>
            {selected ? (
              <>
                Selected: <strong>{selected.title}</strong>
              </>
            ) : (
              "Pick the question to ask next."
            )}
          </span>
          <span className="ps-picker__actions">
            {onRemove ? (
              <button
                type="button"
                className={buttonClass("quiet", { size: "small" })}
                onClick={onRemove}
                aria-label={`Remove ${label.toLowerCase()}`}
              >
                Remove
              </button>
            ) : null}
            {selected ? (
              <button
                type="button"
                className={buttonClass("quiet", { size: "small" })}
                onClick={() => setBrowsing(false)}
              >
                Done
              </button>
            ) : null}
          </span>
        </PickerBar>
      ) : null}
    </FieldGroup>
  );
}
