import { clockView } from "@loopwright/clock";
import { type Attempt, type AttemptStatus, COMPETENCY_LABELS, type Question } from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, type RefObject, useEffect, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { bankQueries } from "../../../api/bank-queries";
import { ApiRequestError } from "../../../api/client";
import { OnThisPage } from "../../../components/OnThisPage";
import { formatClock } from "../../../lib/clock-format";
import { formatCount, formatMinutes } from "../../../lib/format";
import { timerDisplay } from "../../../lib/phase-timer";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { useNow } from "../../../lib/useNow";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { type ClockAction, practiceApi, practiceQueries } from "../api";
import { AnswerPad } from "../components/AnswerPad";
import { Brief } from "../components/Brief";
import { PhaseTimesTable } from "../components/PhaseTimes";
import { PageSkeleton, PracticeError, WithPractitioner } from "../components/PracticeStates";
import { CoverageView, ExamplesList, ScoreComparison } from "../components/Review";
import { clearScoreDraft, SelfScoreForm } from "../components/SelfScoreForm";
import { TimerPanel } from "../components/TimerPanel";
import { clearDraft } from "../lib/autosave";
import { STATUS_LABELS } from "../lib/status";
import { formatDateTime } from "../lib/time";
import { draftStorage, useAnswerAutosave } from "../lib/useAutosave";
import { attemptPath } from "../lib/useStartAttempt";
import "../../../pages/NotFoundPage.css";
import "../practice.css";
import { Breadcrumb } from "../../../ui/Breadcrumb";

export function AttemptPage() {
  const { id = "" } = useParams();
  return (
    <WithPractitioner>
      {(key) => <AttemptLoader key={`${key}:${id}`} practitionerKey={key} id={id} />}
    </WithPractitioner>
  );
}

interface Loaded {
  attempt: Attempt;
  /** serverNow − local time at receipt: added to Date.now() to read the server's clock. */
  offset: number;
  question: Question;
}

function AttemptLoader({ practitionerKey, id }: { practitionerKey: string; id: string }) {
  const attempt = useQuery(practiceQueries.attempt(practitionerKey, id));
  const questionId = attempt.data?.attempt.questionId;
  const question = useQuery({ ...bankQueries.question(questionId ?? ""), enabled: questionId !== undefined });
  const loaded: Loaded | undefined =
    attempt.data && question.data ? { ...attempt.data, question: question.data } : undefined;
  const error = attempt.error ?? question.error;
  const retry = () => void (attempt.isError ? attempt.refetch() : question.refetch());

  const missing = error instanceof ApiRequestError && (error.status === 404 || error.status === 400);

  useDocumentTitle(
    loaded
      ? `Practice: ${loaded.question.title}`
      : missing
        ? "Attempt not found"
        : error
          ? "Attempt unavailable"
          : "Loading attempt",
  );

  if (loaded) {
    return <AttemptView initial={loaded} practitionerKey={practitionerKey} />;
  }
  if (missing) return <AttemptNotFound />;
  if (error) {
    return (
      <div className="container pr-page-status">
        <PracticeError title="This attempt could not be loaded" error={error} onRetry={retry}>
          <Link to="/practice" className="button button--quiet">
            Back to practice
          </Link>
        </PracticeError>
      </div>
    );
  }
  return (
    <div className="container pr-page-status">
      <PageSkeleton label="Loading the attempt" />
    </div>
  );
}

function AttemptNotFound() {
  return (
    <div className="container not-found" data-testid="attempt-not-found">
      <p className="eyebrow">404</p>
      <h1 className="page-title">Attempt not found</h1>
      <div className="not-found__body prose">
        <p>
          No attempt at this address belongs to the practice key on this device. It may have been deleted, or
          it was made on another device: open that device’s personal link in this browser to see its history
          here.
        </p>
      </div>
      <p className="not-found__actions">
        <Link to="/practice/history" className="button button--primary">
          Go to your history
        </Link>
        <Link to="/practice" className="button button--quiet">
          Start a practice
        </Link>
      </p>
    </div>
  );
}

