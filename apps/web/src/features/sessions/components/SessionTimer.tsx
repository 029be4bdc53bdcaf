import { type ClockState, type ClockView, clockView } from "@loopwright/clock";
import type { ReactNode } from "react";
import { useNow } from "../../../lib/useNow";
import { PhaseTimer } from "../../../ui/PhaseTimer";

/** How often the readout re-renders from the corrected clock. */
export const TIMER_RENDER_MS = 100;

/**
 * The session's shared clock in the shared phased timer, read at the server
 * time as this browser estimates it (Date.now() + offset), so everyone in the
 * session reads the same time. Only this component re-renders as it ticks.
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
  /** Controls (the host's), shown beside the elapsed time, given the clock as it reads now. */
  controls?: (view: ClockView) => ReactNode;
}) {
  const now = useNow({ intervalMs: TIMER_RENDER_MS, offsetMs });
  const view = clockView(clock, now);
  return <PhaseTimer view={view} goals={goals} waitingLabel={waitingLabel} controls={controls?.(view)} />;
}
