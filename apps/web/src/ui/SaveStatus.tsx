import { Check, CircleAlert, CloudOff } from "lucide-react";
import type { SaveStatus as Status } from "../lib/autosave/autosave-queue";
import { saveStatusText } from "../lib/autosave/save-status-text";
import "./SaveStatus.css";

/**
 * The one save-status line every autosave shows ("Saving…", "Saved", offline,
 * errors), announced politely as it changes.
 */
export function SaveStatus({
  status,
  written,
  showTime,
  onRetry,
  id,
  testId = "save-status",
}: {
  status: Status;
  /** Something has been written, so "Saved" means something. */
  written: boolean;
  /** "Saved at 10:32" rather than "Saved". */
  showTime?: boolean;
  /** Offers a retry after a save the server refused. */
  onRetry?: () => void;
  id?: string;
  testId?: string;
}) {
  return (
    <span className="save-status">
      <span
        id={id}
        className="save-status__line"
        data-kind={status.kind}
        role="status"
        aria-live="polite"
        data-testid={testId}
      >
        <SaveIcon kind={status.kind} />
        <span>{saveStatusText(status, { written, showTime })}</span>
      </span>
      {onRetry && status.kind === "error" ? (
        <button type="button" className="save-status__retry" onClick={onRetry}>
          Try saving again
        </button>
      ) : null}
    </span>
  );
}

function SaveIcon({ kind }: { kind: Status["kind"] }) {
  if (kind === "saved") return <Check className="icon" size={14} aria-hidden="true" />;
  if (kind === "saving") return <span className="save-status__spinner" aria-hidden="true" />;
  if (kind === "offline") return <CloudOff className="icon" size={14} aria-hidden="true" />;
  return <CircleAlert className="icon" size={14} aria-hidden="true" />;
}
