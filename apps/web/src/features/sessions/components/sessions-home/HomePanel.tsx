import type { ReactNode, Ref } from "react";
import "./HomePanel.css";

/** The main panel of the sessions page: starting a session, then the session just created. */
export function HomePanel({
  titleId,
  title,
  lede,
  eyebrow,
  headingRef,
  headingLabel,
  className,
  testId,
  children,
}: {
  titleId: string;
  title: ReactNode;
  lede: ReactNode;
  eyebrow?: ReactNode;
  /** Given when the heading takes focus (it is then focusable from script only). */
  headingRef?: Ref<HTMLHeadingElement>;
  /** What a screen reader says when the heading takes focus, when the visible title alone is too terse. */
  headingLabel?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={className ? `ps-home-panel ${className}` : "ps-home-panel"}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      {eyebrow ? <p className="eyebrow">{eyebrow}</p> : null}
      <h2
        id={titleId}
        className="ps-home-panel__title"
        ref={headingRef}
        tabIndex={headingRef ? -1 : undefined}
        aria-label={headingLabel}
      >
        {title}
      </h2>
      <p className="lede">{lede}</p>
      {children}
    </section>
  );
}
