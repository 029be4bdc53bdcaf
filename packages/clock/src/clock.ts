/**
 * Timer arithmetic shared by solo practice and live sessions. The clock never
 * ticks: its state is a handful of timestamps, and what a screen shows is
 * derived from them and `now`, so a reload or a server restart changes nothing.
 */

export interface PhasePlan {
  id: string;
  name: string;
  durationMs: number;
}

export interface ClockState {
  phases: PhasePlan[];
  /** Epoch ms when the clock started; null until then. */
  startedAt: number | null;
  /** Epoch ms when the current pause began; null while running. */
  pausedAt: number | null;
  /** Total ms of completed pauses. */
  pausedMs: number;
  /** advances[i] is the elapsed ms at which phase i was ended by hand, before its planned end. */
  advances: number[];
  /** Extra ms granted per phase, index-aligned with phases. */
  extensionsMs: number[];
  /** Epoch ms when the clock was finished; elapsed time freezes there. */
  stoppedAt: number | null;
}

export type PhaseState = "done" | "current" | "upcoming";

export interface PhaseStatus {
  id: string;
  name: string;
  index: number;
  plannedMs: number;
  startMs: number;
  /** Elapsed ms at which the phase ended; null for the current, upcoming, or last phase. */
  endMs: number | null;
  spentMs: number;
  state: PhaseState;
  overrunMs: number;
}

export interface ClockView {
  started: boolean;
  paused: boolean;
  stopped: boolean;
  elapsedMs: number;
  totalPlannedMs: number;
  currentPhaseIndex: number;
  phaseElapsedMs: number;
  /** Negative in the last phase once it runs over. */
  phaseRemainingMs: number;
  phaseProgress: number;
  overallProgress: number;
  overrunMs: number;
  isOverTime: boolean;
  phases: PhaseStatus[];
}

