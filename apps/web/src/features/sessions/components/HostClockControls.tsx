import type { ClockView } from "@loopwright/clock";
import type { RoomView } from "@loopwright/schema";
import { Eye } from "lucide-react";
import { NextIcon, PauseIcon, PlayIcon } from "../../../components/ClockIcons";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { DisabledReason } from "../../../ui/Tooltip";
import { useIntent } from "../lib/room-context";
import "./HostClockControls.css";

/** The host's hands on the shared clock and the prompt. Every change goes through the server. */
export function HostClockControls({ clock, view }: { clock: ClockView; view: RoomView }) {
  const { run, busy, error } = useIntent();
  if (view.released) return <p className="hint">Feedback released · the session is read-only.</p>;
  const isLast = clock.currentPhaseIndex >= clock.phases.length - 1;
  const disabled = busy !== null;

  return (
    <fieldset className="ps-controls">
      <legend className="visually-hidden">Timer controls</legend>
      {!clock.started ? (
        <>
          {!view.promptRevealed ? (
            <button
              type="button"
              className={buttonClass("quiet")}
              disabled={disabled}
              onClick={() => void run({ type: "reveal-prompt" })}
            >
              <Eye className="icon" size={14} aria-hidden="true" />
              {busy === "reveal-prompt" ? "Revealing…" : "Reveal prompt"}
            </button>
          ) : null}
          <button
            type="button"
            className={buttonClass("primary")}
            disabled={disabled}
            onClick={() => void run({ type: "clock", action: "start" })}
          >
            <PlayIcon />
            {busy === "clock" ? "Starting…" : view.promptRevealed ? "Start timer" : "Start timer and reveal"}
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className={buttonClass("quiet")}
            disabled={disabled}
            onClick={() => void run({ type: "clock", action: clock.paused ? "resume" : "pause" })}
          >
            {clock.paused ? <PlayIcon /> : <PauseIcon />}
            {clock.paused ? "Resume" : "Pause"}
          </button>
          <DisabledReason
            reason={isLast ? "This is the last phase" : clock.paused ? "Resume the clock first" : undefined}
          >
            <button
              type="button"
              className={buttonClass("quiet")}
              disabled={disabled || isLast || clock.paused}
              onClick={() => void run({ type: "clock", action: "advance" })}
            >
              <NextIcon />
              Next phase
            </button>
          </DisabledReason>
          <span className="ps-controls__extend">
            {[2, 5].map((minutes) => (
              <button
                key={minutes}
                type="button"
                className={buttonClass("quiet")}
                disabled={disabled}
                onClick={() => void run({ type: "clock", action: "extend", extendMinutes: minutes })}
              >
                +{minutes} min<span className="visually-hidden"> for this phase</span>
              </button>
            ))}
          </span>
        </>
      )}
      {busy === "clock" ? (
        <span className="hint" role="status">
          Saving…
        </span>
      ) : null}
      {error ? <Alert className="ps-controls__error">{error}</Alert> : null}
    </fieldset>
  );
}
