import { type Exercise, type Question, RUBRIC_SCORES, type RubricDimension } from "@loopwright/schema";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorState, Loading } from "../../../components/Status";
import { AutosaveQueue, useAutosave } from "../../../lib/autosave";
import { formatCount, toParagraphs } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { Breadcrumb } from "../../../ui/Breadcrumb";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { SaveStatus } from "../../../ui/SaveStatus";
import {
  completion,
  type Draft,
  draftEntries,
  draftFromScores,
  draftKey,
  requiredPairs,
  updateDraft,
} from "../lib/scoring";
import { useQuestions } from "../lib/useQuestions";
import { useWorkspace, workspacePath } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";
import "../../../ui/table.css";

/** Progress and reveals come from other people: how often an open exercise asks for them. */
const POLL_MS = 5_000;

export function ExercisePage() {
  const { exerciseId = "" } = useParams();
  const { api, keys, view, isAdmin } = useWorkspace();
  const guard = useSignInGuard();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: keys.exercise(exerciseId),
    queryFn: ({ signal }) => guard(api.getExercise(exerciseId, signal)),
    // Polled once it has loaded, while the tab is in view; coming back to the tab catches up at once.
    refetchInterval: (current) => (current.state.data ? POLL_MS : false),
    refetchOnWindowFocus: true,
  });
  const exercise = query.data ?? null;
  const loadError = query.error;
  const applyChange = useCallback(
    (next: Exercise) => {
      // A poll that started before this change must not land after it and undo it.
      void queryClient.cancelQueries({ queryKey: keys.exercise(exerciseId), exact: true });
      queryClient.setQueryData(keys.exercise(exerciseId), next);
      // What the change moves elsewhere: the results (a reveal, a new round) and the dashboard's progress.
      void queryClient.invalidateQueries({ queryKey: keys.exerciseResults(exerciseId) });
      void queryClient.invalidateQueries({ queryKey: keys.exercises });
    },
    [queryClient, keys, exerciseId],
  );

  const questions = useQuestions(exercise?.items.map((i) => i.questionId) ?? []);
  useDocumentTitle(exercise ? exercise.name : "Calibration exercise");

  const crumbs = [{ to: workspacePath(view.workspace.id), label: view.workspace.name }];
  if (!exercise) {
    return (
      <div className="container cal-page">
        <Breadcrumb trail={crumbs} />
        {loadError ? (
          <ErrorState
            title="This exercise could not be loaded"
            error={loadError}
            onRetry={() => void query.refetch()}
          >
            <Link to={workspacePath(view.workspace.id)} className="button button--quiet">
              Back to the workspace
            </Link>
          </ErrorState>
        ) : (
          <Loading label="Loading the exercise">
            <span className="skeleton skeleton--heading" />
            <span className="skeleton" />
            <span className="skeleton skeleton--short" />
          </Loading>
        )}
      </div>
    );
  }

  const submitted = exercise.progress.filter((p) => p.submitted).length;
  const resultsPath = workspacePath(view.workspace.id, `/exercises/${exercise.id}/results`);

  return (
    <div className="container cal-page">
      <Breadcrumb trail={crumbs} />
      <header className="cal-page-header">
        <p className="eyebrow">
          Calibration exercise <span className="badge">Round {exercise.round}</span>
        </p>
        <h1 className="page-title">{exercise.name}</h1>
        <p className="cal-status-line" data-testid="exercise-status">
          {formatCount(exercise.items.length, "answer")} · {submitted} of{" "}
          {formatCount(exercise.progress.length, "interviewer")} submitted ·{" "}
          {exercise.revealed ? <strong>Results revealed</strong> : "Scores hidden until revealed"}
        </p>
      </header>

      {exercise.revealed ? (
        <div className="cal-banner cal-banner--accent" data-testid="results-ready">
          <div>
            <p className="cal-banner__title">Round {exercise.round} results are in</p>
            <p>Agreement per dimension, each interviewer’s severity and the answers that split the panel.</p>
          </div>
          <Link to={resultsPath} className="button button--primary">
            See the results
          </Link>
        </div>
      ) : exercise.round > 1 ? (
        <div className="cal-banner">
          <div>
            <p className="cal-banner__title">Re-score round {exercise.round} is open</p>
            <p>Earlier rounds’ results stay available for the discussion.</p>
          </div>
          <Link to={resultsPath} className="button button--quiet">
            Earlier results
          </Link>
        </div>
      ) : null}

      {isAdmin ? <AdminPanel exercise={exercise} onChange={applyChange} /> : null}

      {questions.status === "error" ? (
        <ErrorState
          title="The rubrics could not be loaded"
          error={questions.error}
          onRetry={questions.retry}
        />
      ) : !questions.data ? (
        <Loading label="Loading the rubrics">
          <span className="skeleton" />
        </Loading>
      ) : exercise.invited ? (
        exercise.mySubmitted ? (
          <SubmittedPanel exercise={exercise} questions={questions.data} />
        ) : exercise.revealed ? (
          <div className="cal-card">
            <h2 className="cal-card__title">Scoring for round {exercise.round} has closed</h2>
            <p className="cal-card__lede">
              The admin revealed this round’s results before you submitted, so scores given now would no
              longer be blind. If the panel re-scores, a new round opens here.
            </p>
          </div>
        ) : (
          <ScoringForm
            key={exercise.round}
            exercise={exercise}
            questions={questions.data}
            onSaved={applyChange}
          />
        )
      ) : (
        <AnswersPreview exercise={exercise} questions={questions.data} />
      )}
    </div>
  );
}

