import type { ReactNode } from "react";
import "./AnswerSource.css";

/** One of the ways to add answers to an exercise (bank examples, a pasted transcript), as a panel. */
export function AnswerSource({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="answer-source">
      <h3 className="answer-source__title">{title}</h3>
      {children}
    </div>
  );
}
