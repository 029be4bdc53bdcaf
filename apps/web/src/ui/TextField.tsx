import type { InputHTMLAttributes, Ref } from "react";
import { Field } from "./Field";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "className">;

/** The common case of a Field: one text input (or number, search…) whose value is a string in state. */
export function TextField({
  label,
  hint,
  error,
  className,
  inputClassName,
  value,
  onValueChange,
  ref,
  ...input
}: InputProps & {
  label: string;
  hint?: string;
  error?: string | undefined;
  className?: string;
  /** Added to the input's own "input" class. */
  inputClassName?: string;
  value: string;
  onValueChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <input
          {...input}
          {...control}
          ref={ref}
          className={inputClassName ? `input ${inputClassName}` : "input"}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </Field>
  );
}
