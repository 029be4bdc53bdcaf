import { PauseIcon, PlayIcon } from "../../../components/ClockIcons";
import type { ClockAction } from "../api";

/** The practice clock's Pause / Resume, with what it is doing while the server answers. */
export function PauseResumeButton({
  paused,
  pendingAction,
  onAction,
  className,
}: {
  paused: boolean;
  pendingAction: ClockAction | null;
  onAction: (action: ClockAction) => void;
  className: string;
}) {
  return (
    <button
      type="button"
      className={className}
      onClick={() => onAction(paused ? "resume" : "pause")}
      disabled={pendingAction !== null}
    >
      {paused ? <PlayIcon /> : <PauseIcon />}
      {pendingAction === "pause"
        ? "Pausing…"
        : pendingAction === "resume"
          ? "Resuming…"
          : paused
            ? "Resume"
            : "Pause"}
    </button>
  );
}
