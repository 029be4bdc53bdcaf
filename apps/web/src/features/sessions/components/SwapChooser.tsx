import type { Question, QuestionSummary } from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { bankQueries } from "../../../api/bank-queries";
import { formatMinutes } from "../../../lib/format";
import { buttonClass } from "../../../ui/button";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { ScrollRegion } from "../../../ui/ScrollRegion";
import { sessionsApi } from "../api";
import { useRoomContext } from "../lib/room-context";
import "./SwapChooser.css";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The questions a swap may move to: others of the same competency first, as the server would pick. */
export function swapChoices(
  all: QuestionSummary[],
  current: Pick<Question, "id" | "competency">,
): QuestionSummary[] {
  const others = all.filter((q) => q.id !== current.id);
  const same = others.filter((q) => q.competency === current.competency);
  return same.length > 0 ? same : others;
}

/**
 * "Swap roles", asked about first: the dialog names the question the swapped session would
 * ask and lets the host choose another, or keep this session as it is.
 */
export function SwapChooser({ candidateName }: { candidateName: string }) {
  const { sessionId, credential, question } = useRoomContext();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bank = useQuery({ ...bankQueries.list(), enabled: open });
  const choices = question ? swapChoices(bank.data?.questions ?? [], question) : [];
  const chosen = choices.find((q) => q.id === picked) ?? choices[0] ?? null;

  const swap = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await sessionsApi.swap(sessionId, credential, { questionId: chosen.id });
      setOpen(false);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={buttonClass("primary")}
        onClick={() => {
          setError(null);
          setPicked(null);
          setOpen(true);
        }}
      >
        Swap roles
      </button>
      <ConfirmDialog
        open={open}
        title={chosen ? `Swap roles on “${chosen.title}”?` : "Swap roles"}
        confirmLabel={chosen ? "Swap roles" : "Choose a question first"}
        busyLabel="Creating the next session…"
        busy={busy}
        error={error ?? (bank.error ? `The question bank could not be loaded: ${message(bank.error)}` : null)}
        onConfirm={() => void swap()}
        onCancel={() => setOpen(false)}
      >
        <p>{candidateName} hosts the next session and you answer. Everyone here is offered their new link.</p>
        {bank.isPending ? (
          <p className="hint">Loading the questions…</p>
        ) : choices.length > 0 ? (
          <fieldset className="ps-swapq">
            <legend className="field__label">Question for the swapped session</legend>
            <ScrollRegion label="Questions to swap to" className="ps-swapq__list">
              {choices.map((q) => (
                <label key={q.id} className="ps-swapq__option" data-testid="swap-choice">
                  <input
                    type="radio"
                    name="ps-swap-question"
                    value={q.id}
                    checked={chosen?.id === q.id}
                    onChange={() => setPicked(q.id)}
                  />
                  <span className="ps-swapq__title">{q.title}</span>
                  <span className="ps-swapq__meta">{formatMinutes(q.durationMinutes)}</span>
                </label>
              ))}
            </ScrollRegion>
          </fieldset>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
