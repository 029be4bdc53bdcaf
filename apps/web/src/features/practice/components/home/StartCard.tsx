import type { Attempt } from "@loopwright/schema";
import { type ReactNode, useId } from "react";
import { Alert } from "../../../../ui/Alert";
import { buttonClass } from "../../../../ui/button";
import type { useStartAttempt } from "../../lib/useStartAttempt";
import { Card } from "../Card";
import "./StartCard.css";

export type Starter = ReturnType<typeof useStartAttempt>;

/** One way to start a practice: what it does, its choices, and the button that starts it. */
export function StartCard({
  starter,
  action,
  title,
  text,
  actionLabel,
  disabled = false,
  wide = false,
  create,
  children,
}: {
  starter: Starter;
  /** Which start this is, so only its button says "Starting…" and only its error shows here. */
  action: string;
  title: string;
  text: ReactNode;
  actionLabel: string;
  disabled?: boolean;
  /** Spans the whole row of options. */
  wide?: boolean;
  create: (key: string) => Promise<Attempt>;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card
      as="article"
      className={wide ? "pr-start-card pr-start-card--wide" : "pr-start-card"}
      aria-labelledby={titleId}
    >
      <h3 id={titleId} className="pr-start-card__title">
        {title}
      </h3>
      <p className="pr-start-card__text">{text}</p>
      {children}
      <button
        type="button"
        className={buttonClass("primary", { className: "pr-start-card__action" })}
        disabled={starter.busy !== null || disabled}
        onClick={() => starter.start(action, create)}
      >
        {starter.busy === action ? "Starting…" : actionLabel}
      </button>
      {starter.error?.action === action ? <Alert>Couldn’t start: {starter.error.error.message}</Alert> : null}
    </Card>
  );
}
