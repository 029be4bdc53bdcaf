import type { ReactNode } from "react";
import { ScrollRegion } from "../../../ui/ScrollRegion";
import "./AnswerText.css";

/**
 * A handed-in answer as it was written (line breaks kept), or a note that it was left blank. Its box
 * is capped in height where it is shown, so it scrolls, and is a labelled region keyboard users can
 * focus to scroll it.
 */
export function AnswerText({
  text,
  label,
  className,
  testId,
  children,
}: {
  text: string;
  /** The region's accessible name. */
  label: string;
  className?: string;
  testId?: string;
  /** The text marked up (highlights); the plain text when omitted. */
  children?: ReactNode;
}) {
  return (
    <ScrollRegion
      className={className ? `pr-answer-text ${className}` : "pr-answer-text"}
      label={label}
      testId={testId}
    >
      {text.trim() === "" ? (
        <p className="pr-answer-text__empty">You handed in an empty answer.</p>
      ) : (
        (children ?? text)
      )}
    </ScrollRegion>
  );
}
