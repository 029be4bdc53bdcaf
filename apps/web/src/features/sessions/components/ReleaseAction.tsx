import type { RoomView } from "@loopwright/schema";
import { useState } from "react";
import { formatList } from "../../../lib/format";
import { buttonClass } from "../../../ui/button";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { type TimeLeft, timeLeft, timeLeftSentence } from "../lib/clock-warning";
import { useIntent, useRoomContext } from "../lib/room-context";

/** Where focus goes once feedback is out: the report's heading, or the room's own heading without one. */
export const RELEASED_FOCUS_IDS = ["ps-report-title", "ps-release-title"];

/**
 * "Release feedback", asked about first: what releasing does, and how much of the interview
 * would be cut short while the clock still runs.
 */
export function ReleaseAction({ view, candidateName }: { view: RoomView; candidateName: string }) {
  const { state } = useRoomContext();
  const { run, busy, error, clearError } = useIntent();
  const [asking, setAsking] = useState<{ left: TimeLeft | null } | null>(null);
  const submitted = view.submittedBy ?? [];
  const waiting = view.participants.filter(
    (p) => (p.role === "host" || p.role === "co-interviewer") && !submitted.includes(p.id),
  );

  const release = async () => {
    const result = await run({ type: "release" });
    if (!result.ok) return;
    setAsking(null);
    // The panel that held the button is gone by the next frame; focus the report it makes way for.
    requestAnimationFrame(() => {
      for (const id of RELEASED_FOCUS_IDS) {
        const target = document.getElementById(id);
        if (target) {
          target.focus();
          return;
        }
      }
    });
  };

  return (
    <>
      <button
        type="button"
        className={buttonClass("primary")}
        disabled={submitted.length === 0}
        onClick={() => {
          clearError();
          setAsking({ left: timeLeft(view.clock, Date.now() + state.offsetMs) });
        }}
      >
        Release feedback
      </button>
      <ConfirmDialog
        open={asking !== null}
        title={
          asking?.left
            ? "Release feedback before the interview ends?"
            : `Release feedback to ${candidateName} now?`
        }
        confirmLabel="Release now"
        busyLabel="Releasing…"
        cancelLabel="Not yet"
        busy={busy === "release"}
        error={error}
        onConfirm={() => void release()}
        onCancel={() => setAsking(null)}
      >
        {asking?.left ? <p data-testid="early-warning">{timeLeftSentence(asking.left)}</p> : null}
        <p>
          Releasing ends the interview for everyone: the clock stops, {candidateName}’s answer pad locks, and
          they see the scores, recommendations, written feedback and shared notes.
          {waiting.length > 0
            ? ` ${formatList(waiting.map((p) => p.name))} will not be able to submit scores afterwards.`
            : ""}
        </p>
      </ConfirmDialog>
    </>
  );
}