function AttemptView({ initial, practitionerKey }: { initial: Loaded; practitionerKey: string }) {
  const { question } = initial;
  const [current, setCurrent] = useState({ attempt: initial.attempt, offset: initial.offset });
  const { attempt, offset } = current;
  const receive = (next: Attempt) => setCurrent({ attempt: next, offset: next.serverNow - Date.now() });

  // When the attempt moves on (submitted, scored), focus the heading of what comes next.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const previousStatus = useRef<AttemptStatus>(attempt.status);
  useEffect(() => {
    if (previousStatus.current !== attempt.status) {
      previousStatus.current = attempt.status;
      stepHeading.current?.focus();
      stepHeading.current?.scrollIntoView({ block: "start" });
    }
  }, [attempt.status]);

  // A draft only matters while the answer can change; one left behind by a submit elsewhere is clutter.
  useEffect(() => {
    if (attempt.status !== "active") clearDraft(draftStorage(), attempt.id);
  }, [attempt.status, attempt.id]);

  const round =
    attempt.loop && attempt.loopPosition !== null
      ? { number: attempt.loopPosition + 1, total: attempt.loop.rounds.length }
      : null;

  return (
    <article className="pr-attempt" aria-labelledby="attempt-title" data-status={attempt.status}>
      <header className="pr-attempt-header">
        <div className="container">
          <Breadcrumb
            trail={[
              { to: "/practice", label: "Practice" },
              { to: "/practice/history", label: "History" },
            ]}
          />
          <p className="eyebrow pr-attempt-header__eyebrow">
            <span>{COMPETENCY_LABELS[question.competency]}</span>
            {round ? (
              <span className="badge badge--accent" data-testid="round-label">
                Round {round.number} of {round.total}
              </span>
            ) : null}
            <span className="badge" data-status={attempt.status} data-testid="attempt-status">
              {STATUS_LABELS[attempt.status]}
            </span>
          </p>
          <h1 id="attempt-title" className="pr-attempt-header__title">
            {question.title}
          </h1>
          <p className="pr-attempt-header__meta">
            {formatMinutes(question.durationMinutes)} in {formatCount(question.phases.length, "phase")}
            <span aria-hidden="true"> · </span>
            Started {formatDateTime(attempt.createdAt)}
            {attempt.completedAt ? (
              <>
                <span aria-hidden="true"> · </span>Scored {formatDateTime(attempt.completedAt)}
              </>
            ) : null}
          </p>
        </div>
      </header>

      <div className="container pr-attempt__body">
        {attempt.loop ? <LoopBar attempt={attempt} practitionerKey={practitionerKey} /> : null}

        {attempt.status === "pending" ? (
          <PendingRound
            attempt={attempt}
            question={question}
            practitionerKey={practitionerKey}
            onStarted={receive}
          />
        ) : attempt.status === "active" ? (
          <ActiveAttempt
            key={attempt.id}
            attempt={attempt}
            offset={offset}
            question={question}
            practitionerKey={practitionerKey}
            onReceive={receive}
          />
        ) : attempt.status === "review" ? (
          <ScoreStep
            attempt={attempt}
            question={question}
            practitionerKey={practitionerKey}
            onReceive={receive}
            heading={stepHeading}
          />
        ) : (
          <CompletedReview attempt={attempt} question={question} heading={stepHeading} />
        )}
      </div>
    </article>
  );
}

/* ------------------------------------------------------------------ */
/* Mock loops                                                          */
/* ------------------------------------------------------------------ */

const ROUND_STATUS: Record<AttemptStatus, string> = {
  pending: "Not started",
  active: "In progress",
  review: "Submitted",
  completed: "Scored",
};

