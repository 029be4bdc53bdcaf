import type { ClockView } from "@loopwright/clock";
import { useEffect, useRef, useState } from "react";
import { NextIcon, PauseIcon, PlayIcon } from "../../../components/ClockIcons";
import { formatClock, spokenDuration } from "../../../lib/clock-format";
import type { ClockAction } from "../api";
import { phaseAnnouncement, timerDisplay } from "../lib/time";

const CUE_VISIBLE_MS = 12_000;

const TONE_LABEL = {
  idle: "Not started",
  running: "Running",
  paused: "Paused",
  ending: "Running",
  over: "Over time",
  stopped: "Stopped",
} as const;

/**
 * The phased timer. Everything it shows is derived from the server's clock
 * state and the corrected current time; nothing here counts on its own.
 */
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
  const display = timerDisplay(view);
  const index = view.currentPhaseIndex;
  const current = view.phases[index];
  const isLast = index === view.phases.length - 1;

  // A phase change (by the clock or by "Next phase") gets a visible cue and a spoken announcement.
  const [cue, setCue] = useState<{ index: number; at: number } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const previousIndex = useRef<number | null>(null);
  const previousTimeUp = useRef<boolean | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;

  useEffect(() => {
    if (previousIndex.current !== null && index !== previousIndex.current && index >= 0) {
      setCue({ index, at: Date.now() });
      setAnnouncement(phaseAnnouncement(viewRef.current));
    }
    previousIndex.current = index;
  }, [index]);

  useEffect(() => {
    if (previousTimeUp.current === false && display.timeUp) {
      setAnnouncement("The planned time is up. The clock keeps counting; submit when you are ready.");
    }
    previousTimeUp.current = display.timeUp;
  }, [display.timeUp]);

  const previousPaused = useRef<boolean | null>(null);
  useEffect(() => {
    if (previousPaused.current !== null && previousPaused.current !== view.paused) {
      setAnnouncement(view.paused ? "Clock paused." : "Clock running again.");
    }
    previousPaused.current = view.paused;
  }, [view.paused]);

  useEffect(() => {
    if (!cue) return;
    const timer = setTimeout(() => setCue(null), CUE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [cue]);

  const progressPercent = Math.round(view.phaseProgress * 100);
  const paused = view.paused;
  const canControl = view.started && !view.stopped;

  return (
    <section
      className="pr-timer"
      data-tone={display.tone}
      data-cue={cue ? "on" : undefined}
      aria-labelledby="timer-title"
      data-testid="timer"
    >
      <h2 id="timer-title" className="visually-hidden">
        Timer
      </h2>

      <div className="pr-timer__top">
        <div className="pr-timer__phase">
          <p className="pr-timer__phase-label">
            <span>{display.phaseLabel}</span>
            <span className="pr-timer__state" data-testid="timer-state">
              <span className="pr-timer__state-dot" aria-hidden="true" />
              {TONE_LABEL[display.tone]}
            </span>
          </p>
          <p className="pr-timer__phase-name" data-testid="current-phase">
            {display.phaseName}
          </p>
          {current && goals[current.id] ? <p className="pr-timer__goal">{goals[current.id]}</p> : null}
        </div>
        <div className="pr-timer__readout">
          <p className="pr-timer__main" data-testid="timer-main">
            {display.main}
          </p>
          <p className="pr-timer__main-label">{display.mainLabel}</p>
        </div>
      </div>

      {cue && view.phases[cue.index] ? (
        <p className="pr-timer__cue" data-testid="phase-cue">
          <span className="pr-timer__cue-badge">New phase</span>
          {view.phases[cue.index]?.name} · {spokenDuration(view.phases[cue.index]?.plannedMs ?? 0)} planned
        </p>
      ) : null}

      <div
        className="pr-timer__track"
        role="progressbar"
        aria-label="Time through the current phase"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progressPercent}
        aria-valuetext={
          current
            ? `${display.phaseLabel}, ${current.name}: ${view.isOverTime ? display.over : `${formatClock(view.phaseRemainingMs, "up")} left`}`
            : undefined
        }
      >
        {view.phases.map((phase) => {
          const fill = Math.min(1, phase.spentMs / Math.max(1, phase.plannedMs));
          return (
            <span
              key={phase.id}
              className="pr-timer__segment"
              data-state={phase.state}
              data-over={phase.overrunMs > 0 ? "true" : undefined}
              style={{ flexGrow: phase.plannedMs }}
            >
              <span className="pr-timer__segment-fill" style={{ width: `${fill * 100}%` }} />
            </span>
          );
        })}
      </div>

      <ol className="pr-timer__steps" aria-label="Phases">
        {view.phases.map((phase) => (
          <li
            key={phase.id}
            className="pr-timer__step"
            data-state={phase.state}
            aria-current={phase.state === "current" ? "step" : undefined}
          >
            <span className="pr-timer__step-marker" aria-hidden="true">
              {phase.state === "done" ? "✓" : phase.index + 1}
            </span>
            <span className="pr-timer__step-name">{phase.name}</span>
            <span className="pr-timer__step-time">
              <span className="visually-hidden">
                {phase.state === "done"
                  ? "done, took "
                  : phase.state === "current"
                    ? "current, "
                    : "upcoming, "}
              </span>
              {phase.state === "upcoming"
                ? formatClock(phase.plannedMs)
                : `${formatClock(phase.spentMs)} / ${formatClock(phase.plannedMs)}`}
            </span>
          </li>
        ))}
      </ol>

      <div className="pr-timer__footer">
        <p className="pr-timer__elapsed" data-testid="elapsed" data-elapsed-ms={Math.floor(view.elapsedMs)}>
          Elapsed <strong>{display.elapsed}</strong> of {display.planned}
          {display.over ? (
            <span className="pr-timer__over" data-testid="overrun">
              {display.over}
            </span>
          ) : null}
        </p>
        {canControl ? (
          <div className="pr-timer__controls">
            <button
              type="button"
              className="button button--quiet"
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
            <button
              type="button"
              className="button button--quiet"
              onClick={() => onAction("advance")}
              disabled={pendingAction !== null || isLast}
            >
              <NextIcon />
              {pendingAction === "advance" ? "Moving on…" : "Next phase"}
            </button>
          </div>
        ) : null}
      </div>

      {error ? (
        <p className="pr-timer__error" role="alert">
          {error}
        </p>
      ) : null}

      <p className="visually-hidden" role="status" aria-live="polite" data-testid="timer-announcer">
        {announcement}
      </p>
    </section>
  );
}
