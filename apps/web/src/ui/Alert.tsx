import type { ReactNode } from "react";
import "./Alert.css";

export type AlertTone = "error" | "warning" | "note";

/**
 * An inline message. Errors are announced (role="alert") because they answer something the person
 * just did; warnings and notes are status text a screen reader reads when it reaches them.
 */
export function Alert({
  tone = "error",
  id,
  className,
  testId,
  announce = true,
  children,
}: {
  tone?: AlertTone;
  /** false inside a region that is itself announced, so the message is not read twice. */
  announce?: boolean;
  id?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <p
      id={id}
      role={announce ? (tone === "error" ? "alert" : "status") : undefined}
      className={className ? `ui-alert ${className}` : "ui-alert"}
      data-tone={tone}
      data-testid={testId}
    >
      {children}
    </p>
  );
}
