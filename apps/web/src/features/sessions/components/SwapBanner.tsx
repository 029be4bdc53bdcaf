import type { RoomView, SessionRole } from "@loopwright/schema";
import { useState } from "react";
import { useNavigate } from "react-router";
import { buttonClass } from "../../../ui/button";
import { sessionsApi } from "../api";
import { handOverLink, joinLink, saveCredential } from "../lib/credentials";
import { useRoomContext } from "../lib/room-context";
import { ROLE_LABELS } from "./ConnectionStatus";

const mirrored = (role: SessionRole): SessionRole =>
  role === "host" ? "candidate" : role === "candidate" ? "host" : role;

/**
 * Shown to everyone once the host has created the session that follows: the
 * swapped one, or the mini loop's next question. Each person trades their
 * current credential for their own new link and credential.
 */
export function SwapBanner({ view }: { view: RoomView }) {
  const { sessionId, credential } = useRoomContext();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!view.swappedTo && !view.advancedTo) return null;
  const moveOn = view.advancedTo !== null;
  const next = moveOn ? view.you.role : mirrored(view.you.role);
  const other = view.participants.find((p) => p.role === (view.you.role === "host" ? "candidate" : "host"));

  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      const mine = await sessionsApi.swapLink(sessionId, credential);
      saveCredential({
        credential: mine.credential,
        sessionId: mine.sessionId,
        participant: mine.participant,
        expiresAt: mine.expiresAt,
      });
      handOverLink(mine.sessionId, joinLink(window.location.origin, mine.token));
      navigate(`/sessions/${mine.sessionId}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <section className="ps-swap" aria-labelledby="ps-swap-title" data-testid="swap-banner">
      <div className="ps-swap__text">
        <h2 id="ps-swap-title" className="ps-swap__title">
          {moveOn
            ? `Question ${view.sequence.position + 1} of ${view.sequence.total} is ready — same people, same roles`
            : "Your next session is ready"}
        </h2>
        <p>
          {moveOn
            ? "The mini loop moves on to its next question. You stay "
            : "Roles swap on a different question. You join as "}
          <strong>{ROLE_LABELS[next].toLowerCase()}</strong>
          {next === "host" && other ? `, and ${other.name} answers` : ""}
          {next === "candidate" && other ? `, and ${other.name} runs the interview` : ""}.
        </p>
      </div>
      <button type="button" className={buttonClass("primary")} onClick={go} disabled={busy}>
        {busy ? "Getting your link…" : "Join the next session"}
      </button>
      {error ? (
        <p className="ps-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
