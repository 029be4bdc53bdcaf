import { type Attempt, COMPETENCY_LABELS, type Question } from "@loopwright/schema";
import { useState } from "react";
import { Link } from "react-router";
import { formatCount, formatMinutes } from "../../../../lib/format";
import { Alert } from "../../../../ui/Alert";
import { buttonClass } from "../../../../ui/button";
import { practiceApi } from "../../api";
import { attemptPath } from "../../lib/useStartAttempt";
import { Card } from "../Card";
import { SectionTitle } from "../SectionTitle";
import "./PendingRound.css";

export function PendingRound({
  attempt,
  question,
  practitionerKey,
  onStarted,
}: {
  attempt: Attempt;
  question: Question;
  practitionerKey: string;
  onStarted: (attempt: Attempt) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const position = attempt.loopPosition ?? 0;
  const earlier = attempt.loop?.rounds
    .slice(0, position)
    .find((r) => r.status === "pending" || r.status === "active");

  return (
    <Card className="pr-pending-round" aria-labelledby="pending-title">
      <SectionTitle id="pending-title">Round {position + 1} is ready when you are</SectionTitle>
      <p className="lede pr-pending-round__text">
        {COMPETENCY_LABELS[question.competency]} · {formatMinutes(question.durationMinutes)} in{" "}
        {formatCount(question.phases.length, "phase")}: {question.phases.map((p) => p.name).join(", ")}. The
        prompt appears and the clock starts the moment you begin.
      </p>
      {earlier ? (
        <p className="hint">
          Finish the earlier round first:{" "}
          <Link to={attemptPath(earlier.attemptId)}>{earlier.questionTitle}</Link>.
        </p>
      ) : (
        <button
          type="button"
          className={buttonClass("primary")}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              onStarted(await practiceApi.beginRound(practitionerKey, attempt.id));
            } catch (cause) {
              setError(cause instanceof Error ? cause.message : String(cause));
              setBusy(false);
            }
          }}
        >
          {busy ? "Starting…" : `Start round ${position + 1}`}
        </button>
      )}
      {error ? <Alert>Couldn’t start this round: {error}</Alert> : null}
    </Card>
  );
}
