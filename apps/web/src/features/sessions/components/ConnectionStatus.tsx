import type { Participant, SessionRole } from "@loopwright/schema";
import { formatCount } from "../../../lib/format";
import { useNow } from "../../../lib/useNow";
import type { PresenceEntry, RoomClientState } from "../lib/room-client";
import { LiveDot } from "./LiveDot";
import "./ConnectionStatus.css";

export const ROLE_LABELS: Record<SessionRole, string> = {
  host: "Host",
  "co-interviewer": "Co-interviewer",
  candidate: "Candidate",
  observer: "Observer",
};

/** Where the live connection stands, announced politely when it changes. */
export function ConnectionStatus({
  state,
  onRetry,
  released = false,
}: {
  state: RoomClientState;
  onRetry: () => void;
  /** After release nothing happens live any more: the connection says so rather than "Live". */
  released?: boolean;
}) {
  const now = useNow({ intervalMs: state.retryAt ? 500 : 60_000 });
  const seconds = state.retryAt ? Math.max(0, Math.ceil((state.retryAt - now) / 1000)) : null;
  const saving = state.pending.length > 0;

  let tone: "live" | "done" | "pending" | "down" | "closed";
  let label: string;
  switch (state.status) {
    case "live":
      tone = released ? "done" : "live";
      label = released ? "Connected · feedback released" : saving ? "Live · saving…" : "Live";
      break;
    case "connecting":
      tone = "pending";
      label = "Connecting…";
      break;
    case "reconnecting":
      tone = "down";
      label = seconds !== null ? `Connection lost · retrying in ${seconds} s` : "Reconnecting…";
      break;
    case "offline":
      tone = "down";
      label = "You are offline · will reconnect when the network returns";
      break;
    case "closed":
      tone = "closed";
      label = "Disconnected";
      break;
  }
  const unsaved =
    (state.status === "reconnecting" || state.status === "offline") && saving
      ? ` · ${formatCount(state.pending.length, "unsaved change")} will be sent`
      : "";

  return (
    <div className="ps-conn" data-tone={tone} data-testid="connection-status" data-status={state.status}>
      <LiveDot className="ps-conn__dot" blink={tone === "pending" || tone === "down" ? "slow" : undefined} />
      <span role="status" aria-live="polite" className="ps-conn__label">
        {/* The live region announces the state, not the ticking countdown. */}
        <span className="visually-hidden">{announcement(state)}</span>
        <span aria-hidden="true">
          {label}
          {unsaved}
        </span>
      </span>
      {state.status === "reconnecting" && state.retryAt ? (
        <button type="button" className="ps-conn__retry" onClick={onRetry}>
          Retry now
        </button>
      ) : null}
    </div>
  );
}

function announcement(state: RoomClientState): string {
  switch (state.status) {
    case "live":
      return state.everJoined ? "Connected to the session." : "";
    case "connecting":
      return "Connecting to the session.";
    case "reconnecting":
      return "Connection lost. Reconnecting.";
    case "offline":
      return "You are offline. The session will reconnect when the network returns.";
    case "closed":
      return `Disconnected: ${state.fatal?.reason ?? "the server closed the session."}`;
  }
}

const STATUS_LABEL = { online: "here", away: "away", gone: "not here" } as const;

/** Who is in the session: here, briefly away (dropped), or gone. */
export function PresenceList({
  participants,
  presence,
  youId,
}: {
  participants: Participant[];
  presence: PresenceEntry[] | null;
  youId: string;
}) {
  const byId = new Map(presence?.map((p) => [p.id, p.status]));
  const people = presence ?? participants.map((p) => ({ ...p, status: "gone" as const }));
  const order: Record<SessionRole, number> = { host: 0, "co-interviewer": 1, candidate: 2, observer: 3 };
  const sorted = [...people].sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
  return (
    <ul className="ps-presence" aria-label="People in this session">
      {sorted.map((p) => {
        const status = byId.get(p.id) ?? (presence ? "gone" : undefined);
        return (
          <li
            key={p.id}
            className="ps-presence__person"
            data-status={status ?? "unknown"}
            data-testid="presence"
          >
            <span className="ps-presence__avatar" aria-hidden="true">
              {initials(p.name)}
              <span className="ps-presence__dot" />
            </span>
            <span className="ps-presence__text">
              <span className="ps-presence__name">
                {p.name}
                {p.id === youId ? <span className="muted"> (you)</span> : null}
              </span>
              <span className="ps-presence__meta">
                {ROLE_LABELS[p.role]}{" "}
                {/* Sized for the longest status, so the chip keeps its width when presence first
                    arrives or changes, and the row it sits in does not re-wrap. */}
                <span className="ps-presence__status">{status ? `· ${STATUS_LABEL[status]}` : ""}</span>
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** "Dana Reyes" → "DR", "Dana (host)" → "DA": letters of the name, never of a note in brackets. */
export function initials(name: string): string {
  const parts = name
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .split(/\s+/)
    .map((part) => part.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
  const letters =
    parts.length > 1 ? [parts[0]?.[0], parts[parts.length - 1]?.[0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}
