import { useId, useRef, useState } from "react";

/** A secret link shown once: read-only, selectable, with a Copy button that says when it worked. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      // No clipboard permission (or an insecure origin): select the text so Ctrl/Cmd+C works.
      input.current?.select();
      setStatus("failed");
    }
  };

  return (
    <div className="copy-field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="copy-field__row">
        <input
          ref={input}
          id={id}
          className="input copy-field__input"
          readOnly
          value={value}
          spellCheck={false}
          aria-describedby={hint ? hintId : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--primary" onClick={copy}>
          {status === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      {hint ? (
        <p id={hintId} className="cal-hint">
          {hint}
        </p>
      ) : null}
      <p className="cal-hint cal-hint--status" role="status" aria-live="polite">
        {status === "copied"
          ? "Copied to the clipboard."
          : status === "failed"
            ? "Copying is blocked here; the link is selected, so press Ctrl+C or ⌘C."
            : ""}
      </p>
    </div>
  );
}
