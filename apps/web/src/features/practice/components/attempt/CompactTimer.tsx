import type { TimerDisplay } from "../../../../lib/phase-timer";
import { buttonClass } from "../../../../ui/button";
import type { ClockAction } from "../../api";
import { PauseResumeButton } from "../PauseResumeButton";
import "./CompactTimer.css";

/**
 * The timer in one line for a phone, stuck to the top of the screen while the writer is in the pad:
 * phase, time left (or over) and the pause. The full timer above stays the one that is announced.
 */
export function CompactTimer({
  display,
  paused,
  canControl,
  pendingAction,
  onAction,
}: {
  display: TimerDisplay;
  paused: boolean;
  canControl: boolean;
  pendingAction: ClockAction | null;
  onAction: (action: ClockAction) => void;
}) {
  const state = paused ? "paused" : display.over ? "over" : "left";
  return (
    <div className="pr-compact-timer" data-tone={display.tone} data-testid="compact-timer">
      <p className="pr-compact-timer__readout">
        <span className="pr-compact-timer__phase">{display.phaseName}</span>
        <span className="pr-compact-timer__time" data-testid="compact-time">
          {display.over ?? display.main}
        </span>
        <span className="pr-compact-timer__state">
          {state === "left" ? "left" : state === "paused" ? "paused" : ""}
        </span>
      </p>
      {canControl ? (
        <PauseResumeButton
          paused={paused}
          pendingAction={pendingAction}
          onAction={onAction}
          className={buttonClass("quiet", { size: "small", className: "pr-compact-timer__button" })}
        />
      ) : null}
    </div>
  );
}
