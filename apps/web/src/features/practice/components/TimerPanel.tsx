import type { ClockView } from "@loopwright/clock";
import { NextIcon } from "../../../components/ClockIcons";
import { buttonClass } from "../../../ui/button";
import { PhaseTimer } from "../../../ui/PhaseTimer";
import type { ClockAction } from "../api";
import { PauseResumeButton } from "./PauseResumeButton";

/** The practice timer: the shared phased timer with the practitioner's own pause and next-phase buttons. */
export function TimerPanel({
  view,
  goals,
  pendingAction,
  error,
  onAction,
}: {
  view: ClockView;
  /** Each phase's goal from the question, by phase id. */
  goals: Record<string, string>;
  pendingAction: ClockAction | null;
  error: string | null;
  onAction: (action: ClockAction) => void;
}) {
  const canControl = view.started && !view.stopped;
  const isLast = view.currentPhaseIndex === view.phases.length - 1;
  const paused = view.paused;

  return (
    <PhaseTimer
      view={view}
      goals={goals}
      controls={
        <>
          {canControl ? (
            <div className="phase-timer__controls">
              <PauseResumeButton
                paused={paused}
                pendingAction={pendingAction}
                onAction={onAction}
                className={buttonClass("quiet")}
              />
              <button
                type="button"
                className={buttonClass("quiet")}
                onClick={() => onAction("advance")}
                disabled={pendingAction !== null || isLast}
              >
                <NextIcon />
                {pendingAction === "advance" ? "Moving on…" : "Next phase"}
              </button>
            </div>
          ) : null}
          {error ? (
            <p className="phase-timer__error" role="alert">
              {error}
            </p>
          ) : null}
        </>
      }
    />
  );
}
