import { useEffect, useId, useRef, useState } from "react";
import { personalLink } from "../lib/identity";

async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (permissions, insecure origin): select the text so Ctrl+C works.
    fallbackInput?.focus();
    fallbackInput?.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

/** "Continue on another device": the personal link, with the key only in its fragment. */
export function DevicePanel({ practitionerKey }: { practitionerKey: string }) {
  const link = personalLink(window.location.origin, practitionerKey);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const ids = { title: useId(), input: useId(), note: useId() };

  useEffect(() => {
    if (copied === "idle") return;
    const timer = setTimeout(() => setCopied("idle"), 4000);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <section className="pr-device-panel" aria-labelledby={ids.title} data-testid="device-panel">
      <h2 id={ids.title} className="pr-device-panel__title">
        Continue on another device
      </h2>
      <p className="pr-device-panel__lede">
        There is no account: your history belongs to this browser’s private key. Open this personal link on
        another device (or after clearing this browser) to carry on with the same history.
      </p>
      <div className="pr-device-panel__field">
        <label htmlFor={ids.input} className="field__label">
          Your personal link
        </label>
        <div className="pr-device-panel__row">
          <input
            ref={inputRef}
            id={ids.input}
            className="input pr-device-panel__input"
            type="text"
            readOnly
            value={link}
            aria-describedby={ids.note}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button
            type="button"
            className="button button--quiet"
            onClick={async () => setCopied((await copyText(link, inputRef.current)) ? "copied" : "failed")}
          >
            <CopyIcon />
            Copy link
          </button>
        </div>
        <p className="pr-device-panel__status" role="status">
          {copied === "copied"
            ? "Link copied. Paste it somewhere only you can read."
            : copied === "failed"
              ? "Copying was blocked by the browser; the link is selected, so press Ctrl+C (⌘C on a Mac)."
              : ""}
        </p>
      </div>
      <div id={ids.note} className="pr-device-panel__warning">
        <LockIcon />
        <p>
          <strong>Keep this link private, like a password.</strong> Anyone who opens it can read, change and
          delete your practice history. The key sits after the <code>#</code>, so browsers never send it to
          our server in a page request or to other sites as a referrer.
        </p>
      </div>
    </section>
  );
}

function CopyIcon() {
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

function LockIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d="M5.25 7V5a2.75 2.75 0 0 1 5.5 0v2" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
