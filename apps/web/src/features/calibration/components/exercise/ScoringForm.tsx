import type { Exercise, Question } from "@loopwright/schema";
import { useCallback, useEffect, useRef, useState } from "react";
import { AutosaveQueue, useAutosave } from "../../../../lib/autosave";
import { toParagraphs } from "../../../../lib/format";
import { Alert } from "../../../../ui/Alert";
import { buttonClass } from "../../../../ui/button";
import { ConfirmDialog } from "../../../../ui/ConfirmDialog";
import { SaveStatus } from "../../../../ui/SaveStatus";
import {
  completion,
  type Draft,
  draftEntries,
  draftFromScores,
  draftKey,
  requiredPairs,
  updateDraft,
} from "../../lib/scoring";
import { useWorkspace } from "../../workspace/context";
import { useSignInGuard } from "../../workspace/useSignInGuard";
import { ProgressBar } from "../ProgressBar";
import { DimensionScore, fieldsetId } from "./DimensionScore";
import "./ScoringForm.css";

/* ───────── Interviewer: blind scoring ───────── */

export function ScoringForm({
  exercise,
  questions,
  onSaved,
}: {
  exercise: Exercise;
  questions: Map<string, Question>;
  onSaved: (exercise: Exercise) => void;
}) {
  const { api } = useWorkspace();
  const guard = useSignInGuard();
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  /** Saves run one after another, so an older save never lands after a newer one. */
  const send = useCallback(
    (toSend: Draft, submit: boolean) => {
      const run = () =>
        guard(api.saveScores(exercise.id, { round: exercise.round, scores: draftEntries(toSend), submit }));
      const result = queue.current.then(run, run);
      queue.current = result.catch(() => undefined);
      return result;
    },
    [api, exercise.id, exercise.round, guard],
  );
  const latest = useRef({ send, onSaved });
  latest.current = { send, onSaved };

  // The shared autosave; the revision is only this page's count of changes (the server keeps one draft).
  const { queue: autosave, snapshot } = useAutosave(
    () =>
      new AutosaveQueue<Draft>({
        server: { value: draftFromScores(exercise.myScores), revision: exercise.myScores.length > 0 ? 1 : 0 },
        send: async ({ value, revision }) => {
          latest.current.onSaved(await latest.current.send(value, false));
          return { applied: true, revision, savedAt: new Date().toISOString() };
        },
        isOnline: () => navigator.onLine,
      }),
  );
  const draft = snapshot.value;

  const required = requiredPairs(exercise.items, (id) =>
    questions.get(id)?.rubric.dimensions.map((d) => d.id),
  );
  const done = completion(draft, required);

  const change = (itemId: string, dimension: string, patch: { score?: number; comment?: string }) => {
    autosave.edit(updateDraft(autosave.getSnapshot().value, itemId, dimension, patch));
  };

  /** Shows one answer at a time; `focus` says where keyboard focus should land once it renders. */
  const [current, setCurrent] = useState(0);
  const [, setFocusRequests] = useState(0);
  const pendingFocus = useRef<{ itemId: string; dimension?: string } | null>(null);
  const go = (index: number, target: { dimension?: string } = {}) => {
    const item = exercise.items[index];
    if (!item) return;
    pendingFocus.current = { itemId: item.id, ...target };
    setCurrent(index);
    // Re-render even when staying on the same answer, so the effect below moves focus.
    setFocusRequests((n) => n + 1);
  };
  // After every render: if a move was requested, focus its target once it is on screen.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target.dimension) {
      const el = document.getElementById(fieldsetId(target.itemId, target.dimension));
      el?.scrollIntoView({ block: "center" });
      el?.querySelector<HTMLInputElement>("input[type=radio]")?.focus({ preventScroll: true });
    } else {
      const heading = document.getElementById(`answer-${target.itemId}-title`);
      heading?.closest("article")?.scrollIntoView({ block: "start" });
      heading?.focus({ preventScroll: true });
    }
  });

  const trySubmit = () => {
    setSubmitError(null);
    if (done.missing.length > 0) {
      setShowMissing(true);
      const first = done.missing[0];
      if (first)
        go(
          exercise.items.findIndex((i) => i.id === first.itemId),
          { dimension: first.dimension },
        );
      return;
    }
    setConfirming(true);
  };

  const submit = async () => {
    const final = autosave.finalAnswer()?.value ?? autosave.getSnapshot().value;
    setSubmitting(true);
    setSubmitError(null);
    try {
      const next = await send(final, true);
      autosave.finish();
      setConfirming(false);
      onSaved(next);
    } catch (error) {
      setSubmitError(error instanceof Error ? error.message : String(error));
      autosave.flush(); // keep autosaving what is on screen
    } finally {
      setSubmitting(false);
    }
  };

  const perItem = (itemId: string) => {
    const pairs = required.filter((p) => p.itemId === itemId);
    return {
      scored: pairs.length - done.missing.filter((m) => m.itemId === itemId).length,
      total: pairs.length,
    };
  };

  const item = exercise.items[current] ?? exercise.items[0];
  const question = item ? questions.get(item.questionId) : undefined;
  return (
    <section className="scoring" aria-labelledby="scoring-title">
      <div className="scoring__intro">
        <h2 id="scoring-title" className="section__title">
          Your scores for round {exercise.round}
        </h2>
        <p className="section__lede">
          Read each answer and score every rubric dimension from its anchors, not from how the answer felt.
          Your choices save as you go. Nobody sees them until the round’s results are revealed; comments are
          shown to the panel with the results.
        </p>
      </div>

      <div className="scoring__layout">
        <nav className="scoring__nav" aria-label="Answers">
          <ol>
            {exercise.items.map((it, index) => {
              const p = perItem(it.id);
              const complete = p.total > 0 && p.scored === p.total;
              return (
                <li key={it.id}>
                  <button
                    type="button"
                    className={`scoring__nav-item${complete ? " is-complete" : ""}`}
                    aria-current={index === current ? "step" : undefined}
                    onClick={() => go(index)}
                  >
                    <span className="scoring__nav-label">{it.label}</span>
                    <span className="scoring__nav-count">
                      {complete ? (
                        <>
                          <span aria-hidden="true">✓</span>
                          <span className="visually-hidden">, complete</span>
                        </>
                      ) : (
                        <>
                          {p.scored}/{p.total}
                          <span className="visually-hidden"> scored</span>
                        </>
                      )}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>

        <div className="scoring__answers">
          {item && question ? (
            <article
              key={item.id}
              className="answer-card"
              aria-labelledby={`answer-${item.id}-title`}
              data-testid="answer-card"
            >
              <header className="answer-card__head">
                <p className="answer-card__step">
                  Answer {current + 1} of {exercise.items.length}
                </p>
                <h3 id={`answer-${item.id}-title`} className="answer-card__title" tabIndex={-1}>
                  {item.label}
                </h3>
                <p className="answer-card__question">Answering: {item.questionTitle}</p>
              </header>
              <details className="answer-card__prompt">
                <summary>The question as the candidate heard it</summary>
                <div className="prose">
                  {toParagraphs(question.prompt).map((p) => (
                    <p key={p}>{p}</p>
                  ))}
                </div>
              </details>
              <div className="answer-card__text prose prose--reading">
                {toParagraphs(item.text).map((p) => (
                  <p key={p}>{p}</p>
                ))}
              </div>
              <div className="answer-card__dims">
                {question.rubric.dimensions.map((dim) => (
                  <DimensionScore
                    key={dim.id}
                    itemId={item.id}
                    itemLabel={item.label}
                    dimension={dim}
                    entry={draft.get(draftKey(item.id, dim.id))}
                    missing={showMissing && !(draft.get(draftKey(item.id, dim.id))?.score ?? null)}
                    onChange={(patch) => change(item.id, dim.id, patch)}
                  />
                ))}
              </div>
              <div className="answer-card__pager">
                {current > 0 ? (
                  <button type="button" className={buttonClass("quiet")} onClick={() => go(current - 1)}>
                    ← {exercise.items[current - 1]?.label ?? ""}
                  </button>
                ) : (
                  <span />
                )}
                {current < exercise.items.length - 1 ? (
                  <button type="button" className={buttonClass("quiet")} onClick={() => go(current + 1)}>
                    Next: {exercise.items[current + 1]?.label ?? ""} →
                  </button>
                ) : null}
              </div>
            </article>
          ) : null}
        </div>
      </div>

      <div className="submit-bar" data-testid="submit-bar">
        <div className="submit-bar__progress">
          <span className="submit-bar__count">
            {done.scored} of {done.required} scored
          </span>
          <ProgressBar
            className="submit-bar__meter"
            label="Dimensions scored"
            value={done.scored}
            max={done.required}
          />
          <SaveStatus
            status={snapshot.status}
            written={snapshot.revision > 0}
            showTime
            onRetry={() => autosave.online()}
          />
        </div>
        <button
          type="button"
          className={buttonClass("primary", { className: "submit-bar__submit" })}
          onClick={trySubmit}
        >
          Submit my scores
        </button>
      </div>
      {showMissing && done.missing.length > 0 ? (
        <Alert tone="error">
          Score every dimension of every answer before submitting: {done.missing.length} still{" "}
          {done.missing.length === 1 ? "needs" : "need"} a score. They are marked above.
        </Alert>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title="Submit your scores?"
        confirmLabel="Submit scores"
        busy={submitting}
        error={submitError}
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
      >
        <p>
          All {done.required} scores for round {exercise.round} are final once submitted; you cannot change
          them afterwards. Results appear when the whole panel has submitted or the admin reveals them.
        </p>
      </ConfirmDialog>
    </section>
  );
}
