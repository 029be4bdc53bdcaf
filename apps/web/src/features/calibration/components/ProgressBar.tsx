import "./ProgressBar.css";

/** A thin bar of how much of `max` is done, named for assistive tech by `label`. */
export function ProgressBar({
  label,
  value,
  max,
  className,
}: {
  label: string;
  value: number;
  max: number;
  className?: string;
}) {
  const pct = max ? (value / max) * 100 : 0;
  return (
    <span
      className={className ? `cal-progress ${className}` : "cal-progress"}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
    >
      <span className="cal-progress__bar" style={{ width: `${pct}%` }} />
    </span>
  );
}