function LoopBar({ attempt, practitionerKey }: { attempt: Attempt; practitionerKey: string }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loop = attempt.loop;
  if (!loop) return null;
  const position = attempt.loopPosition ?? 0;
  const next = loop.rounds[position + 1];
  const handedIn = attempt.status === "review" || attempt.status === "completed";

  const startNext = async () => {
    if (!next) return;
    setBusy(true);
    setError(null);
    try {
      await practiceApi.beginRound(practitionerKey, next.attemptId);
      navigate(attemptPath(next.attemptId));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  };

  return (
    <nav className="pr-loop-bar" aria-label="Mock loop rounds" data-testid="loop-bar">
      <p className="pr-loop-bar__title">
        Mock loop <span className="pr-loop-bar__count">· {formatCount(loop.rounds.length, "round")}</span>
      </p>
      <ol className="pr-loop-bar__rounds">
        {loop.rounds.map((r, index) => {
          const here = r.attemptId === attempt.id;
          const body = (
            <>
              <span className="pr-loop-bar__number">Round {index + 1}</span>
              <span className="pr-loop-bar__name">{r.questionTitle}</span>
              <span className="pr-loop-bar__status">{here ? "This round" : ROUND_STATUS[r.status]}</span>
            </>
          );
          return (
            <li
              key={r.attemptId}
              className="pr-loop-bar__round"
              data-status={r.status}
              data-here={here || undefined}
            >
              {here ? (
                <span className="pr-loop-bar__link" aria-current="page">
                  {body}
                </span>
              ) : (
                <Link className="pr-loop-bar__link" to={attemptPath(r.attemptId)}>
                  {body}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      {handedIn && next ? (
        <div className="pr-loop-bar__next">
          {next.status === "pending" ? (
            <button type="button" className="button button--primary" onClick={startNext} disabled={busy}>
              {busy ? "Starting…" : `Start round ${position + 2}`}
            </button>
          ) : (
            <Link className="button button--primary" to={attemptPath(next.attemptId)}>
              Go to round {position + 2}
            </Link>
          )}
          <span className="pr-loop-bar__hint">
            {next.status === "pending"
              ? "Its clock starts as soon as you begin. Score this round whenever you like."
              : ROUND_STATUS[next.status]}
          </span>
        </div>
      ) : null}
      {error ? (
        <p className="pr-alert" role="alert">
          Couldn’t start the next round: {error}
        </p>
      ) : null}
    </nav>
  );
}

function PendingRound({
  attempt,
  question,
  practitionerKey,
  onStarted,
}: {
  attempt: Attempt;
  question: Question;
  practitionerKey: string;
  onStarted: (attempt: Attempt) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const position = attempt.loopPosition ?? 0;
  const earlier = attempt.loop?.rounds
    .slice(0, position)
    .find((r) => r.status === "pending" || r.status === "active");

  return (
    <section className="pr-pending-round" aria-labelledby="pending-title">
      <h2 id="pending-title" className="pr-section-title">
        Round {position + 1} is ready when you are
      </h2>
      <p className="pr-pending-round__text">
        {COMPETENCY_LABELS[question.competency]} · {formatMinutes(question.durationMinutes)} in{" "}
        {formatCount(question.phases.length, "phase")}: {question.phases.map((p) => p.name).join(", ")}. The
        prompt appears and the clock starts the moment you begin.
      </p>
      {earlier ? (
        <p className="pr-note">
          Finish the earlier round first:{" "}
          <Link to={attemptPath(earlier.attemptId)}>{earlier.questionTitle}</Link>.
        </p>
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              onStarted(await practiceApi.beginRound(practitionerKey, attempt.id));
            } catch (cause) {
              setError(cause instanceof Error ? cause.message : String(cause));
              setBusy(false);
            }
          }}
        >
          {busy ? "Starting…" : `Start round ${position + 1}`}
        </button>
      )}
      {error ? (
        <p className="pr-alert" role="alert">
          Couldn’t start this round: {error}
        </p>
      ) : null}
    </section>
  );
}

/* ------------------------------------------------------------------ */
/* Answering under the clock                                           */
/* ------------------------------------------------------------------ */

const ACTION_VERB: Record<ClockAction, string> = {
  pause: "pause",
  resume: "resume",
  advance: "move to the next phase",
};

function ActiveAttempt({
  attempt,
  offset,
  question,
  practitionerKey,
  onReceive,
}: {
  attempt: Attempt;
  offset: number;
  question: Question;
  practitionerKey: string;
  onReceive: (attempt: Attempt) => void;
}) {
  const { clock } = attempt;
  const running = clock.startedAt !== null && clock.pausedAt === null && clock.stoppedAt === null;
  const now = useNow({ ticking: running });
  const view = clockView(clock, now + offset);
  const display = timerDisplay(view);
  const goals = Object.fromEntries(question.phases.map((p) => [p.id, p.goal]));

  const { queue, snapshot } = useAnswerAutosave(practitionerKey, attempt.id, {
    text: attempt.answer.text,
    revision: attempt.answer.revision,
  });

  const [pendingAction, setPendingAction] = useState<ClockAction | null>(null);
  const [clockError, setClockError] = useState<string | null>(null);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  const act = async (action: ClockAction) => {
    setPendingAction(action);
    setClockError(null);
    try {
      onReceive(await practiceApi.clock(practitionerKey, attempt.id, action));
    } catch (cause) {
      setClockError(
        `Couldn’t ${ACTION_VERB[action]}: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    } finally {
      setPendingAction(null);
    }
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    // The final text travels in the submit itself, so it is saved atomically with it.
    const final = queue.finalAnswer();
    const answer = final && { text: final.value, revision: final.revision };
    try {
      const submitted = await practiceApi.submit(practitionerKey, attempt.id, answer);
      queue.finish();
      setSubmitOpen(false);
      onReceive(submitted);
    } catch (cause) {
      setSubmitError(cause instanceof Error ? cause.message : String(cause));
      setSubmitting(false);
      queue.flush(); // keep autosaving what is on screen
    }
  };

  const openSubmit = () => {
    setSubmitError(null);
    setSubmitOpen(true);
  };

  return (
    <>
      <div className="pr-attempt-layout">
        <div className="pr-attempt-layout__timer">
          <TimerPanel
            view={view}
            goals={goals}
            pendingAction={pendingAction}
            error={clockError}
            onAction={act}
          />
          {display.timeUp ? (
            <section className="pr-time-up" aria-labelledby="time-up-title" data-testid="time-up">
              <div>
                <h2 id="time-up-title" className="pr-time-up__title">
                  Planned time is up
                </h2>
                <p className="pr-time-up__text">
                  The clock keeps counting so you can see how far over you go
                  {display.over ? (
                    <>
                      {" "}
                      (<strong>{display.over}</strong>)
                    </>
                  ) : null}
                  . Close your last point and hand it in.
                </p>
              </div>
              <button type="button" className="button button--primary" onClick={openSubmit}>
                Submit now
              </button>
            </section>
          ) : null}
        </div>

        <div className="pr-attempt-layout__brief">
          <Brief question={question} />
        </div>

        <div className="pr-attempt-layout__pad">
          <AnswerPad
            snapshot={snapshot}
            onChange={(text) => queue.edit(text)}
            aside={
              <p className="pr-pad__clock" data-tone={display.tone} aria-hidden="true">
                {display.phaseName} · {display.main}
              </p>
            }
            footer={
              <button type="button" className="button button--primary" onClick={openSubmit}>
                Submit answer
              </button>
            }
          />
        </div>
      </div>

      <ConfirmDialog
        open={submitOpen}
        title="Hand in your answer?"
        confirmLabel="Submit answer"
        busyLabel="Submitting…"
        busy={submitting}
        error={submitError ? `Couldn’t submit: ${submitError}` : null}
        onConfirm={submit}
        onCancel={() => setSubmitOpen(false)}
      >
        <p>
          The clock stops at <strong>{formatClock(view.elapsedMs)}</strong>
          {view.isOverTime ? ` (${display.over})` : ` of ${display.planned}`} and the answer can no longer
          change.
        </p>
        <p>
          Next you score it against the rubric; then the example answers and the talking points you covered
          are revealed.
        </p>
        {snapshot.status.kind === "offline" ? (
          <p className="pr-dialog__warning">
            You seem to be offline. Your answer is safe on this device; submitting needs the connection back.
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

/* ------------------------------------------------------------------ */
/* Self-scoring, then the review                                       */
/* ------------------------------------------------------------------ */

function AnswerText({ text }: { text: string }) {
  return text.trim() === "" ? (
    <p className="pr-answer-text pr-answer-text--empty">You handed in an empty answer.</p>
  ) : (
    <div className="pr-answer-text" data-testid="submitted-answer">
      {text}
    </div>
  );
}

function ScoreStep({
  attempt,
  question,
  practitionerKey,
  onReceive,
  heading,
}: {
  attempt: Attempt;
  question: Question;
  practitionerKey: string;
  onReceive: (attempt: Attempt) => void;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const view = clockView(attempt.clock, attempt.serverNow);

  return (
    <div className="pr-score-step">
      <div className="pr-score-layout">
        <section className="pr-score-layout__form" aria-labelledby="score-title">
          <h2 id="score-title" ref={heading} tabIndex={-1} className="pr-section-title">
            Score your answer
          </h2>
          <p className="pr-section-lede">
            For each dimension, choose the anchor that describes what your answer actually did, not how it
            felt to write. The example answers and talking points stay hidden until you have scored, so they
            cannot anchor you.
          </p>
          <SelfScoreForm
            attemptId={attempt.id}
            dimensions={question.rubric.dimensions}
            busy={busy}
            error={error}
            onSubmit={async (scores, reflection) => {
              setBusy(true);
              setError(null);
              try {
                const scored = await practiceApi.selfScore(practitionerKey, attempt.id, scores, reflection);
                clearScoreDraft(attempt.id);
                onReceive(scored);
              } catch (cause) {
                setError(cause instanceof Error ? cause.message : String(cause));
                setBusy(false);
              }
            }}
          />
        </section>
        <aside className="pr-score-layout__answer" aria-labelledby="your-answer-title">
          <h2 id="your-answer-title" className="pr-score-layout__answer-title">
            Your answer
          </h2>
          <p className="pr-score-layout__answer-meta">
            Handed in after {formatClock(view.elapsedMs)}
            {view.overrunMs > 0 ? (
              <span className="pr-over"> (+{formatClock(view.overrunMs)} over)</span>
            ) : null}
          </p>
          <AnswerText text={attempt.answer.text} />
        </aside>
      </div>
    </div>
  );
}

function ReviewSection({
  id,
  title,
  kicker,
  children,
  headingRef,
}: {
  id: string;
  title: string;
  kicker?: string;
  children: ReactNode;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <section id={id} className="pr-review-section" aria-labelledby={`${id}-title`}>
      <header className="pr-review-section__header">
        <h2
          id={`${id}-title`}
          className="pr-section-title"
          ref={headingRef}
          tabIndex={headingRef ? -1 : undefined}
        >
          {title}
        </h2>
        {kicker ? <p className="pr-review-section__kicker">{kicker}</p> : null}
      </header>
      {children}
    </section>
  );
}

function CompletedReview({
  attempt,
  question,
  heading,
}: {
  attempt: Attempt;
  question: Question;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const review = attempt.review;
  const selfScores = attempt.selfScores ?? {};
  const dimensions = question.rubric.dimensions;
  const sections = [
    { id: "scores", title: "Your scores" },
    ...(review ? [{ id: "coverage", title: "Talking points" }] : []),
    ...(review ? [{ id: "examples", title: "Example answers" }] : []),
    { id: "time", title: "Time per phase" },
  ];

  return (
    <div className="pr-review-layout" data-testid="review">
      <OnThisPage sections={sections} classPrefix="pr-" />

      <div className="pr-review-body">
        <ReviewSection
          id="scores"
          title="How your self-score compares"
          kicker={
            attempt.meanSelfScore !== null
              ? `Mean self-score ${attempt.meanSelfScore.toFixed(1)} of 4`
              : undefined
          }
          headingRef={heading}
        >
          {review ? (
            <ScoreComparison dimensions={dimensions} selfScores={selfScores} review={review} />
          ) : (
            <p className="pr-muted">The review is not available for this attempt.</p>
          )}
          {attempt.reflection ? (
            <div className="pr-reflection">
              <h3 className="pr-subheading">Your reflection</h3>
              <p className="pr-reflection__text">{attempt.reflection}</p>
            </div>
          ) : null}
        </ReviewSection>

        {review ? (
          <ReviewSection
            id="coverage"
            title="Talking points"
            kicker="The signals of a strong answer, and which of them yours touched"
          >
            <CoverageView answer={attempt.answer.text} review={review} />
          </ReviewSection>
        ) : null}

        {review ? (
          <ReviewSection
            id="examples"
            title="Example answers, graded by level"
            kicker="From weakest to strongest"
          >
            <ExamplesList review={review} dimensions={dimensions} selfScores={selfScores} />
          </ReviewSection>
        ) : null}

        <ReviewSection id="time" title="Time per phase" kicker="Where the minutes went, against the plan">
          <PhaseTimesTable phases={attempt.phaseTimes} overrunMs={attempt.overrunMs} />
        </ReviewSection>
      </div>
    </div>
  );
}
