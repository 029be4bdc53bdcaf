import { ANSWER_MAX_CHARS } from "@loopwright/schema";
import { type ReactNode, useId } from "react";
import { formatCount, formatNumber } from "../../../lib/format";
import type { AutosaveSnapshot, SaveStatus } from "../lib/autosave";
import { countWords, saveStatusText } from "../lib/labels";

/** The plain-text answer pad with its save status. */
export function AnswerPad({
  snapshot,
  onChange,
  footer,
  aside,
}: {
  snapshot: AutosaveSnapshot;
  onChange: (text: string) => void;
  /** Actions under the pad (Submit). */
  footer?: ReactNode;
  /** A compact clock for when the timer has scrolled away. */
  aside?: ReactNode;
}) {
  const ids = { input: useId(), hint: useId(), status: useId() };
  const { status, text, revision } = snapshot;
  const nearLimit = text.length > ANSWER_MAX_CHARS * 0.9;

  return (
    <section className="pr-pad" aria-labelledby={`${ids.input}-title`}>
      <div className="pr-pad__header">
        <h2 id={`${ids.input}-title`} className="pr-pad__title">
          <label htmlFor={ids.input}>Your answer</label>
        </h2>
        <p
          id={ids.status}
          className="pr-save-status"
          data-kind={status.kind}
          role="status"
          aria-live="polite"
          data-testid="save-status"
        >
          <SaveIcon kind={status.kind} />
          <span>{saveStatusText(status, revision)}</span>
        </p>
      </div>
      <p id={ids.hint} className="pr-pad__hint">
        Plain text; Markdown is fine. Every keystroke is kept on this device at once and synced to the server
        moments later, so a reload or a lost connection costs nothing.
      </p>
      <textarea
        id={ids.input}
        className="pr-pad__input"
        value={text}
        onChange={(event) => onChange(event.target.value)}
        maxLength={ANSWER_MAX_CHARS}
        aria-describedby={`${ids.hint} ${ids.status}`}
        spellCheck
        placeholder={
          "Start with how you would frame the problem.\n\n## Clarify\n- What I would ask first…\n\n## Proposal\n…"
        }
      />
      <div className="pr-pad__footer">
        <div className="pr-pad__meta">
          <p className="pr-pad__count" data-near-limit={nearLimit ? "true" : undefined}>
            {formatCount(countWords(text), "word")}
            <span aria-hidden="true"> · </span>
            {formatNumber(text.length)} of {formatNumber(ANSWER_MAX_CHARS)} characters
          </p>
          {aside}
        </div>
        {footer ? <div className="pr-pad__actions">{footer}</div> : null}
      </div>
    </section>
  );
}

function SaveIcon({ kind }: { kind: SaveStatus["kind"] }) {
  if (kind === "saved") {
    return (
      <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
    );
  }
  if (kind === "saving") return <span className="pr-save-status__spinner" aria-hidden="true" />;
  if (kind === "offline") {
    return (
      <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          d="M4.5 12.5h7a3 3 0 0 0 .4-6A4 4 0 0 0 4.3 6.3 3.1 3.1 0 0 0 4.5 12.5z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
        <path d="M2.5 2.5l11 11" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    );
  }
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.5v4.2" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      <circle cx="8" cy="11.3" r="1" fill="currentColor" />
    </svg>
  );
}
