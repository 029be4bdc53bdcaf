import type { TimerDisplay } from "../../../lib/phase-timer";

/**
 * The browser tab's title while an attempt runs, so someone who switched tabs
 * to look something up sees where they are: "Outline · 12:34 left",
 * "Paused · Outline · 12:34 left", "Trade-offs · +2:13 over". The product name
 * is added by useDocumentTitle. Built from the timer's display, whose times
 * change once a second, so the title is written at most once a second.
 */
export function attemptTabTitle(display: Pick<TimerDisplay, "tone" | "phaseName" | "main" | "over">): string {
  const time = display.over ?? `${display.main} left`;
  const where = display.phaseName ? `${display.phaseName} · ${time}` : time;
  return display.tone === "paused" ? `Paused · ${where}` : where;
}
