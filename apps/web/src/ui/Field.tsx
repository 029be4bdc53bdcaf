import { type ReactNode, useId } from "react";
import { sentence } from "../lib/sentence";
import "./Field.css";

/** What the control inside a Field spreads onto itself, so its label, hint and error reach assistive tech. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A labelled control with an optional hint and error, wired up through
 * aria-describedby and aria-invalid. The hint sits between the label and the
 * control unless `hintAfter`; `describedBy` adds ids of notes elsewhere on
 * the page. `aside` sits next to the label (a live value, a counter); pass
 * `id` when something outside the control must name it (an <output for>).
 * `after` comes last, under the hint and error (a live status line).
 */
export function Field({
  label,
  hint,
  hintAfter = false,
  error,
  describedBy,
  aside,
  id: givenId,
  className,
  testId,
  after,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  hintAfter?: boolean;
  error?: string | undefined;
  describedBy?: string;
  aside?: ReactNode;
  id?: string;
  className?: string;
  testId?: string;
  after?: ReactNode;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const ids = [hint ? hintId : null, describedBy ?? null, error ? errorId : null].filter(Boolean);
  const hintLine = hint ? (
    <p id={hintId} className="ui-field__hint">
      {hint}
    </p>
  ) : null;
  const labelLine = (
    <label htmlFor={id} className="field__label">
      {label}
    </label>
  );
  return (
    <div className={`field${className ? ` ${className}` : ""}`} data-testid={testId}>
      {aside ? (
        <div className="ui-field__head">
          {labelLine}
          {aside}
        </div>
      ) : (
        labelLine
      )}
      {hintAfter ? null : hintLine}
      {children({
        id,
        "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
        "aria-invalid": error ? true : undefined,
      })}
      {hintAfter ? hintLine : null}
      {error ? (
        <p id={errorId} className="ui-field__error">
          {sentence(error)}
        </p>
      ) : null}
      {after}
    </div>
  );
}
