import type { RoomView, SessionRole } from "@loopwright/schema";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { CopyLink } from "../../../components/CopyLink";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { sessionsApi } from "../api";
import {
  dismissHandedOverLink,
  handedOverLink,
  handOverLink,
  joinLink,
  saveCredential,
} from "../lib/credentials";
import { useRoomContext } from "../lib/room-context";
import { ROLE_LABELS } from "./ConnectionStatus";
import "./SwapBanner.css";

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
  const swap = useMutation({
    mutationFn: () => sessionsApi.swapLink(sessionId, credential),
    onSuccess: (mine) => {
      saveCredential({
        credential: mine.credential,
        sessionId: mine.sessionId,
        participant: mine.participant,
        expiresAt: mine.expiresAt,
      });
      handOverLink(mine.sessionId, joinLink(window.location.origin, mine.token));
      navigate(`/sessions/${mine.sessionId}`);
    },
  });
  // Still busy once it worked: the page is on its way to the next session.
  const busy = swap.isPending || swap.isSuccess;
  if (!view.swappedTo && !view.advancedTo) return null;
  const moveOn = view.advancedTo !== null;
  const next = moveOn ? view.you.role : mirrored(view.you.role);
  const other = view.participants.find((p) => p.role === (view.you.role === "host" ? "candidate" : "host"));

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
      <button type="button" className={buttonClass("primary")} onClick={() => swap.mutate()} disabled={busy}>
        {busy ? "Getting your link…" : "Join the next session"}
      </button>
      {swap.error ? <Alert className="ps-swap__error">{swap.error.message}</Alert> : null}
    </section>
  );
}

/** In the session that followed, once: the link the swap handed this person, to keep for another device. */
export function FreshLinkNotice({ sessionId }: { sessionId: string }) {
  const [link, setLink] = useState(() => handedOverLink(sessionId));
  if (!link) return null;
  return (
    <section className="ps-swap ps-swap--link" aria-labelledby="ps-fresh-title" data-testid="fresh-link">
      <div className="ps-swap__head">
        <h2 id="ps-fresh-title" className="ps-swap__title">
          You’re in the next session
        </h2>
        <button
          type="button"
          className={buttonClass("quiet", { size: "small" })}
          onClick={() => {
            dismissHandedOverLink(sessionId);
            setLink(null);
          }}
        >
          Done
        </button>
      </div>
      <CopyLink
        label="Your link to this session"
        value={link}
        hint="This browser is already signed in. Keep the link to rejoin from another device; it is shown only now."
      />
    </section>
  );
}
