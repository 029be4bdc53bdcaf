import type { ClockView } from "@loopwright/clock";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { formatClock, spokenDuration } from "../lib/clock-format";
import {
  pauseAnnouncement,
  phaseAnnouncement,
  progressText,
  TIME_UP_ANNOUNCEMENT,
  TONE_LABEL,
  timerDisplay,
} from "../lib/phase-timer";
import "./PhaseTimer.css";

const CUE_VISIBLE_MS = 12_000;

/**
 * The phased timer, for solo practice and mock-interview sessions alike.
 * Everything it shows is derived from a clock view (server state at the
 * corrected current time); nothing here counts on its own. Each feature passes
 * its own controls (the practitioner's pause, the host's clock) to sit beside
 * the elapsed time.
 */
export function PhaseTimer({
  view,
  goals,
  waitingLabel,
  controls,
}: {
  view: ClockView;
  /** Each phase's goal, by phase id, when known. */
  goals?: Record<string, string>;
  /** What to say in place of the phase before the clock starts. */
  waitingLabel?: string;
  controls?: ReactNode;
}) {
  const titleId = useId();
  const display = timerDisplay(view, waitingLabel);
  const index = view.currentPhaseIndex;
  const current = view.started ? view.phases[index] : undefined;
  const { cue, announcement } = usePhaseCues(view, display.timeUp);

  return (
    <section
      className="phase-timer"
      data-tone={display.tone}
      data-cue={cue !== null ? "on" : undefined}
      aria-labelledby={titleId}
      data-testid="timer"
    >
      <h2 id={titleId} className="visually-hidden">
        Timer
      </h2>

      <div className="phase-timer__top">
        <div className="phase-timer__phase">
          <p className="phase-timer__phase-label">
            <span>{display.phaseLabel}</span>
            <span className="phase-timer__state" data-testid="timer-state">
              <span className="phase-timer__state-dot" aria-hidden="true" />
              {TONE_LABEL[display.tone]}
            </span>
          </p>
          <p className="phase-timer__phase-name" data-testid="current-phase">
            {display.phaseName}
          </p>
          {current && goals?.[current.id] ? <p className="phase-timer__goal">{goals[current.id]}</p> : null}
        </div>
        <div className="phase-timer__readout">
          <p className="phase-timer__main" data-testid="timer-main">
            {display.main}
          </p>
          <p className="phase-timer__main-label">{display.mainLabel}</p>
        </div>
      </div>

      {cue !== null && view.phases[cue] ? (
        <p className="phase-timer__cue" data-testid="phase-cue">
          <span className="phase-timer__cue-badge">New phase</span>
          {view.phases[cue]?.name} · {spokenDuration(view.phases[cue]?.plannedMs ?? 0)} planned
        </p>
      ) : null}

      <div
        className="phase-timer__track"
        role="progressbar"
        aria-label="Time through the plan"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(view.overallProgress * 100)}
        aria-valuetext={progressText(view)}
      >
        {view.phases.map((phase) => {
          const fill = phase.state === "done" ? 1 : Math.min(1, phase.spentMs / Math.max(1, phase.plannedMs));
          return (
            <span
              key={phase.id}
              className="phase-timer__segment"
              data-state={phase.state}
              data-over={phase.overrunMs > 0 ? "true" : undefined}
              style={{ flexGrow: phase.plannedMs }}
            >
              <span className="phase-timer__segment-fill" style={{ width: `${fill * 100}%` }} />
            </span>
          );
        })}
      </div>

      <ol className="phase-timer__steps" aria-label="Phases">
        {view.phases.map((phase) => (
          <li
            key={phase.id}
            className="phase-timer__step"
            data-state={phase.state}
            aria-current={phase.state === "current" ? "step" : undefined}
          >
            <span className="phase-timer__step-marker" aria-hidden="true">
              {phase.state === "done" ? "✓" : phase.index + 1}
            </span>
            <span className="phase-timer__step-name">{phase.name}</span>
            <span className="phase-timer__step-time">
              <span className="visually-hidden">
                {phase.state === "done" ? ", done, took " : phase.state === "current" ? ", current, " : ", "}
              </span>
              {phase.state === "upcoming"
                ? formatClock(phase.plannedMs)
                : `${formatClock(phase.spentMs)} / ${formatClock(phase.plannedMs)}`}
            </span>
          </li>
        ))}
      </ol>

      <div className="phase-timer__footer">
        <p
          className="phase-timer__elapsed"
          data-testid="elapsed"
          data-elapsed-ms={Math.floor(view.elapsedMs)}
        >
          Elapsed <strong>{display.elapsed}</strong> of {display.planned}
          {display.over ? (
            <span className="phase-timer__over" data-testid="overrun">
              {display.over}
            </span>
          ) : null}
        </p>
        {controls}
      </div>

      <p className="visually-hidden" role="status" aria-live="polite" data-testid="timer-announcer">
        {announcement}
      </p>
    </section>
  );
}

/**
 * A phase change (by the clock or by hand) gets a visible cue for a while and
 * a spoken announcement; so do the plan running out and a pause or resume.
 */
function usePhaseCues(view: ClockView, timeUp: boolean): { cue: number | null; announcement: string } {
  const index = view.currentPhaseIndex;
  const [cue, setCue] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const viewRef = useRef(view);
  viewRef.current = view;

  const previousIndex = useRef<number | null>(null);
  useEffect(() => {
    const before = previousIndex.current;
    previousIndex.current = index;
    if (before === null || index === before || index < 0) return;
    setAnnouncement(phaseAnnouncement(viewRef.current));
    // The clock starting announces the first phase; only moving on from one shows the cue.
    if (before >= 0) setCue(index);
  }, [index]);

  const previousTimeUp = useRef<boolean | null>(null);
  useEffect(() => {
    if (previousTimeUp.current === false && timeUp) setAnnouncement(TIME_UP_ANNOUNCEMENT);
    previousTimeUp.current = timeUp;
  }, [timeUp]);

  const previousPaused = useRef<boolean | null>(null);
  useEffect(() => {
    if (previousPaused.current !== null && previousPaused.current !== view.paused) {
      setAnnouncement(pauseAnnouncement(view.paused));
    }
    previousPaused.current = view.paused;
  }, [view.paused]);

  useEffect(() => {
    if (cue === null) return;
    const timer = setTimeout(() => setCue(null), CUE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [cue]);

  return { cue, announcement };
}
