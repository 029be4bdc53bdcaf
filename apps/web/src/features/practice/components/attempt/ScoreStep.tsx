import { clockView } from "@loopwright/clock";
import type { Attempt, Question } from "@loopwright/schema";
import { type RefObject, useState } from "react";
import { formatClock } from "../../../../lib/clock-format";
import { practiceApi } from "../../api";
import { AnswerText } from "../AnswerText";
import { Overrun } from "../Overrun";
import { SectionTitle } from "../SectionTitle";
import { clearScoreDraft, SelfScoreForm } from "../SelfScoreForm";
import "./ScoreStep.css";

export function ScoreStep({
  attempt,
  question,
  practitionerKey,
  onReceive,
  heading,
}: {
  attempt: Attempt;
  question: Question;
  practitionerKey: string;
  onReceive: (attempt: Attempt) => void;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const view = clockView(attempt.clock, attempt.serverNow);

  return (
    <div>
      <div className="pr-score-layout">
        <section className="pr-score-layout__form" aria-labelledby="score-title">
          <SectionTitle id="score-title" ref={heading}>
            Score your answer
          </SectionTitle>
          <p className="lede">
            For each dimension, choose the anchor that describes what your answer actually did, not how it
            felt to write. The example answers and talking points stay hidden until you have scored, so they
            cannot anchor you.
          </p>
          <SelfScoreForm
            attemptId={attempt.id}
            dimensions={question.rubric.dimensions}
            busy={busy}
            error={error}
            onSubmit={async (scores, reflection) => {
              setBusy(true);
              setError(null);
              try {
                const scored = await practiceApi.selfScore(practitionerKey, attempt.id, scores, reflection);
                clearScoreDraft(attempt.id);
                onReceive(scored);
              } catch (cause) {
                setError(cause instanceof Error ? cause.message : String(cause));
                setBusy(false);
              }
            }}
          />
        </section>
        <aside className="pr-score-layout__answer" aria-labelledby="your-answer-title">
          <h2 id="your-answer-title" className="pr-score-layout__answer-title">
            Your answer
          </h2>
          <p className="hint">
            Handed in after {formatClock(view.elapsedMs)}
            {view.overrunMs > 0 ? <Overrun> (+{formatClock(view.overrunMs)} over)</Overrun> : null}
          </p>
          <AnswerText
            text={attempt.answer.text}
            label="Your answer as handed in"
            className="pr-score-layout__answer-text"
            testId={attempt.answer.text.trim() === "" ? undefined : "submitted-answer"}
          />
        </aside>
      </div>
    </div>
  );
}
