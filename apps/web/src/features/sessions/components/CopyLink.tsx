import { useId, useRef, useState } from "react";

/** A link shown for sharing: read-only, selectable, with a Copy button that says when it worked. */
export function CopyLink({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
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
    <div className="ps-copy" data-testid={testId}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="ps-hint">
          {hint}
        </p>
      ) : null}
      <div className="ps-copy__row">
        <input
          ref={input}
          id={id}
          className="input ps-copy__input"
          readOnly
          value={value}
          spellCheck={false}
          aria-describedby={hint ? hintId : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--quiet ps-copy__button" onClick={copy}>
          <CopyIcon />
          {status === "copied" ? "Copied" : "Copy"}
          <span className="visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </div>
      <p className="ps-copy__status" role="status" aria-live="polite">
        {status === "copied"
          ? "Copied to the clipboard."
          : status === "failed"
            ? "Copying is blocked here; the link is selected, so press Ctrl+C or ⌘C."
            : ""}
      </p>
    </div>
  );
}

function CopyIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect
        x="5.25"
        y="5.25"
        width="8"
        height="8.5"
        rx="1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <path
        d="M10.5 3.5V3a1.25 1.25 0 0 0-1.25-1.25h-5.5A1.25 1.25 0 0 0 2.5 3v6.25a1.25 1.25 0 0 0 1.25 1.25h.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
    </svg>
  );
}
