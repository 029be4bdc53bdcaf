import { clockView } from "@loopwright/clock";
import type { Attempt, Question } from "@loopwright/schema";
import { useEffect, useState } from "react";
import { formatClock } from "../../../../lib/clock-format";
import { timerDisplay } from "../../../../lib/phase-timer";
import { documentTitle } from "../../../../lib/useDocumentTitle";
import { useNow } from "../../../../lib/useNow";
import { Alert } from "../../../../ui/Alert";
import { buttonClass } from "../../../../ui/button";
import { ConfirmDialog } from "../../../../ui/ConfirmDialog";
import { ScrollRegion } from "../../../../ui/ScrollRegion";
import { type ClockAction, practiceApi } from "../../api";
import { usePromptOpen } from "../../lib/prompt-disclosure";
import { attemptTabTitle } from "../../lib/tab-title";
import { useAnswerAutosave } from "../../lib/useAutosave";
import { AnswerPad } from "../AnswerPad";
import { Brief } from "../Brief";
import { TimerPanel } from "../TimerPanel";
import { CompactTimer } from "./CompactTimer";
import "./ActiveAttempt.css";

const ACTION_VERB: Record<ClockAction, string> = {
  pause: "pause",
  resume: "resume",
  advance: "move to the next phase",
};

export function ActiveAttempt({
  attempt,
  offset,
  question,
  practitionerKey,
  onReceive,
}: {
  attempt: Attempt;
  offset: number;
  question: Question;
  practitionerKey: string;
  onReceive: (attempt: Attempt) => void;
}) {
  const { clock } = attempt;
  const running = clock.startedAt !== null && clock.pausedAt === null && clock.stoppedAt === null;
  const now = useNow({ ticking: running });
  const view = clockView(clock, now + offset);
  const display = timerDisplay(view);
  const goals = Object.fromEntries(question.phases.map((p) => [p.id, p.goal]));
  const [promptOpen, togglePrompt] = usePromptOpen(attempt.id);

  // The tab shows where the clock is, for a writer who switched away; the text changes once a second
  // at most, so the title is written no more often. The attempt page puts the question back afterwards.
  const tabTitle = attemptTabTitle(display);
  useEffect(() => {
    document.title = documentTitle(tabTitle);
  }, [tabTitle]);

  const { queue, snapshot } = useAnswerAutosave(practitionerKey, attempt.id, {
    text: attempt.answer.text,
    revision: attempt.answer.revision,
  });

  const [pendingAction, setPendingAction] = useState<ClockAction | null>(null);
  const [clockError, setClockError] = useState<string | null>(null);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  const act = async (action: ClockAction) => {
    setPendingAction(action);
    setClockError(null);
    try {
      onReceive(await practiceApi.clock(practitionerKey, attempt.id, action));
    } catch (cause) {
      setClockError(
        `Couldn’t ${ACTION_VERB[action]}: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    } finally {
      setPendingAction(null);
    }
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    // The final text travels in the submit itself, so it is saved atomically with it.
    const final = queue.finalAnswer();
    const answer = final && { text: final.value, revision: final.revision };
    try {
      const submitted = await practiceApi.submit(practitionerKey, attempt.id, answer);
      queue.finish();
      setSubmitOpen(false);
      onReceive(submitted);
    } catch (cause) {
      setSubmitError(cause instanceof Error ? cause.message : String(cause));
      setSubmitting(false);
      queue.flush(); // keep autosaving what is on screen
    }
  };

  const openSubmit = () => {
    setSubmitError(null);
    setSubmitOpen(true);
  };

  return (
    <>
      <div className="pr-attempt-layout">
        <div className="pr-attempt-layout__timer">
          <TimerPanel
            view={view}
            goals={goals}
            pendingAction={pendingAction}
            error={clockError}
            onAction={act}
          />
          {display.timeUp ? (
            <section className="pr-time-up" aria-labelledby="time-up-title" data-testid="time-up">
              <div>
                <h2 id="time-up-title" className="pr-time-up__title">
                  Planned time is up
                </h2>
                <p className="pr-time-up__text">
                  The clock keeps counting so you can see how far over you go
                  {display.over ? (
                    <>
                      {" "}
                      (<strong>{display.over}</strong>)
                    </>
                  ) : null}
                  . Close your last point and hand it in.
                </p>
              </div>
              <button type="button" className={buttonClass("primary")} onClick={openSubmit}>
                Submit now
              </button>
            </section>
          ) : null}
        </div>

        {/* On wide screens the brief scrolls on its own beside the pad, so it must take keyboard focus. */}
        <ScrollRegion className="pr-attempt-layout__brief" label="Question brief">
          <Brief question={question} open={promptOpen} onToggle={togglePrompt} />
        </ScrollRegion>

        <div className="pr-attempt-layout__pad">
          <CompactTimer
            display={display}
            paused={view.paused}
            canControl={view.started && !view.stopped}
            pendingAction={pendingAction}
            onAction={act}
          />
          <AnswerPad
            snapshot={snapshot}
            onChange={(text) => queue.edit(text)}
            aside={
              <p className="pr-attempt-clock" data-tone={display.tone} aria-hidden="true">
                {display.phaseName} · {display.main}
              </p>
            }
            footer={
              <button type="button" className={buttonClass("primary")} onClick={openSubmit}>
                Submit answer
              </button>
            }
          />
        </div>
      </div>

      <ConfirmDialog
        open={submitOpen}
        title="Hand in your answer?"
        confirmLabel="Submit answer"
        busyLabel="Submitting…"
        busy={submitting}
        error={submitError ? `Couldn’t submit: ${submitError}` : null}
        onConfirm={submit}
        onCancel={() => setSubmitOpen(false)}
      >
        <p>
          The clock stops at <strong>{formatClock(view.elapsedMs)}</strong>
          {view.isOverTime ? ` (${display.over})` : ` of ${display.planned}`} and the answer can no longer
          change.
        </p>
        <p>
          Next you score it against the rubric; then the example answers and the talking points you covered
          are revealed.
        </p>
        {snapshot.status.kind === "offline" ? (
          <Alert tone="warning">
            You seem to be offline. Your answer is safe on this device; submitting needs the connection back.
          </Alert>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