export class ClockError extends Error {
  override name = "ClockError";
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function createClock(phases: PhasePlan[]): ClockState {
  if (phases.length === 0) throw new ClockError("a clock needs at least one phase");
  for (const p of phases) {
    if (!(p.durationMs > 0)) throw new ClockError(`phase '${p.id}' needs a positive duration`);
  }
  return {
    phases: phases.map((p) => ({ ...p })),
    startedAt: null,
    pausedAt: null,
    pausedMs: 0,
    advances: [],
    extensionsMs: phases.map(() => 0),
    stoppedAt: null,
  };
}

/** Shortens (or lengthens) every phase; used to run whole practices in seconds under test. */
export function scalePhases(phases: PhasePlan[], factor: number): PhasePlan[] {
  if (!(factor > 0) || !Number.isFinite(factor))
    throw new ClockError("the scale factor must be a positive number");
  return phases.map((p) => ({ ...p, durationMs: Math.max(1, Math.round(p.durationMs * factor)) }));
}

export function plannedMs(state: ClockState, index: number): number {
  const phase = state.phases[index];
  if (!phase) throw new ClockError(`there is no phase ${index + 1}`);
  return phase.durationMs + (state.extensionsMs[index] ?? 0);
}

export function elapsedMs(state: ClockState, now: number): number {
  if (state.startedAt === null) return 0;
  // A pause that was never resumed freezes time at its start, even after a stop.
  const until = state.pausedAt ?? state.stoppedAt ?? now;
  return Math.max(0, until - state.startedAt - state.pausedMs);
}

export function clockView(state: ClockState, now: number): ClockView {
  const started = state.startedAt !== null;
  const elapsed = elapsedMs(state, now);
  const last = state.phases.length - 1;
  const totalPlannedMs = state.phases.reduce((sum, _, i) => sum + plannedMs(state, i), 0);

  const phases: PhaseStatus[] = [];
  let start = 0;
  let current = -1;
  for (let i = 0; i <= last; i++) {
    const phase = state.phases[i] as PhasePlan;
    const planned = plannedMs(state, i);
    const advancedAt = state.advances[i];
    const end = i === last ? null : (advancedAt ?? start + planned);
    let phaseState: PhaseState;
    if (!started || elapsed < start) phaseState = "upcoming";
    else if (end !== null && elapsed >= end) phaseState = "done";
    else phaseState = "current";
    if (phaseState === "current") current = i;
    // A phase that has not begun yet has spent nothing; a finished one spent its full span.
    const spent =
      phaseState === "upcoming" ? 0 : phaseState === "done" ? (end as number) - start : elapsed - start;
    phases.push({
      id: phase.id,
      name: phase.name,
      index: i,
      plannedMs: planned,
      startMs: start,
      endMs: phaseState === "done" ? end : null,
      spentMs: spent,
      state: phaseState,
      overrunMs: Math.max(0, spent - planned),
    });
    if (end !== null) start = end;
  }

  const currentStatus = current >= 0 ? phases[current] : undefined;
  const lastStatus = phases[last] as PhaseStatus;
  const phaseElapsedMs = currentStatus ? currentStatus.spentMs : 0;
  const phaseRemainingMs = currentStatus ? currentStatus.plannedMs - currentStatus.spentMs : 0;
  const lastPlannedEnd = lastStatus.startMs + lastStatus.plannedMs;
  const overrunMs = started && current === last ? Math.max(0, elapsed - lastPlannedEnd) : 0;
  return {
    started,
    paused: state.pausedAt !== null,
    stopped: state.stoppedAt !== null,
    elapsedMs: elapsed,
    totalPlannedMs,
    currentPhaseIndex: current,
    phaseElapsedMs,
    phaseRemainingMs,
    phaseProgress: currentStatus ? clamp01(currentStatus.spentMs / currentStatus.plannedMs) : 0,
    overallProgress: clamp01(elapsed / Math.max(1, lastPlannedEnd)),
    overrunMs,
    isOverTime: overrunMs > 0,
    phases,
  };
}

function assertRunning(state: ClockState, action: string): void {
  if (state.startedAt === null) throw new ClockError(`cannot ${action}: the clock has not started`);
  if (state.stoppedAt !== null) throw new ClockError(`cannot ${action}: the clock has already stopped`);
}

export function startClock(state: ClockState, now: number): ClockState {
  if (state.startedAt !== null) throw new ClockError("the clock has already started");
  return { ...state, startedAt: now };
}

export function pauseClock(state: ClockState, now: number): ClockState {
  assertRunning(state, "pause");
  if (state.pausedAt !== null) throw new ClockError("the clock is already paused");
  return { ...state, pausedAt: Math.max(now, state.startedAt as number) };
}

export function resumeClock(state: ClockState, now: number): ClockState {
  assertRunning(state, "resume");
  if (state.pausedAt === null) throw new ClockError("the clock is not paused");
  return { ...state, pausedMs: state.pausedMs + Math.max(0, now - state.pausedAt), pausedAt: null };
}

export function advancePhase(state: ClockState, now: number): ClockState {
  assertRunning(state, "move to the next phase");
  const view = clockView(state, now);
  if (view.currentPhaseIndex >= state.phases.length - 1) {
    throw new ClockError("this is the last phase; submit to finish instead");
  }
  const advances = view.phases.slice(0, view.currentPhaseIndex).map((p) => p.endMs as number);
  advances.push(view.elapsedMs);
  return { ...state, advances };
}

export function extendPhase(state: ClockState, phaseIndex: number, extraMs: number): ClockState {
  if (state.stoppedAt !== null) throw new ClockError("cannot extend: the clock has already stopped");
  if (!Number.isInteger(phaseIndex) || phaseIndex < 0 || phaseIndex >= state.phases.length) {
    throw new ClockError(`there is no phase ${phaseIndex + 1}`);
  }
  if (!(extraMs > 0)) throw new ClockError("an extension must add a positive amount of time");
  const extensionsMs = state.phases.map(
    (_, i) => (state.extensionsMs[i] ?? 0) + (i === phaseIndex ? extraMs : 0),
  );
  return { ...state, extensionsMs };
}

export function stopClock(state: ClockState, now: number): ClockState {
  assertRunning(state, "stop");
  return { ...state, stoppedAt: Math.max(now, state.startedAt as number) };
}
