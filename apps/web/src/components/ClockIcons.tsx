import { Pause, Play, SkipForward } from "lucide-react";

/**
 * The icons on clock controls (the practice timer and the host's session
 * controls), so both clocks show the same ones. Decorative only: each button
 * says what it does in words. Filled, as play/pause glyphs usually are.
 */

export function PauseIcon() {
  return <Pause className="icon" size={14} fill="currentColor" aria-hidden="true" />;
}

export function PlayIcon() {
  return <Play className="icon" size={14} fill="currentColor" aria-hidden="true" />;
}

export function NextIcon() {
  return <SkipForward className="icon" size={14} fill="currentColor" aria-hidden="true" />;
}
