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
  children,
}: {
  tone?: AlertTone;
  id?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <p
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={className ? `ui-alert ${className}` : "ui-alert"}
      data-tone={tone}
      data-testid={testId}
    >
      {children}
    </p>
  );
}
