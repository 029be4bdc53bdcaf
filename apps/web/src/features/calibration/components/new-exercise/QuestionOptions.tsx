import { COMPETENCIES, COMPETENCY_LABELS, type QuestionSummary } from "@loopwright/schema";
import { Field } from "../../../../ui/Field";

/** A labelled picker of bank questions, those of the exercise's loop first. */
export function QuestionSelect({
  label,
  error,
  value,
  onChange,
  questions,
  loopQuestionIds,
}: {
  label: string;
  error?: string;
  value: string;
  onChange: (questionId: string) => void;
  questions: QuestionSummary[];
  loopQuestionIds: Set<string>;
}) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <div className="select">
          <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">Choose a question…</option>
            <QuestionOptions questions={questions} loopQuestionIds={loopQuestionIds} />
          </select>
        </div>
      )}
    </Field>
  );
}

export function QuestionOptions({
  questions,
  loopQuestionIds,
}: {
  questions: QuestionSummary[];
  loopQuestionIds: Set<string>;
}) {
  const inLoop = questions.filter((q) => loopQuestionIds.has(q.id));
  return (
    <>
      {inLoop.length > 0 ? (
        <optgroup label="In this loop">
          {inLoop.map((q) => (
            <option key={`loop-${q.id}`} value={q.id}>
              {q.title}
            </option>
          ))}
        </optgroup>
      ) : null}
      {COMPETENCIES.map((c) => {
        const group = questions.filter((q) => q.competency === c);
        return group.length ? (
          <optgroup key={c} label={COMPETENCY_LABELS[c]}>
            {group.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </optgroup>
        ) : null;
      })}
    </>
  );
}
