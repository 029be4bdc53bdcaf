import { CalendarArrowDown, Copy } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { copyText } from "../../../components/CopyLink";
import { downloadText } from "../../../lib/download";
import { buttonClass } from "../../../ui/button";
import { type InviteDetails, inviteEvent, inviteFileName, inviteText } from "../lib/invite";
import "./Invite.css";

type Status = { tone: "ok" | "error"; text: string } | null;

/** Long enough to read, short enough that a second copy says "copied" afresh. */
const STATUS_CLEARS_AFTER_MS = 4000;

/**
 * The invite a host hands out with a link: text to paste into a chat or email, and for a
 * scheduled session a calendar file. Written in the host's locale and zone, with UTC beside it.
 */
export function Invite({ details, testId }: { details: InviteDetails; testId?: string }) {
  const text = inviteText(details);
  const area = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<Status>(null);
  const id = useId();

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), STATUS_CLEARS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    setStatus(
      (await copyText(text, area.current))
        ? { tone: "ok", text: "Invite copied to the clipboard." }
        : {
            tone: "error",
            text: "Copying was blocked by the browser; the invite is selected, so press Ctrl+C (⌘C on a Mac).",
          },
    );
  };

  const download = async () => {
    const event = inviteEvent(details);
    if (!event) return;
    // The calendar writer arrives only when someone asks for a file, not with every room.
    const { createEvent } = await import("ics");
    const { error, value } = createEvent(event);
    if (error || !value) {
      setStatus({
        tone: "error",
        text: `The calendar file could not be made: ${error?.message ?? "no content"}.`,
      });
      return;
    }
    downloadText(inviteFileName(details), "text/calendar;charset=utf-8", value);
    setStatus({ tone: "ok", text: "Calendar invite downloaded: open it to add the session to a calendar." });
  };

  return (
    <div className="ps-invite" data-testid={testId}>
      <label htmlFor={id} className="field__label">
        Invite for {details.name}
      </label>
      <textarea
        id={id}
        ref={area}
        className="input ps-invite__text"
        readOnly
        rows={9}
        value={text}
        spellCheck={false}
        data-testid="invite-text"
      />
      <div className="ps-invite__actions">
        <button type="button" className={buttonClass("quiet", { size: "small" })} onClick={copy}>
          <Copy className="icon" size={14} aria-hidden="true" />
          Copy invite<span className="visually-hidden"> for {details.name}</span>
        </button>
        {details.scheduledStart ? (
          <button
            type="button"
            className={buttonClass("quiet", { size: "small" })}
            onClick={() => void download()}
          >
            <CalendarArrowDown className="icon" size={14} aria-hidden="true" />
            Calendar invite (.ics)<span className="visually-hidden"> for {details.name}</span>
          </button>
        ) : null}
      </div>
      <p className="ps-invite__status" role="status" data-tone={status?.tone}>
        {status?.text ?? ""}
      </p>
    </div>
  );
}
