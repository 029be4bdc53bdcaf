import { type ClockState, type ClockView, clockView } from "@loopwright/clock";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { formatRemaining, formatStamp, spokenDuration } from "../../../lib/clock-format";
import { useNow } from "../lib/useNow";

/** How often the readout re-renders from the corrected clock. */
export const TIMER_RENDER_MS = 100;
const CUE_VISIBLE_MS = 10_000;

type Tone = "idle" | "running" | "paused" | "over" | "stopped";
const TONE_LABEL: Record<Tone, string> = {
  idle: "Not started",
  running: "Running",
  paused: "Paused",
  over: "Over time",
  stopped: "Finished",
};

function toneOf(view: ClockView): Tone {
  if (!view.started) return "idle";
  if (view.stopped) return "stopped";
  if (view.paused) return "paused";
  if (view.isOverTime || view.phaseRemainingMs < 0) return "over";
  return "running";
}

/**
 * The server's phased clock, shown from its state and the server time as this
 * browser estimates it (Date.now() + offset). It never counts on its own, so
 * everyone in the session reads the same time.
 */
export function SessionTimer({
  clock,
  offsetMs,
  goals,
  waitingLabel,
  controls,
}: {
  clock: ClockState;
  offsetMs: number;
  /** Each phase's goal, by phase id, when known. */
  goals?: Record<string, string>;
  /** What to say before the clock starts. */
  waitingLabel: string;
  /** Controls (the host's), shown under the readout, given the clock as it reads now. */
  controls?: (view: ClockView) => ReactNode;
}) {
  const now = useNow(TIMER_RENDER_MS, offsetMs);
  const view = clockView(clock, now);
  const tone = toneOf(view);
  const index = view.currentPhaseIndex;
  const current = index >= 0 ? view.phases[index] : undefined;
  const total = view.phases.length;

  const [announcement, setAnnouncement] = useState("");
  const [cue, setCue] = useState<number | null>(null);
  const previous = useRef<{ index: number; tone: Tone } | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = { index, tone };
    if (!before) return;
    if (index !== before.index && index >= 0 && current) {
      setAnnouncement(
        `Now in phase ${index + 1} of ${total}: ${current.name}, ${spokenDuration(current.plannedMs)} planned.`,
      );
      if (before.index >= 0) setCue(index);
    } else if (tone !== before.tone) {
      if (tone === "paused") setAnnouncement("The timer is paused.");
      else if (tone === "running" && before.tone === "paused") setAnnouncement("The timer is running again.");
      else if (tone === "over") setAnnouncement(`Time is up for ${current?.name ?? "this phase"}.`);
    }
  }, [index, tone, total, current]);
  useEffect(() => {
    if (cue === null) return;
    const timer = setTimeout(() => setCue(null), CUE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [cue]);

  const readout = !view.started
    ? { main: formatStamp(view.totalPlannedMs), label: "planned in total" }
    : view.isOverTime
      ? { main: `+${formatStamp(view.overrunMs)}`, label: "over the planned time" }
      : { main: formatRemaining(view.phaseRemainingMs), label: `left in ${current?.name ?? "this phase"}` };

  return (
    <section
      className="ps-timer"
      data-tone={tone}
      aria-labelledby="ps-timer-title"
      data-testid="session-timer"
    >
      <h2 id="ps-timer-title" className="visually-hidden">
        Timer
      </h2>
      <div className="ps-timer__top">
        <div className="ps-timer__phase">
          <p className="ps-timer__kicker">
            <span>{view.started && current ? `Phase ${index + 1} of ${total}` : `${total} phases`}</span>
            <span className="ps-timer__state" data-testid="timer-state">
              <span className="ps-timer__state-dot" aria-hidden="true" />
              {TONE_LABEL[tone]}
            </span>
          </p>
          <p className="ps-timer__name" data-testid="current-phase">
            {view.started && current ? current.name : waitingLabel}
          </p>
          {view.started && current && goals?.[current.id] ? (
            <p className="ps-timer__goal">{goals[current.id]}</p>
          ) : null}
          {cue !== null && view.phases[cue] ? (
            <p className="ps-timer__cue">
              <span className="ps-timer__cue-badge">New phase</span>
              {view.phases[cue]?.name}
            </p>
          ) : null}
        </div>
        <div className="ps-timer__readout">
          <p className="ps-timer__main" aria-hidden="true">
            {readout.main}
          </p>
          <p className="ps-timer__main-label">{readout.label}</p>
        </div>
      </div>

      <div
        className="ps-timer__track"
        role="progressbar"
        aria-label="Time through the session"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(view.overallProgress * 100)}
        aria-valuetext={
          view.started && current
            ? `Phase ${index + 1} of ${total}, ${current.name}: ${
                view.phaseRemainingMs >= 0
                  ? `${spokenDuration(view.phaseRemainingMs)} left`
                  : `${spokenDuration(-view.phaseRemainingMs)} over`
              }`
            : "Not started"
        }
      >
        {view.phases.map((phase) => {
          const fill = phase.state === "done" ? 1 : Math.min(1, phase.spentMs / Math.max(1, phase.plannedMs));
          return (
            <span
              key={phase.id}
              className="ps-timer__segment"
              data-state={phase.state}
              data-over={phase.overrunMs > 0 ? "true" : undefined}
              style={{ flexGrow: phase.plannedMs }}
            >
              <span className="ps-timer__fill" style={{ width: `${fill * 100}%` }} />
            </span>
          );
        })}
      </div>

      <ol className="ps-timer__steps" aria-label="Phases">
        {view.phases.map((phase) => (
          <li
            key={phase.id}
            className="ps-timer__step"
            data-state={phase.state}
            aria-current={phase.state === "current" ? "step" : undefined}
          >
            <span className="ps-timer__marker" aria-hidden="true">
              {phase.state === "done" ? "✓" : phase.index + 1}
            </span>
            <span className="ps-timer__step-name">{phase.name}</span>
            <span className="ps-timer__step-time">
              <span className="visually-hidden">
                {phase.state === "done" ? ", done, took " : phase.state === "current" ? ", current, " : ", "}
              </span>
              {phase.state === "upcoming"
                ? formatStamp(phase.plannedMs)
                : `${formatStamp(phase.spentMs)} / ${formatStamp(phase.plannedMs)}`}
            </span>
          </li>
        ))}
      </ol>

      <div className="ps-timer__footer">
        <p className="ps-timer__elapsed" data-testid="elapsed" data-elapsed-ms={Math.floor(view.elapsedMs)}>
          Elapsed <strong>{formatStamp(view.elapsedMs)}</strong> of {formatStamp(view.totalPlannedMs)}
        </p>
        {controls?.(view)}
      </div>

      <p className="visually-hidden" role="status" aria-live="polite" data-testid="timer-announcer">
        {announcement}
      </p>
    </section>
  );
}
