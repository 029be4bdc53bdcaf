import { BookmarkCheck } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { ensurePractitionerKey } from "../../../lib/practitioner-identity";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { sessionsApi } from "../api";
import { useRoomContext } from "../lib/room-context";
import "./SaveToHistory.css";

type SaveState =
  | { status: "idle" }
  | { status: "saving" }
  | { status: "saved"; entryId: string; already: boolean }
  | { status: "error"; message: string };

/**
 * After release, the candidate keeps the feedback in their practice history
 * (this browser's practice key; one is made if they have never practised).
 * The server reads what it saves from the room, and saves a session once.
 */
export function SaveToHistory() {
  const { sessionId, credential, view } = useRoomContext();
  const [state, setState] = useState<SaveState>({ status: "idle" });
  if (view.you.role !== "candidate" || !view.released) return null;

  const save = async () => {
    setState({ status: "saving" });
    try {
      const key = await ensurePractitionerKey(() => sessionsApi.createPractitioner());
      const saved = await sessionsApi.saveToHistory(key, { sessionId, credential });
      setState({ status: "saved", entryId: saved.entry.id, already: !saved.created });
    } catch (cause) {
      setState({ status: "error", message: cause instanceof Error ? cause.message : String(cause) });
    }
  };

  return (
    <section className="ps-save" aria-labelledby="ps-save-title" data-testid="save-to-history">
      <div className="ps-save__text">
        <h2 id="ps-save-title" className="ps-save__title">
          Keep this feedback
        </h2>
        <p className="hint">
          Adds the question, your answer and the interviewers’ scores and comments to your solo practice
          history on this browser, marked “Peer session”.
        </p>
      </div>
      <div className="ps-save__action" aria-live="polite">
        {state.status === "saved" ? (
          <p className="ps-save__done" data-testid="saved-to-history">
            <BookmarkCheck className="icon" size={18} aria-hidden="true" />
            <span>
              {state.already ? "Already saved" : "Saved"} —{" "}
              <Link to={`/practice/history/peer/${encodeURIComponent(state.entryId)}`}>
                see it in your history
              </Link>
            </span>
          </p>
        ) : (
          <button
            type="button"
            className={buttonClass("primary")}
            onClick={save}
            disabled={state.status === "saving"}
          >
            {state.status === "saving" ? "Saving…" : "Save to my practice history"}
          </button>
        )}
      </div>
      {state.status === "error" ? (
        <Alert className="ps-save__error">Couldn’t save the feedback: {state.message}</Alert>
      ) : null}
    </section>
  );
}
