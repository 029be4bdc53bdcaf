import { EXAMPLE_LEVEL_LABELS, EXAMPLE_LEVELS, type QuestionSummary } from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { bankQueries } from "../../../../api/bank-queries";
import { Loading } from "../../../../components/Status";
import { Field } from "../../../../ui/Field";
import type { ItemDraft } from "../../lib/item-draft";
import { QuestionOptions } from "./QuestionOptions";

const excerpt = (text: string, max = 220) =>
  text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text;

export function ExamplePicker({
  questions,
  loopQuestionIds,
  items,
  onToggle,
}: {
  questions: QuestionSummary[];
  loopQuestionIds: Set<string>;
  items: ItemDraft[];
  onToggle: (item: ItemDraft, on: boolean) => void;
}) {
  const [questionId, setQuestionId] = useState("");
  const question = useQuery({ ...bankQueries.question(questionId), enabled: questionId !== "" });
  const examples = question.data
    ? [...question.data.examples].sort(
        (a, b) => EXAMPLE_LEVELS.indexOf(a.level) - EXAMPLE_LEVELS.indexOf(b.level),
      )
    : [];

  return (
    <div className="answer-source">
      <h3 className="answer-source__title">Example answers from the bank</h3>
      <Field label="Question">
        {(control) => (
          <div className="select">
            <select {...control} value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
              <option value="">Choose a question…</option>
              <QuestionOptions questions={questions} loopQuestionIds={loopQuestionIds} />
            </select>
          </div>
        )}
      </Field>
      {question.status === "error" ? (
        <p className="cal-form-error" role="alert">
          {question.error.message}
        </p>
      ) : questionId && !question.data ? (
        <Loading label="Loading the example answers">
          <span className="skeleton" />
        </Loading>
      ) : question.data ? (
        examples.length === 0 ? (
          <p className="cal-empty-line">This question has no example answers; paste a transcript instead.</p>
        ) : (
          <fieldset className="example-picks">
            <legend className="visually-hidden">Example answers to {question.data.title}</legend>
            {examples.map((example) => {
              const key = `example:${question.data?.id}:${example.id}`;
              const checked = items.some((i) => i.key === key);
              const q = question.data;
              if (!q) return null;
              return (
                <label key={key} className={`example-pick${checked ? " example-pick--on" : ""}`}>
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={(e) =>
                      onToggle(
                        {
                          key,
                          kind: "example",
                          questionId: q.id,
                          questionTitle: q.title,
                          exampleId: example.id,
                          level: example.level,
                          excerpt: excerpt(example.answer),
                        },
                        e.target.checked,
                      )
                    }
                  />
                  <span className="example-pick__text">
                    <span className="example-pick__level">{EXAMPLE_LEVEL_LABELS[example.level]}</span>
                    <span className="example-pick__excerpt">{excerpt(example.answer)}</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
        )
      ) : null}
    </div>
  );
}
