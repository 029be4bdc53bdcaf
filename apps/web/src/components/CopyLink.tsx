import { Copy } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "../ui/button";
import { Field } from "../ui/Field";
import "./CopyLink.css";

type CopyStatus = "idle" | "copied" | "failed";

const MESSAGES: Record<Exclude<CopyStatus, "idle">, string> = {
  copied: "Link copied to the clipboard.",
  failed: "Copying was blocked by the browser; the link is selected, so press Ctrl+C (⌘C on a Mac).",
};

/** Long enough to read, short enough that a second copy says "copied" afresh. */
const STATUS_CLEARS_AFTER_MS = 4000;

/** Copies `text`; where the clipboard is refused, selects it in `input` for Ctrl/Cmd+C. */
export async function copyText(
  text: string,
  input: HTMLInputElement | HTMLTextAreaElement | null = null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure origin, such as a LAN address over http): the older
    // copy command still works there; if that fails too, the text stays selected for Ctrl/Cmd+C.
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
  label,
  value,
  hint,
  describedBy,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  /** The id of a note elsewhere on the page that describes the field (instead of `hint`). */
  describedBy?: string;
  testId?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<CopyStatus>("idle");

  useEffect(() => {
    if (status === "idle") return;
    const timer = setTimeout(() => setStatus("idle"), STATUS_CLEARS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    setStatus((await copyText(value, input.current)) ? "copied" : "failed");
  };

  return (
    <Field
      label={label}
      hint={hint}
      hintAfter
      describedBy={hint ? undefined : describedBy}
      className="copy-link"
      testId={testId}
      after={
        <p className="copy-link__status" role="status">
          {status === "idle" ? "" : MESSAGES[status]}
        </p>
      }
    >
      {(control) => (
        <div className="copy-link__row">
          <input
            ref={input}
            {...control}
            className="input copy-link__input"
            type="text"
            readOnly
            value={value}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button
            type="button"
            className={buttonClass("quiet", { className: "copy-link__button" })}
            onClick={copy}
          >
            <Copy className="icon" size={15} aria-hidden="true" />
            {status === "copied" ? "Copied" : "Copy"}
            <span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        </div>
      )}
    </Field>
  );
}
