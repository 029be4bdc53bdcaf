import { COMPETENCIES, COMPETENCY_LABELS, type QuestionSummary } from "@loopwright/schema";

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
