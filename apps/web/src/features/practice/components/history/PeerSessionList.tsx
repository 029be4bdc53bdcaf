import {
  COMPETENCY_LABELS,
  type PeerFeedbackEntry,
  RECOMMENDATION_LABELS,
  RUBRIC_MAX,
} from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { Trash2, Users } from "lucide-react";
import { useId } from "react";
import { Link } from "react-router";
import { formatDate } from "../../../../lib/datetime";
import { formatCount } from "../../../../lib/format";
import { Alert } from "../../../../ui/Alert";
import { buttonClass } from "../../../../ui/button";
import { Tooltip } from "../../../../ui/Tooltip";
import { panelMean, peerFeedbackQueries, peerSessionPath } from "../../peer-feedback-api";
import { SectionTitle } from "../SectionTitle";
import "./PeerSessionList.css";

/**
 * Peer sessions whose released feedback was saved into this history, each
 * marked "Peer session"; nothing is shown until one has been saved.
 */
export function PeerSessionList({
  practitionerKey,
  onDelete,
}: {
  practitionerKey: string;
  /** Asks before removing one saved session from the history. */
  onDelete: (entry: PeerFeedbackEntry) => void;
}) {
  const headingId = useId();
  const entries = useQuery(peerFeedbackQueries.list(practitionerKey));
  if (entries.error && !entries.data) {
    return <Alert>Couldn’t load your saved peer sessions: {entries.error.message}</Alert>;
  }
  if (!entries.data || entries.data.length === 0) return null;
  return (
    <section className="pr-peer-list" aria-labelledby={headingId} data-testid="peer-session-list">
      <SectionTitle id={headingId}>
        Peer sessions{" "}
        <span className="muted pr-peer-list__count">{formatCount(entries.data.length, "session")}</span>
      </SectionTitle>
      <ul className="pr-peer-list__items">
        {entries.data.map((entry) => {
          const mean = panelMean(entry);
          return (
            <li key={entry.id}>
              <article
                className="pr-peer-row"
                aria-labelledby={`${headingId}-${entry.id}`}
                data-testid="peer-session-row"
              >
                <div className="pr-peer-row__main">
                  <p className="eyebrow pr-peer-row__eyebrow">
                    <span className="pr-peer-row__badge">
                      <Users size={13} aria-hidden="true" />
                      Peer session
                    </span>
                    {COMPETENCY_LABELS[entry.competency]}
                  </p>
                  <h3 id={`${headingId}-${entry.id}`} className="pr-peer-row__title">
                    <Link to={peerSessionPath(entry.id)} className="pr-peer-row__link">
                      {entry.questionTitle}
                    </Link>
                  </h3>
                  <p className="meta-line">
                    <time dateTime={entry.sessionDate}>{formatDate(entry.sessionDate)}</time>
                    <span>
                      {entry.interviewers.length === 0
                        ? "No scorecards"
                        : entry.interviewers
                            .map((i) => `${i.name}: ${RECOMMENDATION_LABELS[i.recommendation]}`)
                            .join(" · ")}
                    </span>
                  </p>
                </div>
                <div className="pr-peer-row__score">
                  <p className="subheading">Panel score</p>
                  {mean !== null ? (
                    <p className="pr-peer-row__mean">
                      <span className="pr-peer-row__mean-value">{mean.toFixed(1)}</span>
                      <span className="pr-peer-row__mean-of"> of {RUBRIC_MAX}</span>
                    </p>
                  ) : (
                    <p className="pr-peer-row__mean-of">Not scored</p>
                  )}
                </div>
                <div className="pr-peer-row__actions">
                  <Tooltip content="Delete this saved session">
                    <button
                      type="button"
                      className={buttonClass("icon", { danger: true })}
                      onClick={() => onDelete(entry)}
                      aria-label={`Delete saved peer session: ${entry.questionTitle}, ${formatDate(entry.sessionDate)}`}
                    >
                      <Trash2 size={16} aria-hidden="true" />
                    </button>
                  </Tooltip>
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
