import type { ReactNode } from "react";
import "./PageStatus.css";

/** A whole page given over to one state of a session: joining, refused, disconnected. */
export function PageStatus({
  testId,
  footnote,
  children,
}: {
  testId?: string;
  /** Small print under the status. */
  footnote?: string;
  children: ReactNode;
}) {
  return (
    <div className="container ps-page-status" data-testid={testId}>
      {children}
      {footnote ? <p className="hint ps-page-status__footnote">{footnote}</p> : null}
    </div>
  );
}
