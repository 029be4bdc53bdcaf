import type { Exercise, Question } from "@loopwright/schema";
import { toParagraphs } from "../../../../lib/format";
import "./AnswersPreview.css";

export function AnswersPreview({
  exercise,
  questions,
}: {
  exercise: Exercise;
  questions: Map<string, Question>;
}) {
  return (
    <section className="cal-section" aria-labelledby="answers-preview-title">
      <h2 id="answers-preview-title" className="section__title">
        The answers
      </h2>
      <p className="section__lede">
        You are not on this panel, so you read the answers rather than score them. The panel sees only “Answer
        A”, “Answer B”…: the titles you gave transcripts are yours alone, so scoring stays blind.
      </p>
      <div className="answers-preview">
        {exercise.items.map((item) => (
          <details key={item.id} className="answer-preview">
            <summary>
              <span className="answer-preview__label">{item.label}</span>
              {item.title ? <span className="answer-preview__title">{item.title}</span> : null}
              <span className="answer-preview__question">{item.questionTitle}</span>
            </summary>
            <div className="prose prose--reading answer-preview__text">
              {toParagraphs(item.text).map((p) => (
                <p key={p}>{p}</p>
              ))}
            </div>
            <p className="hint answer-preview__dims">
              Scored on{" "}
              {questions
                .get(item.questionId)
                ?.rubric.dimensions.map((d) => d.name)
                .join(", ")}
              .
            </p>
          </details>
        ))}
      </div>
    </section>
  );
}
