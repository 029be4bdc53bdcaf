import { COMPETENCY_LABELS } from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../../../../lib/datetime";
import { buttonClass } from "../../../../ui/button";
import { practiceQueries } from "../../api";
import { type ResumeItem, resumable } from "../../lib/resume";
import { attemptPath } from "../../lib/useStartAttempt";
import { PracticeError } from "../PracticeStates";
import { SectionTitle } from "../SectionTitle";
import "./InProgress.css";

/** The attempts and loop rounds this browser can pick up again, each with the step that comes next. */
export function InProgress({ practitionerKey }: { practitionerKey: string }) {
  const state = useQuery(practiceQueries.attempts(practitionerKey));
  if (state.status === "error") {
    return (
      <PracticeError
        title="Your attempts could not be loaded"
        error={state.error}
        onRetry={() => void state.refetch()}
      />
    );
  }
  if (state.status !== "success") return null;
  const items = resumable(state.data);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="resume-title">
      <SectionTitle id="resume-title">Pick up where you left off</SectionTitle>
      <ul className="pr-resume__list" data-testid="in-progress">
        {items.map((item) => (
          <li key={item.attempt.id}>
            <ResumeCard item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const RESUME_ACTION: Record<ResumeItem["action"], { label: string; status: string }> = {
  resume: { label: "Resume", status: "In progress" },
  score: { label: "Score it", status: "Submitted, awaiting your self-score" },
  "start-round": { label: "Start round", status: "Next round of your mock loop" },
};

function ResumeCard({ item }: { item: ResumeItem }) {
  const { attempt, action, round } = item;
  const titleId = useId();
  const copy = RESUME_ACTION[action];
  return (
    <article className="pr-resume-card" aria-labelledby={titleId} data-action={action}>
      <div className="pr-resume-card__body">
        <p className="eyebrow pr-resume-card__eyebrow">
          {COMPETENCY_LABELS[attempt.competency]}
          {round ? ` · Round ${round.number} of ${round.total}` : ""}
        </p>
        <h3 id={titleId} className="pr-resume-card__title">
          {attempt.questionTitle}
        </h3>
        <p className="hint pr-resume-card__meta">
          {copy.status} · started {formatDateTime(attempt.createdAt)}
        </p>
      </div>
      <Link
        to={attemptPath(attempt.id)}
        className={buttonClass("primary", { className: "pr-resume-card__action" })}
        aria-describedby={titleId}
      >
        {action === "start-round" && round ? `Start round ${round.number}` : copy.label}
      </Link>
    </article>
  );
}
