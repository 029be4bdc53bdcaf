import { exerciseItemInputSchema, type QuestionSummary } from "@loopwright/schema";
import { useState } from "react";
import { buttonClass } from "../../../../ui/button";
import { Field } from "../../../../ui/Field";
import { TextField } from "../../../../ui/TextField";
import { fieldErrors } from "../../lib/form-errors";
import type { ItemDraft } from "../../lib/item-draft";
import { AnswerSource } from "./AnswerSource";
import { QuestionSelect } from "./QuestionOptions";

let transcriptCount = 0;

export function TranscriptForm({
  questions,
  loopQuestionIds,
  onAdd,
}: {
  questions: QuestionSummary[];
  loopQuestionIds: Set<string>;
  onAdd: (item: ItemDraft) => void;
}) {
  const [questionId, setQuestionId] = useState("");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string | null>(null);

  const add = () => {
    const parsed = exerciseItemInputSchema.safeParse({ kind: "transcript", questionId, title, text });
    if (!parsed.success || parsed.data.kind !== "transcript") {
      const found = parsed.success ? {} : fieldErrors(parsed.error.issues);
      if (!questionId) found.questionId = "choose the question this transcript answers";
      setErrors(found);
      setAdded(null);
      return;
    }
    const q = questions.find((x) => x.id === questionId);
    onAdd({
      key: `transcript:${++transcriptCount}`,
      kind: "transcript",
      questionId,
      questionTitle: q?.title ?? questionId,
      title: parsed.data.title,
      text: parsed.data.text,
    });
    setAdded(parsed.data.title);
    setErrors({});
    setTitle("");
    setText("");
  };

  return (
    <AnswerSource title="Paste a transcript">
      <QuestionSelect
        label="Question it answers"
        error={errors.questionId}
        value={questionId}
        onChange={setQuestionId}
        questions={questions}
        loopQuestionIds={loopQuestionIds}
      />
      <TextField
        label="Transcript title"
        hint="Visible to the panel, so leave out the candidate’s name."
        error={errors.title}
        value={title}
        maxLength={200}
        placeholder="e.g. Candidate 3, onsite"
        autoComplete="off"
        onValueChange={setTitle}
      />
      <Field label="Transcript" hint="At least 50 characters." error={errors.text}>
        {(props) => (
          <textarea
            {...props}
            className="input cal-textarea"
            rows={6}
            value={text}
            maxLength={50_000}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <p className="cal-actions">
        <button type="button" className={buttonClass("quiet")} onClick={add}>
          Add transcript
        </button>
        <span className="hint" role="status">
          {added ? `Added “${added}”.` : ""}
        </span>
      </p>
    </AnswerSource>
  );
}
