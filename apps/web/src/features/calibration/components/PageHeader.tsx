import type { ReactNode } from "react";
import "./PageHeader.css";

/**
 * A calibration page's header: eyebrow, title and what follows them; `aside` (export buttons) sits
 * to the right on wide screens and below on narrow ones.
 */
export function PageHeader({
  eyebrow,
  title,
  aside,
  children,
}: {
  eyebrow: ReactNode;
  title: ReactNode;
  aside?: ReactNode;
  children?: ReactNode;
}) {
  const text = (
    <>
      <p className="eyebrow">{eyebrow}</p>
      <h1 className="page-title">{title}</h1>
      {children}
    </>
  );
  if (!aside) return <header className="cal-page-header">{text}</header>;
  return (
    <header className="cal-page-header cal-page-header--split">
      <div className="cal-page-header__text">{text}</div>
      {aside}
    </header>
  );
}

/** The facts line under a page title: counts and state, in tabular figures. */
export function HeaderStatus({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <p className="cal-page-header__status" data-testid={testId}>
      {children}
    </p>
  );
}