/* ───────── Admin: progress, reveal, re-score ───────── */

function AdminPanel({ exercise, onChange }: { exercise: Exercise; onChange: (e: Exercise) => void }) {
  const { api } = useWorkspace();
  const guard = useSignInGuard();
  const [action, setAction] = useState<"reveal" | "rescore" | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submitted = exercise.progress.filter((p) => p.submitted).length;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const next =
        action === "reveal"
          ? await guard(api.reveal(exercise.id))
          : await guard(api.openRescore(exercise.id));
      onChange(next);
      setAction(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cal-card admin-panel" aria-labelledby="progress-title">
      <div className="admin-panel__head">
        <div>
          <h2 id="progress-title" className="cal-card__title">
            Who has finished round {exercise.round}
          </h2>
          <p className="cal-card__lede">
            Everyone sees who has submitted; nobody sees anyone else’s scores until results are revealed.
            Results reveal themselves once the whole panel has submitted.
          </p>
        </div>
        <div className="cal-actions">
          {exercise.revealed ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setError(null);
                setAction("rescore");
              }}
            >
              Open a re-score round
            </button>
          ) : (
            <button
              type="button"
              className="button button--quiet"
              disabled={submitted < 2}
              aria-describedby={submitted < 2 ? "reveal-hint" : undefined}
              onClick={() => {
                setError(null);
                setAction("reveal");
              }}
            >
              Reveal results now
            </button>
          )}
        </div>
      </div>
      {!exercise.revealed && submitted < 2 ? (
        <p id="reveal-hint" className="cal-hint">
          You can reveal early once at least two interviewers have submitted.
        </p>
      ) : null}
      <ul className="progress-list">
        {exercise.progress.map((p) => {
          const pct = p.required ? Math.round((p.scored / p.required) * 100) : 0;
          return (
            <li key={p.memberId} className="progress-item" data-testid="progress-item">
              <span className="progress-item__name">{p.name}</span>
              <span className="progress-item__bar">
                <span
                  className="cal-progress"
                  role="progressbar"
                  aria-label={`${p.name}: dimensions scored`}
                  aria-valuemin={0}
                  aria-valuemax={p.required}
                  aria-valuenow={p.scored}
                >
                  <span className="cal-progress__bar" style={{ width: `${pct}%` }} />
                </span>
                <span className="progress-item__count">
                  {p.scored} of {p.required} scored
                </span>
              </span>
              <span className={`badge${p.submitted ? " badge--accent" : ""}`}>
                {p.submitted ? "Submitted" : p.scored > 0 ? "Scoring" : "Not started"}
              </span>
            </li>
          );
        })}
      </ul>

      <ConfirmDialog
        open={action === "reveal"}
        title={`Reveal round ${exercise.round} results now?`}
        confirmLabel="Reveal results"
        busy={busy}
        error={error}
        onConfirm={run}
        onCancel={() => setAction(null)}
      >
        <p>
          {submitted} of {formatCount(exercise.progress.length, "interviewer")} have submitted. Their scores
          are analysed and shown to the panel. Anyone who has not submitted can no longer score this round
          blind.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={action === "rescore"}
        title={`Open re-score round ${exercise.round + 1}?`}
        confirmLabel="Open re-score round"
        busy={busy}
        error={error}
        onConfirm={run}
        onCancel={() => setAction(null)}
      >
        <p>
          Do this after the panel has discussed round {exercise.round}. Everyone scores the same answers
          again, blind, starting from blank. Round {exercise.round}’s results stay visible, and the results
          page compares the rounds to show whether the bar converged.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/* ───────── Interviewer: blind scoring ───────── */

