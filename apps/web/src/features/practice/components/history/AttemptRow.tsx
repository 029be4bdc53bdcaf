import { type AttemptSummary, COMPETENCY_LABELS, RUBRIC_MAX } from "@loopwright/schema";
import { Trash2 } from "lucide-react";
import { useId } from "react";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../../../lib/datetime";
import { buttonClass } from "../../../../ui/button";
import { ScoreChip } from "../../../../ui/ScoreChip";
import { Tooltip } from "../../../../ui/Tooltip";
import { attemptPath } from "../../lib/useStartAttempt";
import { PhaseStrip } from "../PhaseTimes";
import { StatusBadge } from "../StatusBadge";
import "./AttemptRow.css";

/** One attempt in the history list: what it was, when, the time per phase, the self-score. */
export function AttemptRow({ attempt, onDelete }: { attempt: AttemptSummary; onDelete: () => void }) {
  const titleId = useId();
  return (
    <article
      className="pr-attempt-row"
      aria-labelledby={titleId}
      data-testid="attempt-row"
      data-status={attempt.status}
    >
      <div className="pr-attempt-row__main">
        <p className="eyebrow pr-attempt-row__eyebrow">
          {COMPETENCY_LABELS[attempt.competency]}
          {attempt.loopId && attempt.loopPosition !== null
            ? ` · Mock loop, round ${attempt.loopPosition + 1}`
            : ""}
        </p>
        <h3 id={titleId} className="pr-attempt-row__title">
          <Link to={attemptPath(attempt.id)} className="pr-attempt-row__link">
            {attempt.questionTitle}
          </Link>
        </h3>
        <p className="meta-line">
          <time dateTime={attempt.createdAt}>{formatDateTime(attempt.createdAt)}</time>
          <StatusBadge status={attempt.status} />
        </p>
      </div>
      <div className="pr-attempt-row__time">
        <p className="subheading">Time per phase</p>
        <PhaseStrip phases={attempt.phaseTimes} />
      </div>
      <div className="pr-attempt-row__score">
        <p className="subheading">Mean self-score</p>
        {attempt.meanSelfScore !== null ? (
          <p className="pr-attempt-row__mean">
            <span className="pr-attempt-row__mean-value">{attempt.meanSelfScore.toFixed(1)}</span>
            <span className="pr-attempt-row__mean-of"> of {RUBRIC_MAX}</span>
          </p>
        ) : (
          <p className="pr-attempt-row__mean pr-attempt-row__mean--none">Not scored</p>
        )}
        {attempt.selfScores ? (
          <p className="pr-attempt-row__chips">
            <span className="visually-hidden">Per dimension: </span>
            {Object.values(attempt.selfScores).map((score, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: dimension order is fixed per attempt
              <ScoreChip key={i}>{score}</ScoreChip>
            ))}
          </p>
        ) : null}
      </div>
      <div className="pr-attempt-row__actions">
        <Tooltip content="Delete this attempt">
          <button
            type="button"
            className={buttonClass("icon", { danger: true })}
            onClick={onDelete}
            aria-label={`Delete attempt: ${attempt.questionTitle}, ${formatDate(attempt.createdAt)}`}
          >
            <Trash2 size={16} aria-hidden="true" />
          </button>
        </Tooltip>
      </div>
    </article>
  );
}
