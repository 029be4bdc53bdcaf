import "./LiveDot.css";

/** A small round status light; it blinks (where motion is welcome) while something is happening. */
export function LiveDot({ className, blink }: { className: string; blink?: "slow" | "fast" }) {
  return <span className={`ps-dot ${className}`} data-blink={blink} aria-hidden="true" />;
}
