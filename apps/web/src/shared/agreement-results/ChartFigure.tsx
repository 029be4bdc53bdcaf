import { type ReactNode, useId } from "react";
import "./ChartFigure.css";

/**
 * The frame every results chart sits in: a captioned figure (title and a line on how to read it),
 * the chart itself and, under it, a one-line summary in words.
 */
export function ChartFigure({
  title,
  sub,
  summary,
  className,
  children,
}: {
  title: ReactNode;
  sub: ReactNode;
  summary?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <figure className={className ? `chart ${className}` : "chart"} aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart__caption">
        <span className="chart__title">{title}</span>
        <span className="hint">{sub}</span>
      </figcaption>
      {children}
      {summary ? <p className="chart__summary">{summary}</p> : null}
    </figure>
  );
}

/** The drawing area of a chart: an image to assistive tech, named by the same summary in words. */
export function ChartFrame({
  label,
  testId,
  children,
}: {
  label: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="chart__frame" role="img" aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}

/** The hover card of a bar: a name in bold, then a line per fact. */
export function ChartTip({ title, lines }: { title: string; lines: readonly ReactNode[] }) {
  return (
    <div className="chart-tip">
      <strong>{title}</strong>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines are fixed per chart; their position is their identity
        <span key={i}>{line}</span>
      ))}
    </div>
  );
}
