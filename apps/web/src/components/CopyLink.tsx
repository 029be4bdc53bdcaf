import { Copy } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "../ui/button";
import { Field } from "../ui/Field";

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
    button: buttonClass("primary"),
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
    button: buttonClass("quiet", { className: "ps-copy__button" }),
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
    button: buttonClass("quiet"),
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

  return (
    <Field
      label={label}
      hint={hint}
      hintAfter={!spec.hintFirst}
      describedBy={hint ? undefined : describedBy}
      className={spec.root}
      testId={testId}
      after={
        <p className={spec.status} role="status" aria-live={spec.liveStatus ? "polite" : undefined}>
          {status === "idle" ? "" : spec.messages[status]}
        </p>
      }
    >
      {(control) => (
        <div className={spec.row}>
          <input
            ref={input}
            {...control}
            className={spec.input}
            type="text"
            readOnly
            value={value}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className={spec.button} onClick={copy}>
            {look === "practice" ? (
              <>
                <Copy className="icon" size={15} aria-hidden="true" />
                Copy link
              </>
            ) : (
              <>
                {look === "sessions" ? <Copy className="icon" size={14} aria-hidden="true" /> : null}
                {status === "copied" ? "Copied" : "Copy"}
                {look === "sessions" ? <span className="visually-hidden"> {label.toLowerCase()}</span> : null}
              </>
            )}
          </button>
        </div>
      )}
    </Field>
  );
}
