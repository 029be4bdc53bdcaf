import type { ReactNode } from "react";
import "./ResultsSection.css";

/** Where a results heading sits in the page's outline: below the page's or a section's heading. */
export type HeadingLevel = 2 | 3 | 4;

/**
 * One block of a round's results: a heading (also its landmark name), an optional line on what it
 * shows, and its content; `pair` sets a chart beside the table that holds the same numbers.
 */
export function ResultsSection({
  title,
  label = typeof title === "string" ? title : undefined,
  explain,
  pair = false,
  level = 3,
  children,
}: {
  title: ReactNode;
  /** The section's accessible name, when the heading is not plain text. */
  label?: string;
  explain?: ReactNode;
  pair?: boolean;
  /** One below the heading the section sits under, so screen-reader outlines skip no level. */
  level?: HeadingLevel;
  children: ReactNode;
}) {
  const Heading = `h${level}` as const;
  return (
    <section className="results__block" aria-label={label}>
      <Heading className="results__heading">{title}</Heading>
      {explain ? <p className="results__explain">{explain}</p> : null}
      {pair ? <div className="results__pair">{children}</div> : children}
    </section>
  );
}
