import type { ReactNode } from "react";
import { cardProps } from "../../../ui/card";
import "./Card.css";

/**
 * A panel of the room: a titled section with an optional kicker line under the
 * title and an optional `aside` (a badge, a toggle) at the header's end.
 * Named by its title when `titleId` is given, otherwise by `label`.
 */
export function Card({
  title,
  titleId,
  kicker,
  aside,
  label,
  className,
  testId,
  tightTop = false,
  children,
}: {
  title?: ReactNode;
  titleId?: string;
  kicker?: ReactNode;
  aside?: ReactNode;
  label?: string;
  className?: string;
  testId?: string;
  /** Less room above the content, for a card whose content brings its own heading. */
  tightTop?: boolean;
  children?: ReactNode;
}) {
  const surface = cardProps({
    className:
      [tightTop ? "ps-card--tight-top" : null, className ?? null].filter(Boolean).join(" ") || undefined,
  });
  const heading =
    title === undefined ? null : (
      <>
        <h2 id={titleId} className="ps-card__title">
          {title}
        </h2>
        {kicker ? <p className="ps-card__kicker">{kicker}</p> : null}
      </>
    );
  return (
    <section
      {...surface}
      aria-labelledby={title !== undefined ? titleId : undefined}
      aria-label={label}
      data-testid={testId}
    >
      {heading ? (
        aside ? (
          <header className="ps-card__header ps-card__header--row">
            <div>{heading}</div>
            {aside}
          </header>
        ) : (
          <header className="ps-card__header">{heading}</header>
        )
      ) : null}
      {children}
    </section>
  );
}
