import {
  COMPETENCY_LABELS,
  type PeerFeedbackEntry,
  RECOMMENDATION_LABELS,
  RUBRIC_MAX,
} from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { useParams } from "react-router";
import { MarkdownText } from "../../../components/MarkdownText";
import { formatClock } from "../../../lib/clock-format";
import { formatDate, formatDateTime } from "../../../lib/datetime";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { Breadcrumb } from "../../../ui/Breadcrumb";
import { ScrollRegion } from "../../../ui/ScrollRegion";
import { tableClasses } from "../../../ui/table";
import { Card } from "../components/Card";
import { PageSkeleton, PracticeError, WithPractitioner } from "../components/PracticeStates";
import { SectionTitle } from "../components/SectionTitle";
import { panelMean, peerFeedbackQueries } from "../peer-feedback-api";
import "./PeerSessionPage.css";

/** A peer session saved into the practice history: the question, the answer, and the released feedback. */
export function PeerSessionPage() {
  const { id = "" } = useParams();
  return (
    <WithPractitioner label="Loading the saved session">
      {(key) => <SavedSession practitionerKey={key} id={id} />}
    </WithPractitioner>
  );
}

function SavedSession({ practitionerKey, id }: { practitionerKey: string; id: string }) {
  const state = useQuery(peerFeedbackQueries.entry(practitionerKey, id));
  useDocumentTitle(state.data ? `${state.data.questionTitle} · Peer session` : "Peer session");
  if (state.error && !state.data) {
    return (
      <div className="container pr-peer__body">
        <PracticeError
          title="This saved session could not be loaded"
          error={state.error}
          onRetry={() => void state.refetch()}
        />
      </div>
    );
  }
  if (!state.data) {
    return (
      <div className="container pr-peer__body">
        <PageSkeleton label="Loading the saved session" />
      </div>
    );
  }
  return <SessionReport entry={state.data} />;
}

function SessionReport({ entry }: { entry: PeerFeedbackEntry }) {
  const mean = panelMean(entry);
  const dimensions =
    entry.interviewers[0]?.scores.map((s) => ({ id: s.dimensionId, name: s.dimension })) ?? [];
  const withFeedback = entry.interviewers.filter((i) => i.feedback.trim());
  return (
    <article aria-labelledby="peer-title" data-testid="peer-session">
      <header className="pr-peer-header">
        <div className="container">
          <Breadcrumb
            trail={[
              { to: "/practice", label: "Practice" },
              { to: "/practice/history", label: "History" },
            ]}
          />
          <p className="eyebrow pr-peer-header__eyebrow">
            <span className="pr-peer-header__badge">
              <Users size={13} aria-hidden="true" />
              Peer session
            </span>
            <span>{COMPETENCY_LABELS[entry.competency]}</span>
          </p>
          <h1 id="peer-title" className="pr-peer-header__title">
            {entry.questionTitle}
          </h1>
          <p className="hint">
            Session of {formatDate(entry.sessionDate)}
            <span aria-hidden="true"> · </span>
            Saved {formatDateTime(entry.savedAt)}
            {mean !== null ? (
              <>
                <span aria-hidden="true"> · </span>Panel score {mean.toFixed(1)} of {RUBRIC_MAX}
              </>
            ) : null}
          </p>
        </div>
      </header>

      <div className="container pr-peer__body">
        <Card className="pr-peer__card" aria-labelledby="peer-scores-title">
          <SectionTitle id="peer-scores-title">Released scores</SectionTitle>
          {entry.interviewers.length === 0 ? (
            <p className="empty-note">No interviewer submitted scores.</p>
          ) : (
            <>
              <ul className="pr-peer__verdicts" aria-label="Recommendations">
                {entry.interviewers.map((i) => (
                  <li key={i.name} className="pr-peer__verdict" data-testid="peer-verdict">
                    <span className="pr-peer__verdict-name">{i.name}</span>
                    <span className="pr-peer__verdict-value">{RECOMMENDATION_LABELS[i.recommendation]}</span>
                  </li>
                ))}
              </ul>
              <ScrollRegion label="Scores per dimension" className={tableClasses.scroll}>
                <table className={tableClasses.table}>
                  <caption className="visually-hidden">
                    Each interviewer’s score per rubric dimension, from 1 to {RUBRIC_MAX}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Dimension</th>
                      {entry.interviewers.map((i) => (
                        <th key={i.name} scope="col" className={tableClasses.number}>
                          {i.name}
                        </th>
                      ))}
                      {entry.selfScore ? (
                        <th scope="col" className={tableClasses.number}>
                          You (self-score)
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {dimensions.map((d) => (
                      <tr key={d.id}>
                        <th scope="row">{d.name}</th>
                        {entry.interviewers.map((i) => (
                          <td key={i.name} className={tableClasses.number}>
                            {i.scores.find((s) => s.dimensionId === d.id)?.score ?? "–"}
                          </td>
                        ))}
                        {entry.selfScore ? (
                          <td className={tableClasses.number}>{entry.selfScore[d.id] ?? "–"}</td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </>
          )}
        </Card>

        <Card className="pr-peer__card" aria-labelledby="peer-feedback-title">
          <SectionTitle id="peer-feedback-title">Written feedback</SectionTitle>
          {withFeedback.length === 0 ? (
            <p className="empty-note">The interviewers left no written feedback.</p>
          ) : (
            <ul className="pr-peer__feedback">
              {withFeedback.map((i) => (
                <li key={i.name} className="pr-peer__comment" data-testid="peer-feedback">
                  <p className="pr-peer__comment-text">{i.feedback}</p>
                  <p className="hint">
                    {i.name} · {RECOMMENDATION_LABELS[i.recommendation]}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {entry.sharedNotes.length > 0 ? (
            <>
              <h3 className="subheading pr-peer__notes-title">Evidence the interviewers shared</h3>
              <ol className="pr-peer__notes">
                {[...entry.sharedNotes]
                  .sort((a, b) => a.elapsedMs - b.elapsedMs)
                  .map((n, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: saved notes never change order
                    <li key={index} className="pr-peer__note">
                      <span className="pr-peer__note-stamp">{formatClock(n.elapsedMs)}</span>
                      <span>
                        {n.text} <span className="hint">— {n.authorName}</span>
                      </span>
                    </li>
                  ))}
              </ol>
            </>
          ) : null}
        </Card>

        <Card className="pr-peer__card" aria-labelledby="peer-answer-title">
          <SectionTitle id="peer-answer-title">Your answer</SectionTitle>
          {entry.answer.trim() ? (
            <MarkdownText text={entry.answer} headingLevel={3} testId="peer-answer" />
          ) : (
            <p className="empty-note">You wrote nothing in the answer pad.</p>
          )}
        </Card>
      </div>
    </article>
  );
}
