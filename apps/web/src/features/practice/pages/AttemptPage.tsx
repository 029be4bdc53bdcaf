import { type Attempt, type AttemptStatus, COMPETENCY_LABELS, type Question } from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { bankQueries } from "../../../api/bank-queries";
import { ApiRequestError } from "../../../api/client";
import { formatDateTime } from "../../../lib/datetime";
import { formatCount, formatMinutes } from "../../../lib/format";
import { documentTitle } from "../../../lib/useDocumentTitle";
import { Breadcrumb } from "../../../ui/Breadcrumb";
import { buttonClass } from "../../../ui/button";
import { practiceQueries } from "../api";
import { ActiveAttempt } from "../components/attempt/ActiveAttempt";
import { AttemptNotFound } from "../components/attempt/AttemptNotFound";
import { CompletedReview } from "../components/attempt/CompletedReview";
import { LoopBar } from "../components/attempt/LoopBar";
import { PendingRound } from "../components/attempt/PendingRound";
import { ScoreStep } from "../components/attempt/ScoreStep";
import { PageSkeleton, PracticeError, WithPractitioner } from "../components/PracticeStates";
import { StatusBadge } from "../components/StatusBadge";
import { clearDraft } from "../lib/autosave";
import { draftStorage } from "../lib/useAutosave";
import "./AttemptPage.css";

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

  // Once loaded, the attempt's view names the tab (an attempt under way shows its clock there).
  const statusTitle = loaded
    ? null
    : missing
      ? "Attempt not found"
      : error
        ? "Attempt unavailable"
        : "Loading attempt";
  useEffect(() => {
    if (statusTitle) document.title = documentTitle(statusTitle);
  }, [statusTitle]);

  if (loaded) {
    return <AttemptView initial={loaded} practitionerKey={practitionerKey} />;
  }
  if (missing) return <AttemptNotFound />;
  if (error) {
    return (
      <div className="container pr-page-status">
        <PracticeError title="This attempt could not be loaded" error={error} onRetry={retry}>
          <Link to="/practice" className={buttonClass("quiet")}>
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

function AttemptView({ initial, practitionerKey }: { initial: Loaded; practitionerKey: string }) {
  const { question } = initial;
  const [current, setCurrent] = useState({ attempt: initial.attempt, offset: initial.offset });
  const { attempt, offset } = current;
  const receive = (next: Attempt) => setCurrent({ attempt: next, offset: next.serverNow - Date.now() });

  // While the clock runs, ActiveAttempt keeps the phase and time left in the tab title; otherwise it is the question.
  useEffect(() => {
    if (attempt.status !== "active") document.title = documentTitle(`Practice: ${question.title}`);
  }, [attempt.status, question.title]);

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
    <article aria-labelledby="attempt-title" data-status={attempt.status}>
      <header className="pr-attempt-header">
        <div className="container">
          {/* A scored attempt is part of the history; one still under way is not there yet. */}
          <Breadcrumb
            trail={
              attempt.status === "completed"
                ? [
                    { to: "/practice", label: "Practice" },
                    { to: "/practice/history", label: "History" },
                  ]
                : [{ to: "/practice", label: "Practice" }]
            }
            current={question.title}
          />
          <p className="eyebrow pr-attempt-header__eyebrow">
            <span>{COMPETENCY_LABELS[question.competency]}</span>
            {round ? (
              <span className="badge badge--accent" data-testid="round-label">
                Round {round.number} of {round.total}
              </span>
            ) : null}
            <StatusBadge status={attempt.status} testId="attempt-status" />
          </p>
          <h1 id="attempt-title" className="pr-attempt-header__title">
            {question.title}
          </h1>
          <p className="hint pr-attempt-header__meta">
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
          <CompletedReview
            attempt={attempt}
            question={question}
            heading={stepHeading}
            practitionerKey={practitionerKey}
          />
        )}
      </div>
    </article>
  );
}