function ScoringForm({
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
  const shortLabel = (label: string) => label.split(":")[0] ?? label;

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
                    <span className="scoring__nav-label">{shortLabel(it.label)}</span>
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
                    itemLabel={shortLabel(item.label)}
                    dimension={dim}
                    entry={draft.get(draftKey(item.id, dim.id))}
                    missing={showMissing && !(draft.get(draftKey(item.id, dim.id))?.score ?? null)}
                    onChange={(patch) => change(item.id, dim.id, patch)}
                  />
                ))}
              </div>
              <div className="answer-card__pager">
                {current > 0 ? (
                  <button type="button" className="button button--quiet" onClick={() => go(current - 1)}>
                    ← {shortLabel(exercise.items[current - 1]?.label ?? "")}
                  </button>
                ) : (
                  <span />
                )}
                {current < exercise.items.length - 1 ? (
                  <button type="button" className="button button--quiet" onClick={() => go(current + 1)}>
                    Next: {shortLabel(exercise.items[current + 1]?.label ?? "")} →
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
          <span
            className="cal-progress submit-bar__meter"
            role="progressbar"
            aria-label="Dimensions scored"
            aria-valuemin={0}
            aria-valuemax={done.required}
            aria-valuenow={done.scored}
          >
            <span
              className="cal-progress__bar"
              style={{ width: `${done.required ? (done.scored / done.required) * 100 : 0}%` }}
            />
          </span>
          <SaveStatus
            status={snapshot.status}
            written={snapshot.revision > 0}
            showTime
            onRetry={() => autosave.online()}
          />
        </div>
        <button type="button" className="button button--primary" onClick={trySubmit}>
          Submit my scores
        </button>
      </div>
      {showMissing && done.missing.length > 0 ? (
        <p className="cal-form-error submit-bar__missing" role="alert">
          Score every dimension of every answer before submitting: {done.missing.length} still{" "}
          {done.missing.length === 1 ? "needs" : "need"} a score. They are marked above.
        </p>
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

const fieldsetId = (itemId: string, dimension: string) => `score-${itemId}-${dimension}`;

function DimensionScore({
  itemId,
  itemLabel,
  dimension,
  entry,
  missing,
  onChange,
}: {
  itemId: string;
  itemLabel: string;
  dimension: RubricDimension;
  entry: { score: number | null; comment: string } | undefined;
  missing: boolean;
  onChange: (patch: { score?: number; comment?: string }) => void;
}) {
  const descId = useId();
  const commentId = useId();
  const score = entry?.score ?? null;
  return (
    <fieldset
      id={fieldsetId(itemId, dimension.id)}
      className={`dim-score${missing ? " dim-score--missing" : ""}${score !== null ? " dim-score--done" : ""}`}
      aria-describedby={descId}
    >
      <legend className="dim-score__legend">
        <span className="dim-score__name">{dimension.name}</span>
        <span className="visually-hidden"> — {itemLabel}</span>
        {missing ? <span className="dim-score__flag">Needs a score</span> : null}
      </legend>
      <p id={descId} className="dim-score__desc">
        {dimension.description}
      </p>
      <div className="anchor-choices">
        {RUBRIC_SCORES.map((n) => (
          <label key={n} className={`anchor-choice${score === n ? " anchor-choice--on" : ""}`}>
            <input
              type="radio"
              className="anchor-choice__input"
              name={`${itemId}:${dimension.id}`}
              value={n}
              checked={score === n}
              onChange={() => onChange({ score: n })}
            />
            <span className="anchor-choice__num">{n}</span>
            <span className="anchor-choice__text">
              {dimension.anchors[String(n) as keyof typeof dimension.anchors]}
            </span>
          </label>
        ))}
      </div>
      <div className="dim-score__comment">
        <label htmlFor={commentId} className="dim-score__comment-label">
          Comment <span className="cal-muted">(optional, shown with the results)</span>
        </label>
        <textarea
          id={commentId}
          className="input cal-textarea cal-textarea--small"
          rows={2}
          maxLength={2000}
          value={entry?.comment ?? ""}
          placeholder={score === null ? "Saved once you choose a score" : "What evidence decided your score?"}
          onChange={(e) => onChange({ comment: e.target.value })}
        />
      </div>
    </fieldset>
  );
}

function SubmittedPanel({ exercise, questions }: { exercise: Exercise; questions: Map<string, Question> }) {
  const { view } = useWorkspace();
  const heading = useRef<HTMLHeadingElement>(null);
  const waiting = exercise.progress.filter((p) => !p.submitted).length;
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const dimName = (questionId: string, id: string) =>
    questions.get(questionId)?.rubric.dimensions.find((d) => d.id === id)?.name ?? id;
  return (
    <section
      className="cal-card cal-card--accent submitted"
      aria-labelledby="submitted-title"
      data-testid="submitted"
    >
      <h2 id="submitted-title" className="cal-card__title" tabIndex={-1} ref={heading}>
        You submitted your round {exercise.round} scores
      </h2>
      <p className="cal-card__lede">
        {exercise.revealed ? (
          <>
            Results are revealed.{" "}
            <Link to={workspacePath(view.workspace.id, `/exercises/${exercise.id}/results`)}>
              See how the panel scored
            </Link>
            .
          </>
        ) : (
          <>
            Waiting for {formatCount(waiting, "more interviewer", "more interviewers")}. Results appear here
            when the whole panel has submitted or the admin reveals them; this page checks by itself.
          </>
        )}
      </p>
      <details className="submitted__mine">
        <summary>Your scores</summary>
        <table className="ui-table">
          <thead>
            <tr>
              <th scope="col">Answer</th>
              <th scope="col">Dimension</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {exercise.myScores.map((s) => {
              const item = exercise.items.find((i) => i.id === s.itemId);
              return (
                <tr key={`${s.itemId}-${s.dimension}`}>
                  <td>{item?.label.split(":")[0]}</td>
                  <td>{item ? dimName(item.questionId, s.dimension) : s.dimension}</td>
                  <td className="ui-num">{s.score}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function AnswersPreview({ exercise, questions }: { exercise: Exercise; questions: Map<string, Question> }) {
  return (
    <section className="cal-section" aria-labelledby="answers-preview-title">
      <h2 id="answers-preview-title" className="section__title">
        The answers
      </h2>
      <p className="section__lede">
        You are not on this panel, so you read the answers rather than score them. The panel sees exactly
        these labels.
      </p>
      <div className="answers-preview">
        {exercise.items.map((item) => (
          <details key={item.id} className="answer-preview">
            <summary>
              <span className="answer-preview__label">{item.label}</span>
              <span className="answer-preview__question">{item.questionTitle}</span>
            </summary>
            <div className="prose prose--reading answer-preview__text">
              {toParagraphs(item.text).map((p) => (
                <p key={p}>{p}</p>
              ))}
            </div>
            <p className="cal-hint">
              Scored on{" "}
              {questions
                .get(item.questionId)
                ?.rubric.dimensions.map((d) => d.name)
                .join(", ")}
              .
            </p>
          </details>
        ))}
      </div>
    </section>
  );
}
