import type { Attempt, Question } from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import { bankQueries } from "../../../../api/bank-queries";
import { formatMinutes } from "../../../../lib/format";
import { Alert } from "../../../../ui/Alert";
import { buttonClass } from "../../../../ui/button";
import { cardProps } from "../../../../ui/card";
import { practiceApi, practiceQueries } from "../../api";
import { suggestNextQuestion } from "../../lib/next-question";
import { useStartAttempt } from "../../lib/useStartAttempt";
import "./WhatNext.css";

/**
 * The way on from a finished attempt: another question (the one that spreads the practice best),
 * this question again, or the history. Each start opens the new attempt at once.
 */
export function WhatNext({
  attempt,
  question,
  practitionerKey,
}: {
  attempt: Attempt;
  question: Question;
  practitionerKey: string;
}) {
  const ids = { other: useId(), otherTitle: useId(), again: useId(), history: useId() };
  const starter = useStartAttempt();
  const bank = useQuery(bankQueries.list());
  const history = useQuery(practiceQueries.attempts(practitionerKey));
  const suggestion =
    bank.data && history.data ? suggestNextQuestion(bank.data.questions, history.data, question.id) : null;
  const suggested = suggestion
    ? bank.data?.questions.find((q) => q.id === suggestion.question.id)
    : undefined;
  const loading = bank.isPending || history.isPending;
  const busy = starter.busy !== null;

  return (
    <ul className="pr-next" data-testid="what-next">
      <li {...cardProps({ className: "pr-next__option", tone: "accent" })}>
        <h3 id={ids.other} className="pr-next__title">
          Practise another question
        </h3>
        {suggestion ? (
          <>
            <p id={ids.otherTitle} className="pr-next__question" data-testid="suggested-question">
              {suggestion.question.title}
            </p>
            <p className="pr-next__text">
              {suggestion.reason}
              {suggested ? <> It takes {formatMinutes(suggested.durationMinutes)}.</> : null}
            </p>
            <div className="pr-next__actions">
              <button
                type="button"
                className={buttonClass("primary")}
                aria-describedby={ids.otherTitle}
                disabled={busy}
                onClick={() =>
                  starter.start("other", (key) =>
                    practiceApi.start(key, { questionId: suggestion.question.id }),
                  )
                }
              >
                {starter.busy === "other" ? "Starting…" : "Start this question"}
              </button>
              <Link to="/practice" className={buttonClass("link")}>
                Choose another
              </Link>
            </div>
          </>
        ) : loading ? (
          <p className="pr-next__text">Finding the question that spreads your practice best…</p>
        ) : (
          <>
            <p className="pr-next__text">
              Pick a round to drill, a question by name, or a whole mock loop on the practice page.
            </p>
            <div className="pr-next__actions">
              <Link to="/practice" className={buttonClass("primary")}>
                Choose a question
              </Link>
            </div>
          </>
        )}
        {starter.error?.action === "other" ? (
          <Alert>Couldn’t start: {starter.error.error.message}</Alert>
        ) : null}
      </li>

      <li {...cardProps({ className: "pr-next__option" })}>
        <h3 id={ids.again} className="pr-next__title">
          Practise this question again
        </h3>
        <p className="pr-next__text">
          A fresh attempt with an empty pad and the clock from the start. This one stays in your history to
          compare with.
        </p>
        <div className="pr-next__actions">
          <button
            type="button"
            className={buttonClass("quiet")}
            disabled={busy}
            onClick={() =>
              starter.start("again", (key) => practiceApi.start(key, { questionId: attempt.questionId }))
            }
          >
            {starter.busy === "again" ? "Starting…" : "Practise this question again"}
          </button>
        </div>
        {starter.error?.action === "again" ? (
          <Alert>Couldn’t start: {starter.error.error.message}</Alert>
        ) : null}
      </li>

      <li {...cardProps({ className: "pr-next__option" })}>
        <h3 id={ids.history} className="pr-next__title">
          See your progress
        </h3>
        <p className="pr-next__text">
          Every attempt with its time per phase, and your self-scores per competency over the weeks.
        </p>
        <div className="pr-next__actions">
          <Link to="/practice/history" className={buttonClass("quiet")}>
            Go to history
          </Link>
        </div>
      </li>
    </ul>
  );
}
