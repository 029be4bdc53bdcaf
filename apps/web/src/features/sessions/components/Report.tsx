import {
  type InterviewerScore,
  type Note,
  type Participant,
  type Question,
  RECOMMENDATION_LABELS,
  RUBRIC_SCORES,
  type RubricDimension,
} from "@loopwright/schema";
import { Printer } from "lucide-react";
import { MarkdownText } from "../../../components/MarkdownText";
import { formatClock } from "../../../lib/clock-format";
import { formatDate } from "../../../lib/datetime";
import { formatList } from "../../../lib/format";
import { anchorText } from "../../../ui/AnchoredScore";
import { buttonClass } from "../../../ui/button";
import { ScoreMeter } from "../../../ui/ScoreMeter";
import { ROLE_LABELS } from "./ConnectionStatus";
import { Empty } from "./Empty";
import { FeedbackList } from "./FeedbackList";
import { NoteRow } from "./NoteRow";
import "./Report.css";

const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * The released feedback: for each rubric dimension the four anchors with who
 * chose which (the self-score alongside), each interviewer's recommendation
 * and written feedback, and the evidence notes they shared.
 */
export function Report({
  question,
  scores,
  notes,
  selfScore,
  selfLabel,
  notesTitle,
  lede,
  answer,
  answerTitle,
  participants,
  date,
}: {
  question: Question;
  scores: InterviewerScore[];
  notes: Note[];
  selfScore: Record<string, number> | null | undefined;
  /** "You" for the candidate, the candidate's name for everyone else. */
  selfLabel: string;
  notesTitle: string;
  lede: string;
  /** The candidate's final answer, as they wrote it (Markdown). */
  answer: string;
  answerTitle: string;
  /** Everyone in the session, named at the top of the printout. */
  participants: Participant[];
  /** When the interview took place (the clock's start), if known. */
  date: number | string | null;
}) {
  const names = scores.map((s) => s.name);
  const people = participants.map((p) => `${p.name} (${ROLE_LABELS[p.role].toLowerCase()})`);
  return (
    <section className="ps-report" aria-labelledby="ps-report-title" data-testid="report">
      <header className="ps-report__header">
        <p className="eyebrow">Feedback released</p>
        <h2 id="ps-report-title" className="ps-report__title" tabIndex={-1}>
          Feedback from {formatList(names)}
        </h2>
        <p className="ps-report__meta" data-testid="report-meta">
          {date !== null ? <span>{formatDate(date)}</span> : null}
          <span>{people.join(" · ")}</span>
        </p>
        <p className="lede">
          {lede}
          {selfScore
            ? selfLabel === "You"
              ? " Your self-score is marked alongside."
              : ` ${selfLabel}’s self-score is marked alongside.`
            : ""}
        </p>
        <div className="ps-report__actions">
          <button
            type="button"
            className={buttonClass("quiet", { size: "small" })}
            onClick={() => window.print()}
          >
            <Printer className="icon" size={14} aria-hidden="true" />
            Print or save as PDF
          </button>
        </div>
      </header>

      <ul className="ps-verdicts" aria-label="Recommendations">
        {scores.map((s) => (
          <li
            key={s.participantId}
            className="ps-verdict"
            data-value={s.recommendation}
            data-testid="verdict"
          >
            <span className="ps-verdict__name">{s.name}</span>
            <span className="ps-verdict__value">{RECOMMENDATION_LABELS[s.recommendation]}</span>
          </li>
        ))}
      </ul>

      <div className="ps-report__dims">
        {question.rubric.dimensions.map((d) => (
          <ReportDimension
            key={d.id}
            dimension={d}
            scores={scores}
            self={selfScore?.[d.id]}
            selfLabel={selfLabel}
          />
        ))}
      </div>

      <div className="ps-report__section ps-report__answer">
        <h3 className="ps-report__subtitle">{answerTitle}</h3>
        {answer.trim() ? (
          <MarkdownText text={answer} headingLevel={4} testId="report-answer" />
        ) : (
          <Empty className="ps-report__empty">Nothing was written in the answer pad.</Empty>
        )}
      </div>

      {scores.some((s) => s.feedback) ? (
        <div className="ps-report__section">
          <h3 className="ps-report__subtitle">Written feedback</h3>
          <FeedbackList
            testId="feedback"
            items={scores
              .filter((s) => s.feedback)
              .map((s) => ({
                key: s.participantId,
                text: s.feedback,
                caption: `${s.name} · ${RECOMMENDATION_LABELS[s.recommendation]}`,
              }))}
          />
        </div>
      ) : null}

      <div className="ps-report__section">
        <h3 className="ps-report__subtitle">{notesTitle}</h3>
        {notes.length === 0 ? (
          <Empty className="ps-report__empty">No evidence notes were shared.</Empty>
        ) : (
          <ol className="ps-evidence">
            {[...notes]
              .sort((a, b) => a.elapsedMs - b.elapsedMs)
              .map((n) => (
                <NoteRow key={n.id} stamp={formatClock(n.elapsedMs)} testId="shared-note">
                  <p className="ps-evidence__text">{n.text}</p>
                  <p className="hint ps-evidence__author">{n.authorName}</p>
                </NoteRow>
              ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function ReportDimension({
  dimension,
  scores,
  self,
  selfLabel,
}: {
  dimension: RubricDimension;
  scores: InterviewerScore[];
  self: number | undefined;
  selfLabel: string;
}) {
  const given = scores.flatMap((s) =>
    s.scores[dimension.id] === undefined ? [] : [s.scores[dimension.id] as number],
  );
  const mean = average(given);
  return (
    <section
      className="ps-rdim"
      aria-labelledby={`ps-rdim-${dimension.id}`}
      data-testid={`report-${dimension.id}`}
    >
      <header className="ps-rdim__header">
        <h3 id={`ps-rdim-${dimension.id}`} className="ps-rdim__name">
          {dimension.name}
        </h3>
        {given.length > 0 ? (
          <p className="ps-rdim__mean">
            <ScoreMeter score={Math.round(mean)} />
            <span>
              {given.length > 1 ? "Panel average " : "Score "}
              <strong>{Number.isInteger(mean) ? mean : mean.toFixed(1)}</strong> of 4
            </span>
          </p>
        ) : null}
      </header>
      <ol className="ps-rdim__anchors">
        {[...RUBRIC_SCORES].reverse().map((score) => {
          const by = scores.filter((s) => s.scores[dimension.id] === score).map((s) => s.name);
          const selfHere = self === score;
          const chosen = by.length > 0 || selfHere;
          return (
            <li
              key={score}
              className="ps-rdim__anchor"
              data-chosen={by.length > 0 ? "true" : selfHere ? "self" : undefined}
            >
              <span className="ps-rdim__score">{score}</span>
              <div className="ps-rdim__body">
                <p className="ps-rdim__text">{anchorText(dimension, score)}</p>
                {chosen ? (
                  <p className="ps-rdim__who">
                    {by.map((name) => (
                      <span key={name} className="ps-chip">
                        {name}
                      </span>
                    ))}
                    {selfHere ? (
                      <span className="ps-chip ps-chip--self">{selfLabel} (self-score)</span>
                    ) : null}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
