import { ANSWER_MAX_CHARS } from "@loopwright/schema";
import { type ReactNode, useId } from "react";
import type { AutosaveSnapshot } from "../../../lib/autosave";
import { countWords, formatCount, formatNumber } from "../../../lib/format";
import { SaveStatus } from "../../../ui/SaveStatus";
import "./AnswerPad.css";

/** The plain-text answer pad with its save status. */
export function AnswerPad({
  snapshot,
  onChange,
  footer,
  aside,
}: {
  snapshot: AutosaveSnapshot<string>;
  onChange: (text: string) => void;
  /** Actions under the pad (Submit). */
  footer?: ReactNode;
  /** A compact clock for when the timer has scrolled away. */
  aside?: ReactNode;
}) {
  const ids = { input: useId(), hint: useId(), status: useId() };
  const { status, value: text, revision } = snapshot;
  const nearLimit = text.length > ANSWER_MAX_CHARS * 0.9;

  return (
    <section className="pr-pad" aria-labelledby={`${ids.input}-title`}>
      <div className="pr-pad__header">
        <h2 id={`${ids.input}-title`} className="pr-pad__title">
          <label htmlFor={ids.input}>Your answer</label>
        </h2>
        <SaveStatus id={ids.status} status={status} written={revision > 0} />
      </div>
      <p id={ids.hint} className="hint pr-pad__hint">
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
