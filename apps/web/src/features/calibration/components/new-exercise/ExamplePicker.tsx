import { EXAMPLE_LEVEL_LABELS, EXAMPLE_LEVELS, type QuestionSummary } from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { bankQueries } from "../../../../api/bank-queries";
import { Loading } from "../../../../components/Status";
import { Alert } from "../../../../ui/Alert";
import type { ItemDraft } from "../../lib/item-draft";
import { AnswerSource } from "./AnswerSource";
import { QuestionSelect } from "./QuestionOptions";
import "./ExamplePicker.css";

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
    <AnswerSource title="Example answers from the bank">
      <QuestionSelect
        label="Question"
        value={questionId}
        onChange={setQuestionId}
        questions={questions}
        loopQuestionIds={loopQuestionIds}
      />
      {question.status === "error" ? (
        <Alert tone="error">{question.error.message}</Alert>
      ) : questionId && !question.data ? (
        <Loading label="Loading the example answers">
          <span className="skeleton" />
        </Loading>
      ) : question.data ? (
        examples.length === 0 ? (
          <p className="empty-note">This question has no example answers; paste a transcript instead.</p>
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
    </AnswerSource>
  );
}
