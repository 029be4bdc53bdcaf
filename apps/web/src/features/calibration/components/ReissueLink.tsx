import { useEffect, useRef, useState } from "react";
import { CopyLink } from "../../../components/CopyLink";
import { buttonClass } from "../../../ui/button";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import type { MemberCreated } from "../api";
import { memberJoinLink } from "../lib/member-credentials";
import { useWorkspace } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";
import "./ReissueLink.css";

/**
 * Asks before re-issuing an interviewer's personal link (the old one stops working and they
 * are signed out everywhere), then hands the new link to `onIssued` to show once.
 */
export function ReissueLinkDialog({
  member,
  onIssued,
  onClose,
}: {
  /** The interviewer whose link to re-issue; null keeps the dialog closed. */
  member: { id: string; name: string } | null;
  onIssued: (made: MemberCreated) => void;
  onClose: () => void;
}) {
  const { api, refresh } = useWorkspace();
  const guard = useSignInGuard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    if (!member) return;
    setBusy(true);
    setError(null);
    try {
      const made = await guard(api.reissueLink(member.id));
      onIssued(made);
      onClose();
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={member !== null}
      title={member ? `Re-send ${member.name}’s link?` : "Re-send link?"}
      confirmLabel="Make a new link"
      busyLabel="Making a new link…"
      busy={busy}
      error={error}
      onConfirm={confirm}
      onCancel={() => {
        setError(null);
        onClose();
      }}
    >
      <p>
        {member?.name} gets a new personal link to copy and send. Their old link stops working at once (it
        says it was replaced) and they are signed out wherever they used it. Their scores so far are kept.
      </p>
    </ConfirmDialog>
  );
}

/** A link just made or re-issued, shown this once with a way to copy it. */
export function NewLinkNotice({
  made,
  reissued,
  onDone,
  doneLabel = "Done",
}: {
  made: MemberCreated;
  /** True for a re-sent link, whose old one no longer works. */
  reissued: boolean;
  onDone: () => void;
  doneLabel?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    // The dialog that made the link hands focus back to its opener as it finishes closing, a
    // moment later: the link it just made is where focus belongs, so it is taken back once.
    const started = performance.now();
    const reclaim = (event: FocusEvent) => {
      document.removeEventListener("focusin", reclaim);
      if (performance.now() - started < 1000 && event.target !== heading.current) heading.current?.focus();
    };
    document.addEventListener("focusin", reclaim);
    return () => document.removeEventListener("focusin", reclaim);
  }, []);
  const name = made.member.name;
  return (
    <div className="new-link" data-testid="new-link">
      <h3 className="cal-card__title new-link__title" tabIndex={-1} ref={heading}>
        {reissued ? `New link for ${name}` : `Link for ${name}`}
      </h3>
      <p className="cal-card__lede">
        Send this to {name} privately. <strong>It is shown only once</strong>;{" "}
        {reissued
          ? "their old link no longer works. If this one is lost too, re-send it again."
          : "if it is lost, re-send it from the list of people."}
      </p>
      <CopyLink
        label={`${name}’s personal link`}
        value={memberJoinLink(window.location.origin, made.token)}
        hint="The secret after the # never reaches a server in a URL. Anyone holding the link can score as this person."
      />
      <p className="cal-actions">
        <button type="button" className={buttonClass("quiet")} onClick={onDone}>
          {doneLabel}
        </button>
      </p>
    </div>
  );
}

/** The small "Re-send link" button of a row, naming whose link for screen readers. */
export function ReissueLinkButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button type="button" className={buttonClass("quiet", { size: "small" })} onClick={onClick}>
      Re-send link<span className="visually-hidden"> for {name}</span>
    </button>
  );
}
