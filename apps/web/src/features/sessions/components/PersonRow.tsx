import type { SessionRole } from "@loopwright/schema";
import { Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { copyText } from "../../../components/CopyLink";
import { formatTimeOfDay } from "../../../lib/datetime";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { type SessionParticipants, sessionsApi } from "../api";
import { type IssuedLink, joinLink } from "../lib/credentials";
import { useRoomContext } from "../lib/room-context";
import { ROLE_LABELS } from "./ConnectionStatus";
import "./PersonRow.css";

export type Person = SessionParticipants["participants"][number];

export const STATUS_TEXT = {
  online: "here",
  away: "away",
  gone: "not here",
  revoked: "link revoked",
} as const;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One person with a link: who they are, whether they are here, and what the
 * host can do with their link. Copying needs the link itself, which only this
 * browser may know (the server keeps its hash); re-issuing works from any device.
 */
export function PersonRow({
  person,
  status,
  isYou,
  known,
  onRevoked,
  onReissued,
}: {
  person: Person;
  status: keyof typeof STATUS_TEXT;
  isYou: boolean;
  /** The link as this browser received it, when it did. */
  known: IssuedLink | undefined;
  onRevoked: () => void;
  onReissued: (link: IssuedLink) => void;
}) {
  const { sessionId, credential } = useRoomContext();
  const [confirming, setConfirming] = useState<"revoke" | "reissue" | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const manageable = !isYou && !person.revoked && person.role !== "host";
  const role = ROLE_LABELS[person.role as SessionRole];

  const act = async (kind: "revoke" | "reissue") => {
    setBusy(true);
    setError(null);
    try {
      if (kind === "revoke") {
        await sessionsApi.revokeLink(sessionId, credential, person.id);
        setConfirming(null);
        onRevoked();
      } else {
        const reissued = await sessionsApi.reissueLink(sessionId, credential, person.id);
        setConfirming(null);
        onReissued({
          participantId: reissued.participant.id,
          name: reissued.participant.name,
          role: ROLE_LABELS[reissued.participant.role],
          link: joinLink(window.location.origin, reissued.token),
          issuedAt: reissued.reissuedAt,
        });
      }
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="ps-person" data-status={status} data-testid="person" data-participant={person.id}>
      <span className="ps-person__dot" aria-hidden="true" />
      <span className="ps-person__text">
        <span className="ps-person__name">
          {person.name}
          {isYou ? " (you)" : ""}
        </span>
        <span className="ps-person__meta">
          {role} · {STATUS_TEXT[status]}
          {person.linkReissuedAt && !person.revoked
            ? ` · link re-issued at ${formatTimeOfDay(person.linkReissuedAt)}`
            : ""}
        </span>
      </span>
      {manageable ? (
        <span className="ps-person__actions">
          {known ? <CopyLinkButton name={person.name} link={known.link} /> : null}
          <button
            type="button"
            className={buttonClass("quiet", { size: "small" })}
            onClick={() => {
              setError(null);
              setConfirming("reissue");
            }}
          >
            Re-issue link<span className="visually-hidden"> for {person.name}</span>
          </button>
          <button
            type="button"
            className={buttonClass("danger-quiet", { size: "small" })}
            onClick={() => {
              setError(null);
              setConfirming("revoke");
            }}
          >
            Revoke<span className="visually-hidden"> {person.name}’s link</span>
          </button>
        </span>
      ) : null}
      {manageable && !known ? (
        <p className="hint ps-person__unknown">
          This browser doesn’t have {person.name}’s link (it was created on another device or before links
          were kept). Re-issue it to get one to send.
        </p>
      ) : null}
      {error && confirming === null ? <Alert className="ps-person__error">{error}</Alert> : null}

      <ConfirmDialog
        open={confirming === "reissue"}
        title={`Re-issue ${person.name}’s link?`}
        confirmLabel="Re-issue link"
        busyLabel="Re-issuing…"
        busy={busy}
        error={error && confirming === "reissue" ? `Couldn’t re-issue the link: ${error}` : null}
        onConfirm={() => void act("reissue")}
        onCancel={() => setConfirming(null)}
      >
        <p>
          {person.name}’s current link stops working immediately
          {status === "online" || status === "away"
            ? ", and they are disconnected until they open the new one"
            : ""}
          . Anyone else holding the old link is shut out too.
        </p>
        <p>
          {person.name} stays the same {role.toLowerCase()}: everything they wrote is kept. The new link is
          shown here for you to send them, and kept on this browser.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "revoke"}
        tone="danger"
        title={`Revoke ${person.name}’s link?`}
        confirmLabel="Revoke link"
        busyLabel="Revoking…"
        busy={busy}
        error={error && confirming === "revoke" ? `Couldn’t revoke the link: ${error}` : null}
        onConfirm={() => void act("revoke")}
        onCancel={() => setConfirming(null)}
      >
        <p>
          {person.name} is disconnected at once and their link stops working for good. To let them back in,
          create a new link.
        </p>
      </ConfirmDialog>
    </li>
  );
}

type CopyStatus = "idle" | "copied" | "failed";

/** Copies a link this browser knows, without showing the secret in the list. */
function CopyLinkButton({ name, link }: { name: string; link: string }) {
  const [status, setStatus] = useState<CopyStatus>("idle");
  useEffect(() => {
    if (status === "idle") return;
    const timer = setTimeout(() => setStatus("idle"), 4000);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <>
      <button
        type="button"
        className={buttonClass("quiet", { size: "small" })}
        onClick={async () => setStatus((await copyText(link)) ? "copied" : "failed")}
      >
        <Copy className="icon" size={14} aria-hidden="true" />
        {status === "copied" ? "Copied" : "Copy link"}
        <span className="visually-hidden"> for {name}</span>
      </button>
      <span className="visually-hidden" role="status">
        {status === "copied"
          ? `${name}’s link copied to the clipboard.`
          : status === "failed"
            ? `Copying was blocked by the browser; use the link shown under "Links kept on this browser".`
            : ""}
      </span>
    </>
  );
}
