import type { Attempt, AttemptStatus } from "@loopwright/schema";
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { formatCount } from "../../../../lib/format";
import { Alert } from "../../../../ui/Alert";
import { buttonClass } from "../../../../ui/button";
import { practiceApi } from "../../api";
import { attemptPath } from "../../lib/useStartAttempt";
import "./LoopBar.css";

const ROUND_STATUS: Record<AttemptStatus, string> = {
  pending: "Not started",
  active: "In progress",
  review: "Submitted",
  completed: "Scored",
};

export function LoopBar({ attempt, practitionerKey }: { attempt: Attempt; practitionerKey: string }) {
  const navigate = useNavigate();
  const begin = useMutation({
    mutationFn: (attemptId: string) => practiceApi.beginRound(practitionerKey, attemptId),
    onSuccess: (_, attemptId) => navigate(attemptPath(attemptId)),
  });
  // Still busy once it worked: the page is on its way to the next round.
  const busy = begin.isPending || begin.isSuccess;
  const loop = attempt.loop;
  if (!loop) return null;
  const position = attempt.loopPosition ?? 0;
  const next = loop.rounds[position + 1];
  const handedIn = attempt.status === "review" || attempt.status === "completed";

  const startNext = () => {
    if (next) begin.mutate(next.attemptId);
  };

  return (
    <nav className="pr-loop-bar" aria-label="Mock loop rounds" data-testid="loop-bar">
      <p className="eyebrow pr-loop-bar__title">
        Mock loop <span className="muted">· {formatCount(loop.rounds.length, "round")}</span>
      </p>
      <ol className="pr-loop-bar__rounds">
        {loop.rounds.map((r, index) => {
          const here = r.attemptId === attempt.id;
          const body = (
            <>
              <span className="pr-loop-bar__number">Round {index + 1}</span>
              <span className="pr-loop-bar__name">{r.questionTitle}</span>
              <span className="hint">{here ? "This round" : ROUND_STATUS[r.status]}</span>
            </>
          );
          return (
            <li
              key={r.attemptId}
              className="pr-loop-bar__round"
              data-status={r.status}
              data-here={here || undefined}
            >
              {here ? (
                <span className="pr-loop-bar__link" aria-current="page">
                  {body}
                </span>
              ) : (
                <Link className="pr-loop-bar__link" to={attemptPath(r.attemptId)}>
                  {body}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      {handedIn && next ? (
        <div className="pr-loop-bar__next">
          {next.status === "pending" ? (
            <button type="button" className={buttonClass("primary")} onClick={startNext} disabled={busy}>
              {busy ? "Starting…" : `Start round ${position + 2}`}
            </button>
          ) : (
            <Link className={buttonClass("primary")} to={attemptPath(next.attemptId)}>
              Go to round {position + 2}
            </Link>
          )}
          <span className="hint">
            {next.status === "pending"
              ? "Its clock starts as soon as you begin. Score this round whenever you like."
              : ROUND_STATUS[next.status]}
          </span>
        </div>
      ) : null}
      {begin.error ? <Alert>Couldn’t start the next round: {begin.error.message}</Alert> : null}
    </nav>
  );
}
