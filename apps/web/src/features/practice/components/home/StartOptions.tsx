import {
  COMPETENCIES,
  COMPETENCY_LABELS,
  type Competency,
  LOOP_MAX_ROUNDS,
  LOOP_MIN_ROUNDS,
  type QuestionSummary,
} from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { bankQueries } from "../../../../api/bank-queries";
import { formatCount, formatMinutes } from "../../../../lib/format";
import { buttonClass } from "../../../../ui/button";
import { Field } from "../../../../ui/Field";
import { FieldGroup } from "../../../../ui/FieldGroup";
import { DisabledReason } from "../../../../ui/Tooltip";
import { practiceApi } from "../../api";
import { competencyQuestionPhrase } from "../../lib/labels";
import { CompetencySelect } from "./CompetencySelect";
import { StartCard, type Starter } from "./StartCard";
import "./StartOptions.css";

const DEFAULT_LOOP: Competency[] = ["org-design", "strategic-leadership"];

/** The three ways to start: drill a competency, pick a question, or run a mock loop. */
export function StartOptions({ starter }: { starter: Starter }) {
  return (
    <div className="pr-start-options">
      <CompetencyStart starter={starter} />
      <QuestionStart starter={starter} />
      <LoopStart starter={starter} />
    </div>
  );
}

function CompetencyStart({ starter }: { starter: Starter }) {
  const [competency, setCompetency] = useState<Competency>("org-design");
  return (
    <StartCard
      starter={starter}
      action="competency"
      title="Drill a competency"
      text="Get a question of one round that you have not practised yet; once you have done them all, the one you practised longest ago."
      actionLabel={`Give me ${competencyQuestionPhrase(competency)} I have not done`}
      create={(key) => practiceApi.start(key, { competency })}
    >
      <Field label="Competency">
        {(control) => <CompetencySelect control={control} value={competency} onChange={setCompetency} />}
      </Field>
    </StartCard>
  );
}

function QuestionStart({ starter }: { starter: Starter }) {
  const questions = useQuery(bankQueries.list());
  const [questionId, setQuestionId] = useState("");
  const list = questions.status === "success" ? questions.data.questions : [];
  const chosen = list.find((q) => q.id === questionId);
  const grouped = COMPETENCIES.map((c) => ({
    competency: c,
    items: list.filter((q) => q.competency === c),
  })).filter((g) => g.items.length > 0);

  return (
    <StartCard
      starter={starter}
      action="question"
      title="Choose a question"
      text={
        <>
          Pick one by name, or open any question in the <Link to="/questions">question bank</Link> and choose
          “Practise this question”.
        </>
      }
      actionLabel="Start this question"
      disabled={!chosen}
      create={(key) => practiceApi.start(key, { questionId })}
    >
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
    </StartCard>
  );
}

function LoopStart({ starter }: { starter: Starter }) {
  const [rounds, setRounds] = useState<Competency[]>(DEFAULT_LOOP);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const selects = useRef<(HTMLSelectElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
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
    <StartCard
      starter={starter}
      action="loop"
      wide
      title="Run a mock loop"
      text={`${LOOP_MIN_ROUNDS} to ${LOOP_MAX_ROUNDS} rounds back to back, each a different question. Each round’s clock starts when you begin it, after handing in the one before.`}
      actionLabel="Start the mock loop"
      create={(key) =>
        practiceApi.startLoop(
          key,
          rounds.map((competency) => ({ competency })),
        )
      }
    >
      <FieldGroup legend="Rounds, in order" className="pr-loop-rounds">
        <ol className="pr-loop-rounds__list">
          {rounds.map((competency, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rounds are positions; the same competency may repeat
            <li key={index} className="pr-loop-rounds__item">
              <Field id={`${baseId}-${index}`} label={`Round ${index + 1}`} className="pr-loop-rounds__field">
                {(control) => (
                  <CompetencySelect
                    control={control}
                    ref={(element) => {
                      selects.current[index] = element;
                    }}
                    value={competency}
                    onChange={(next) =>
                      setRounds((previous) => previous.map((c, i) => (i === index ? next : c)))
                    }
                  />
                )}
              </Field>
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
        <p className="hint pr-loop-rounds__count" aria-live="polite">
          {formatCount(rounds.length, "round")}
          {rounds.length >= LOOP_MAX_ROUNDS ? ` (the most a loop can have)` : ""}
        </p>
      </FieldGroup>
    </StartCard>
  );
}
