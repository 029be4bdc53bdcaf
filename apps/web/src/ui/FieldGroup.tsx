import { type ReactNode, useId } from "react";
import { sentence } from "../lib/sentence";
import "./Field.css";

/**
 * A group of controls answering one question (checkboxes, a picker): a
 * fieldset whose legend names it and whose error, when there is one, is tied
 * to it through aria-describedby and aria-invalid.
 */
export function FieldGroup({
  legend,
  legendClassName = "field__label",
  error,
  className,
  testId,
  children,
}: {
  legend: ReactNode;
  legendClassName?: string;
  error?: string | undefined;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const errorId = useId();
  return (
    <fieldset
      className={className}
      data-testid={testId}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className={legendClassName}>{legend}</legend>
      {children}
      {error ? (
        <p id={errorId} className="ui-field__error">
          {sentence(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
