import {
  COMPETENCIES,
  COMPETENCY_LABELS,
  type Competency,
  competencySchema,
  LOOP_MAX_ROUNDS,
  LOOP_MIN_ROUNDS,
  type QuestionSummary,
} from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { bankQueries } from "../../../api/bank-queries";
import { formatCount, formatMinutes } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { practiceApi, practiceQueries } from "../api";
import { DevicePanel } from "../components/DevicePanel";
import { PracticeError } from "../components/PracticeStates";
import { competencyQuestionPhrase } from "../lib/labels";
import { type ResumeItem, resumable } from "../lib/resume";
import { formatDateTime } from "../lib/time";
import { usePractitioner } from "../lib/usePractitioner";
import { attemptPath, useStartAttempt } from "../lib/useStartAttempt";
import "../practice.css";
import { buttonClass } from "../../../ui/button";
import { Field } from "../../../ui/Field";
import { DisabledReason } from "../../../ui/Tooltip";

const DEFAULT_LOOP: Competency[] = ["org-design", "strategic-leadership"];

export function PracticeHomePage() {
  useDocumentTitle("Solo timed practice");
  const starter = useStartAttempt();
  const practitioner = usePractitioner();

  return (
    <div className="container pr-practice-home">
      <header className="page-header">
        <p className="eyebrow">Solo timed practice</p>
        <h1 className="page-title">Practise under the clock</h1>
        <p className="page-lede">
          Answer a director-level question in writing while a phased timer walks you through it, then score
          yourself against the rubric’s anchors before you see example answers graded by level and the talking
          points you covered.
        </p>
      </header>

      <div className="pr-practice-home__grid">
        <div className="pr-practice-home__main">
          {practitioner.status === "ready" ? (
            <InProgress practitionerKey={practitioner.key} />
          ) : practitioner.status === "error" ? (
            <PracticeError
              title="Practice could not start on this device"
              error={practitioner.error}
              onRetry={practitioner.retry}
            />
          ) : null}

          <section aria-labelledby="start-title" className="pr-start">
            <h2 id="start-title" className="pr-section-title">
              Start a practice
            </h2>
            <div className="pr-start__options">
              <CompetencyStart starter={starter} />
              <QuestionStart starter={starter} />
              <LoopStart starter={starter} />
            </div>
          </section>
        </div>

        <aside className="pr-practice-home__aside" aria-label="About practice">
          <section className="pr-how-it-runs" aria-labelledby="how-title">
            <h2 id="how-title" className="pr-how-it-runs__title">
              How a practice runs
            </h2>
            <ol className="pr-how-it-runs__steps">
              <li>
                <strong>Answer under a phased clock.</strong> The server keeps the time, so a reload or
                another device changes nothing. Going over is shown, never cut off.
              </li>
              <li>
                <strong>Score yourself</strong> on every rubric dimension by picking the anchor that describes
                your answer.
              </li>
              <li>
                <strong>Then compare</strong> with example answers from weak to VP level, and see which
                talking points you touched.
              </li>
            </ol>
            <p className="pr-how-it-runs__link">
              <Link to="/practice/history">
                Your history and progress<span aria-hidden="true"> →</span>
              </Link>
            </p>
          </section>
          {practitioner.status === "ready" ? <DevicePanel practitionerKey={practitioner.key} /> : null}
        </aside>
      </div>
    </div>
  );
}

type Starter = ReturnType<typeof useStartAttempt>;

function StartError({ starter, action }: { starter: Starter; action: string }) {
  if (starter.error?.action !== action) return null;
  return (
    <p className="pr-alert" role="alert">
      Couldn’t start: {starter.error.error.message}
    </p>
  );
}

