import type { ReactNode } from "react";

/** A dashed placeholder where a list or a text would be: no notes yet, no match. */
export function Empty({
  className,
  testId,
  children,
}: {
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <p className={className ? `empty-note ${className}` : "empty-note"} data-testid={testId}>
      {children}
    </p>
  );
}
