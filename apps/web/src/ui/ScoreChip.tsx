import type { ReactNode } from "react";
import "./ScoreChip.css";

/** One dimension's score as a small square, in a row of them (a glance at a spread of scores). */
export function ScoreChip({ children }: { children: ReactNode }) {
  return <span className="ui-score-chip">{children}</span>;
}