function InProgress({ practitionerKey }: { practitionerKey: string }) {
  const state = useQuery(practiceQueries.attempts(practitionerKey));
  if (state.status === "error") {
    return (
      <PracticeError
        title="Your attempts could not be loaded"
        error={state.error}
        onRetry={() => void state.refetch()}
      />
    );
  }
  if (state.status !== "success") return null;
  const items = resumable(state.data);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="resume-title" className="pr-resume">
      <h2 id="resume-title" className="pr-section-title">
        Pick up where you left off
      </h2>
      <ul className="pr-resume__list" data-testid="in-progress">
        {items.map((item) => (
          <li key={item.attempt.id}>
            <ResumeCard item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const RESUME_ACTION: Record<ResumeItem["action"], { label: string; status: string }> = {
  resume: { label: "Resume", status: "In progress" },
  score: { label: "Score it", status: "Submitted, awaiting your self-score" },
  "start-round": { label: "Start round", status: "Next round of your mock loop" },
};

function ResumeCard({ item }: { item: ResumeItem }) {
  const { attempt, action, round } = item;
  const titleId = useId();
  const copy = RESUME_ACTION[action];
  return (
    <article className="pr-resume-card" aria-labelledby={titleId} data-action={action}>
      <div className="pr-resume-card__body">
        <p className="pr-resume-card__eyebrow">
          {COMPETENCY_LABELS[attempt.competency]}
          {round ? ` · Round ${round.number} of ${round.total}` : ""}
        </p>
        <h3 id={titleId} className="pr-resume-card__title">
          {attempt.questionTitle}
        </h3>
        <p className="pr-resume-card__meta">
          {copy.status} · started {formatDateTime(attempt.createdAt)}
        </p>
      </div>
      <Link
        to={attemptPath(attempt.id)}
        className={buttonClass("primary", { className: "pr-resume-card__action" })}
        aria-describedby={titleId}
      >
        {action === "start-round" && round ? `Start round ${round.number}` : copy.label}
      </Link>
    </article>
  );
}

function CompetencyStart({ starter }: { starter: Starter }) {
  const [competency, setCompetency] = useState<Competency>("org-design");
  const selectId = useId();
  return (
    <article className="pr-start-card" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`} className="pr-start-card__title">
        Drill a competency
      </h3>
      <p className="pr-start-card__text">
        Get a question of one round that you have not practised yet; once you have done them all, the one you
        practised longest ago.
      </p>
      <Field label="Competency">
        {(control) => (
          <div className="select">
            <select
              {...control}
              value={competency}
              onChange={(event) => {
                const parsed = competencySchema.safeParse(event.target.value);
                if (parsed.success) setCompetency(parsed.data);
              }}
            >
              {COMPETENCIES.map((c) => (
                <option key={c} value={c}>
                  {COMPETENCY_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
        )}
      </Field>
      <button
        type="button"
        className={buttonClass("primary", { className: "pr-start-card__action" })}
        disabled={starter.busy !== null}
        onClick={() => starter.start("competency", (key) => practiceApi.start(key, { competency }))}
      >
        {starter.busy === "competency"
          ? "Starting…"
          : `Give me ${competencyQuestionPhrase(competency)} I have not done`}
      </button>
      <StartError starter={starter} action="competency" />
    </article>
  );
}

function QuestionStart({ starter }: { starter: Starter }) {
  const questions = useQuery(bankQueries.list());
  const [questionId, setQuestionId] = useState("");
  const selectId = useId();
  const list = questions.status === "success" ? questions.data.questions : [];
  const chosen = list.find((q) => q.id === questionId);
  const grouped = COMPETENCIES.map((c) => ({
    competency: c,
    items: list.filter((q) => q.competency === c),
  })).filter((g) => g.items.length > 0);

  return (
    <article className="pr-start-card" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`} className="pr-start-card__title">
        Choose a question
      </h3>
      <p className="pr-start-card__text">
        Pick one by name, or open any question in the <Link to="/questions">question bank</Link> and choose
        “Practise this question”.
      </p>
      <Field
        label="Question"
        hint={
          chosen
            ? `${COMPETENCY_LABELS[chosen.competency]} · ${formatMinutes(chosen.durationMinutes)}`
            : questions.status === "error"
              ? questions.error.message
              : `${formatCount(list.length, "question")} in the bank`
        }
        hintAfter
      >
        {(control) => (
          <div className="select">
            <select
              {...control}
              value={questionId}
              onChange={(event) => setQuestionId(event.target.value)}
              disabled={questions.status !== "success"}
            >
              <option value="">
                {questions.status === "pending"
                  ? "Loading questions…"
                  : questions.status === "error"
                    ? "Questions unavailable"
                    : "Choose a question…"}
              </option>
              {grouped.map((group) => (
                <optgroup key={group.competency} label={COMPETENCY_LABELS[group.competency]}>
                  {group.items.map((q: QuestionSummary) => (
                    <option key={q.id} value={q.id}>
                      {q.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        )}
      </Field>
      <button
        type="button"
        className={buttonClass("primary", { className: "pr-start-card__action" })}
        disabled={starter.busy !== null || !chosen}
        onClick={() => starter.start("question", (key) => practiceApi.start(key, { questionId }))}
      >
        {starter.busy === "question" ? "Starting…" : "Start this question"}
      </button>
      <StartError starter={starter} action="question" />
    </article>
  );
}

function LoopStart({ starter }: { starter: Starter }) {
  const [rounds, setRounds] = useState<Competency[]>(DEFAULT_LOOP);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const selects = useRef<(HTMLSelectElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const baseId = useId();

  useEffect(() => {
    if (focusIndex === null) return;
    (selects.current[focusIndex] ?? addButton.current)?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  const add = () => {
    const unused = COMPETENCIES.find((c) => !rounds.includes(c)) ?? "org-design";
    setRounds((previous) => [...previous, unused]);
    setFocusIndex(rounds.length);
  };
  const remove = (index: number) => {
    setRounds((previous) => previous.filter((_, i) => i !== index));
    setFocusIndex(Math.max(0, index - 1));
  };

  return (
    <article className="pr-start-card pr-start-card--loop" aria-labelledby={titleId}>
      <h3 id={titleId} className="pr-start-card__title">
        Run a mock loop
      </h3>
      <p className="pr-start-card__text">
        {LOOP_MIN_ROUNDS} to {LOOP_MAX_ROUNDS} rounds back to back, each a different question. Each round’s
        clock starts when you begin it, after handing in the one before.
      </p>
      <fieldset className="pr-loop-rounds">
        <legend className="field__label">Rounds, in order</legend>
        <ol className="pr-loop-rounds__list">
          {rounds.map((competency, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rounds are positions; the same competency may repeat
            <li key={index} className="pr-loop-rounds__item">
              <label htmlFor={`${baseId}-${index}`} className="pr-loop-rounds__label">
                Round {index + 1}
              </label>
              <div className="select pr-loop-rounds__select">
                <select
                  id={`${baseId}-${index}`}
                  ref={(element) => {
                    selects.current[index] = element;
                  }}
                  value={competency}
                  onChange={(event) => {
                    const parsed = competencySchema.safeParse(event.target.value);
                    if (parsed.success) {
                      setRounds((previous) => previous.map((c, i) => (i === index ? parsed.data : c)));
                    }
                  }}
                >
                  {COMPETENCIES.map((c) => (
                    <option key={c} value={c}>
                      {COMPETENCY_LABELS[c]}
                    </option>
                  ))}
                </select>
              </div>
              <DisabledReason
                reason={
                  rounds.length <= LOOP_MIN_ROUNDS
                    ? `A loop has at least ${LOOP_MIN_ROUNDS} rounds`
                    : undefined
                }
              >
                <button
                  type="button"
                  className={buttonClass("icon")}
                  onClick={() => remove(index)}
                  disabled={rounds.length <= LOOP_MIN_ROUNDS}
                  aria-label={`Remove round ${index + 1}`}
                >
                  <X size={14} aria-hidden="true" />
                </button>
              </DisabledReason>
            </li>
          ))}
        </ol>
        <button
          ref={addButton}
          type="button"
          className={buttonClass("quiet", { className: "pr-loop-rounds__add" })}
          onClick={add}
          disabled={rounds.length >= LOOP_MAX_ROUNDS}
        >
          + Add a round
        </button>
        <p className="pr-start-card__hint" aria-live="polite">
          {formatCount(rounds.length, "round")}
          {rounds.length >= LOOP_MAX_ROUNDS ? ` (the most a loop can have)` : ""}
        </p>
      </fieldset>
      <button
        type="button"
        className={buttonClass("primary", { className: "pr-start-card__action" })}
        disabled={starter.busy !== null}
        onClick={() =>
          starter.start("loop", (key) =>
            practiceApi.startLoop(
              key,
              rounds.map((competency) => ({ competency })),
            ),
          )
        }
      >
        {starter.busy === "loop" ? "Starting…" : "Start the mock loop"}
      </button>
      <StartError starter={starter} action="loop" />
    </article>
  );
}
