import type { ReactNode } from "react";
import "./ResultsSection.css";

/**
 * One block of a round's results: a heading (also its landmark name), an optional line on what it
 * shows, and its content; `pair` sets a chart beside the table that holds the same numbers.
 */
export function ResultsSection({
  title,
  label = typeof title === "string" ? title : undefined,
  explain,
  pair = false,
  children,
}: {
  title: ReactNode;
  /** The section's accessible name, when the heading is not plain text. */
  label?: string;
  explain?: ReactNode;
  pair?: boolean;
  children: ReactNode;
}) {
  return (
    <section className="results__block" aria-label={label}>
      <h3 className="results__heading">{title}</h3>
      {explain ? <p className="results__explain">{explain}</p> : null}
      {pair ? <div className="results__pair">{children}</div> : children}
    </section>
  );
}
