import { useEffect, useId, useRef, useState } from "react";

type CopyStatus = "idle" | "copied" | "failed";

/**
 * The three places that hand out a link each keep their own look (class names
 * styled in the feature's stylesheet) and wording; the behaviour is shared.
 */
type CopyLinkLook = "calibration" | "sessions" | "practice";

interface LookSpec {
  root: string;
  row: string;
  input: string;
  button: string;
  hint: string;
  status: string;
  /** The hint sits between the label and the field rather than under it. */
  hintFirst: boolean;
  /** The status line is an explicit polite live region (role="status" alone is polite too). */
  liveStatus: boolean;
  messages: Record<Exclude<CopyStatus, "idle">, string>;
  /** Clear the status again after this long. */
  resetAfterMs?: number;
  /** When the Clipboard API refuses, also try the legacy document.execCommand("copy"). */
  legacyFallback: boolean;
}

const BLOCKED = "Copying is blocked here; the link is selected, so press Ctrl+C or ⌘C.";

const LOOKS: Record<CopyLinkLook, LookSpec> = {
  calibration: {
    root: "copy-field",
    row: "copy-field__row",
    input: "input copy-field__input",
    button: "button button--primary",
    hint: "cal-hint",
    status: "cal-hint cal-hint--status",
    hintFirst: false,
    liveStatus: true,
    messages: { copied: "Copied to the clipboard.", failed: BLOCKED },
    legacyFallback: false,
  },
  sessions: {
    root: "ps-copy",
    row: "ps-copy__row",
    input: "input ps-copy__input",
    button: "button button--quiet ps-copy__button",
    hint: "ps-hint",
    status: "ps-copy__status",
    hintFirst: true,
    liveStatus: true,
    messages: { copied: "Copied to the clipboard.", failed: BLOCKED },
    legacyFallback: false,
  },
  practice: {
    root: "pr-device-panel__field",
    row: "pr-device-panel__row",
    input: "input pr-device-panel__input",
    button: "button button--quiet",
    hint: "pr-device-panel__hint",
    status: "pr-device-panel__status",
    hintFirst: false,
    liveStatus: false,
    messages: {
      copied: "Link copied. Paste it somewhere only you can read.",
      failed: "Copying was blocked by the browser; the link is selected, so press Ctrl+C (⌘C on a Mac).",
    },
    resetAfterMs: 4000,
    legacyFallback: true,
  },
};

async function copyText(
  text: string,
  input: HTMLInputElement | null,
  legacyFallback: boolean,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure origin): select the text so Ctrl/Cmd+C works.
    if (!legacyFallback) {
      input?.select();
      return false;
    }
    input?.focus();
    input?.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

/** A link shown for sharing: read-only, selectable, with a Copy button that says when it worked. */
export function CopyLink({
  look,
  label,
  value,
  hint,
  describedBy,
  testId,
}: {
  look: CopyLinkLook;
  label: string;
  value: string;
  hint?: string;
  /** The id of a note elsewhere on the page that describes the field (instead of `hint`). */
  describedBy?: string;
  testId?: string;
}) {
  const spec = LOOKS[look];
  const id = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<CopyStatus>("idle");

  useEffect(() => {
    if (status === "idle" || spec.resetAfterMs === undefined) return;
    const timer = setTimeout(() => setStatus("idle"), spec.resetAfterMs);
    return () => clearTimeout(timer);
  }, [status, spec.resetAfterMs]);

  const copy = async () => {
    setStatus((await copyText(value, input.current, spec.legacyFallback)) ? "copied" : "failed");
  };

  const hintLine = hint ? (
    <p id={hintId} className={spec.hint}>
      {hint}
    </p>
  ) : null;

  return (
    <div className={spec.root} data-testid={testId}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {spec.hintFirst ? hintLine : null}
      <div className={spec.row}>
        <input
          ref={input}
          id={id}
          className={spec.input}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          aria-describedby={hint ? hintId : describedBy}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className={spec.button} onClick={copy}>
          {look === "practice" ? (
            <>
              <DeviceCopyIcon />
              Copy link
            </>
          ) : (
            <>
              {look === "sessions" ? <CopyIcon /> : null}
              {status === "copied" ? "Copied" : "Copy"}
              {look === "sessions" ? <span className="visually-hidden"> {label.toLowerCase()}</span> : null}
            </>
          )}
        </button>
      </div>
      {spec.hintFirst ? null : hintLine}
      <p className={spec.status} role="status" aria-live={spec.liveStatus ? "polite" : undefined}>
        {status === "idle" ? "" : spec.messages[status]}
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

function DeviceCopyIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" focusable="false">
      <rect
        x="5"
        y="5"
        width="8.5"
        height="8.5"
        rx="1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <path d="M3 10.5V3.5A1 1 0 0 1 4 2.5h6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
