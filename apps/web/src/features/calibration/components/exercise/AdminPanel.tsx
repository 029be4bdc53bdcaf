import type { Exercise, ParticipantState } from "@loopwright/schema";
import { useState } from "react";
import { formatCount } from "../../../../lib/format";
import { buttonClass } from "../../../../ui/button";
import { ConfirmDialog } from "../../../../ui/ConfirmDialog";
import type { MemberCreated } from "../../api";
import { useWorkspace } from "../../workspace/context";
import { useSignInGuard } from "../../workspace/useSignInGuard";
import { ProgressBar } from "../ProgressBar";
import { NewLinkNotice, ReissueLinkButton, ReissueLinkDialog } from "../ReissueLink";
import { DueDateEditor } from "./DueDateEditor";
import "./AdminPanel.css";
import { cardProps } from "../../../../ui/card";

/* ───────── Admin: progress, reveal, re-score ───────── */

const STATE_LABEL: Record<ParticipantState, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  finished: "Finished",
};

export function AdminPanel({ exercise, onChange }: { exercise: Exercise; onChange: (e: Exercise) => void }) {
  const { api, view } = useWorkspace();
  const guard = useSignInGuard();
  const [action, setAction] = useState<"reveal" | "rescore" | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submitted = exercise.progress.filter((p) => p.submitted).length;
  const [reissuing, setReissuing] = useState<{ id: string; name: string } | null>(null);
  const [issued, setIssued] = useState<MemberCreated | null>(null);
  // Only interviewers still in the workspace have a link to re-send.
  const members = new Set(view.members.filter((m) => !m.revoked && m.id !== view.me.id).map((m) => m.id));

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const next =
        action === "reveal"
          ? await guard(api.reveal(exercise.id))
          : await guard(api.openRescore(exercise.id));
      onChange(next);
      setAction(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section {...cardProps({ className: "admin-panel" })} aria-labelledby="progress-title">
      <div className="admin-panel__head">
        <div>
          <h2 id="progress-title" className="cal-card__title">
            Who has finished round {exercise.round}
          </h2>
          <p className="cal-card__lede admin-panel__lede">
            Everyone sees who has submitted; nobody sees anyone else’s scores until results are revealed.
            Results reveal themselves once the whole panel has submitted.
          </p>
        </div>
        <div className="cal-actions">
          {exercise.revealed ? (
            <button
              type="button"
              className={buttonClass("primary")}
              onClick={() => {
                setError(null);
                setAction("rescore");
              }}
            >
              Open a re-score round
            </button>
          ) : (
            <button
              type="button"
              className={buttonClass("quiet")}
              disabled={submitted < 2}
              aria-describedby={submitted < 2 ? "reveal-hint" : undefined}
              onClick={() => {
                setError(null);
                setAction("reveal");
              }}
            >
              Reveal results now
            </button>
          )}
        </div>
      </div>
      {!exercise.revealed && submitted < 2 ? (
        <p id="reveal-hint" className="hint">
          You can reveal early once at least two interviewers have submitted.
        </p>
      ) : null}
      <DueDateEditor exercise={exercise} onChange={onChange} />
      {issued ? (
        <div className="admin-panel__new-link">
          <NewLinkNotice key={issued.token} made={issued} reissued onDone={() => setIssued(null)} />
        </div>
      ) : null}
      <ul className="progress-list">
        {exercise.progress.map((p) => {
          return (
            <li
              key={p.memberId}
              className="progress-item"
              data-testid="progress-item"
              data-state={p.state}
              data-late={p.late}
            >
              <span className="progress-item__name">{p.name}</span>
              <span className="progress-item__bar">
                <ProgressBar label={`${p.name}: dimensions scored`} value={p.scored} max={p.required} />
                <span className="progress-item__count">
                  {p.scored} of {p.required} scored
                </span>
              </span>
              <span className="progress-item__state">
                {p.late ? <span className="badge badge--danger">Late</span> : null}
                <span className={`badge${p.state === "finished" ? " badge--accent" : ""}`}>
                  {STATE_LABEL[p.state]}
                </span>
              </span>
              <span className="progress-item__action">
                {p.state !== "finished" && !exercise.revealed && members.has(p.memberId) ? (
                  <ReissueLinkButton
                    name={p.name}
                    onClick={() => setReissuing({ id: p.memberId, name: p.name })}
                  />
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      <ReissueLinkDialog member={reissuing} onIssued={setIssued} onClose={() => setReissuing(null)} />

      <ConfirmDialog
        open={action === "reveal"}
        title={`Reveal round ${exercise.round} results now?`}
        confirmLabel="Reveal results"
        busy={busy}
        error={error}
        onConfirm={run}
        onCancel={() => setAction(null)}
      >
        <p>
          {submitted} of {formatCount(exercise.progress.length, "interviewer")} have submitted. Their scores
          are analysed and shown to the panel. Anyone who has not submitted can no longer score this round
          blind.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={action === "rescore"}
        title={`Open re-score round ${exercise.round + 1}?`}
        confirmLabel="Open re-score round"
        busy={busy}
        error={error}
        onConfirm={run}
        onCancel={() => setAction(null)}
      >
        <p>
          Do this after the panel has discussed round {exercise.round}. Everyone scores the same answers
          again, blind, starting from blank. Round {exercise.round}’s results stay visible, and the results
          page compares the rounds to show whether the bar converged.
        </p>
      </ConfirmDialog>
    </section>
  );
}
