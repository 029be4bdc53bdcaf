import type { ReactNode } from "react";
import "./AnswerText.css";

/** A handed-in answer as it was written (line breaks kept), or a note that it was left blank. */
export function AnswerText({
  text,
  className,
  testId,
  children,
}: {
  text: string;
  className?: string;
  testId?: string;
  /** The text marked up (highlights); the plain text when omitted. */
  children?: ReactNode;
}) {
  return (
    <div className={className ? `pr-answer-text ${className}` : "pr-answer-text"} data-testid={testId}>
      {text.trim() === "" ? (
        <p className="pr-answer-text__empty">You handed in an empty answer.</p>
      ) : (
        (children ?? text)
      )}
    </div>
  );
}
