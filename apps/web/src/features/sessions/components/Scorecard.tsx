import {
  FEEDBACK_MAX_CHARS,
  type InterviewerScore,
  isInterviewer,
  type Question,
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type RoomView,
} from "@loopwright/schema";
import { type FormEvent, useId, useState } from "react";
import { formatList } from "../../../lib/format";
import { buttonClass } from "../../../ui/button";
import { Field } from "../../../ui/Field";
import { useIntent } from "../lib/room-context";
import { DimensionChoice, ScoreMeter } from "./ScoreChoice";

type Recommendation = (typeof RECOMMENDATIONS)[number];

/**
 * Blind scoring. Until you submit you see only who has submitted; once you
 * have, the server starts sending everyone else's scores and they appear here.
 */
export function Scorecard({ view, question }: { view: RoomView; question: Question }) {
  const interviewers = view.participants.filter((p) => isInterviewer(p.role));
  const submittedBy = new Set(view.submittedBy ?? []);
  const mine = (view.scores ?? []).find((s) => s.participantId === view.you.id);

  return (
    <section className="ps-card ps-scorecard" aria-labelledby="ps-scorecard-title" data-testid="scorecard">
      <header className="ps-card__header">
        <h2 id="ps-scorecard-title" className="ps-card__title">
          Scorecard
        </h2>
        <p className="ps-card__kicker">
          Scoring is blind: you see the other interviewers’ scores only after you submit your own.
        </p>
      </header>

      <ul className="ps-submitted" aria-label="Who has submitted" data-testid="submission-status">
        {interviewers.map((p) => {
          const done = submittedBy.has(p.id);
          return (
            <li key={p.id} className="ps-submitted__item" data-done={done ? "true" : undefined}>
              <span className="ps-submitted__mark" aria-hidden="true">
                {done ? "✓" : ""}
              </span>
              {p.id === view.you.id ? `${p.name} (you)` : p.name}
              <span className="ps-submitted__state">{done ? "submitted" : "not yet"}</span>
            </li>
          );
        })}
      </ul>

      {mine || view.released ? (
        <SubmittedScores
          scores={view.scores ?? []}
          question={question}
          youId={view.you.id}
          waitingFor={interviewers.filter((p) => !submittedBy.has(p.id)).map((p) => p.name)}
        />
      ) : (
        <ScoreForm question={question} />
      )}
    </section>
  );
}

function ScoreForm({ question }: { question: Question }) {
  const { run, busy, error } = useIntent();
  const recName = useId();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [recommendation, setRecommendation] = useState<Recommendation | null>(null);
  const [feedback, setFeedback] = useState("");
  const [tried, setTried] = useState(false);
  const dims = question.rubric.dimensions;
  const missing = dims.filter((d) => scores[d.id] === undefined);
  const ready = missing.length === 0 && recommendation !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!ready || !recommendation) return;
    void run({ type: "submit-score", scores, recommendation, feedback: feedback.trim() });
  };

  return (
    <form className="ps-score-form" onSubmit={submit} noValidate>
      {dims.map((d) => (
        <DimensionChoice
          key={d.id}
          dimension={d}
          value={scores[d.id]}
          onChange={(score) => setScores((s) => ({ ...s, [d.id]: score }))}
          disabled={busy !== null}
        />
      ))}

      <fieldset className="ps-dimension" data-testid="recommendation">
        <legend className="ps-dimension__name">Overall recommendation</legend>
        <p className="ps-dimension__description">Would you hire this person as a director on this answer?</p>
        <div className="ps-recs">
          {RECOMMENDATIONS.map((r) => (
            <label
              key={r}
              className="ps-rec"
              data-value={r}
              data-selected={recommendation === r ? "true" : undefined}
            >
              <input
                type="radio"
                name={recName}
                value={r}
                checked={recommendation === r}
                onChange={() => setRecommendation(r)}
                disabled={busy !== null}
                className="ps-choice__input"
              />
              <span>{RECOMMENDATION_LABELS[r]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <Field
        label="Written feedback for the candidate"
        hint="What they did well, what would have made it a director-level answer. Shown to them on release."
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={5}
            maxLength={FEEDBACK_MAX_CHARS}
            value={feedback}
            onChange={(event) => setFeedback(event.target.value)}
            disabled={busy !== null}
          />
        )}
      </Field>

      <div className="ps-score-form__submit">
        <button
          type="submit"
          className={buttonClass("primary")}
          disabled={busy !== null}
          aria-describedby="ps-score-once"
        >
          {busy ? "Submitting…" : "Submit scores"}
        </button>
        <p id="ps-score-once" className="ps-hint">
          You submit once; scores cannot be changed afterwards.
        </p>
      </div>
      {tried && !ready ? (
        <p className="ps-error" role="alert">
          {missing.length > 0
            ? `Score every dimension first: ${formatList(missing.map((d) => d.name))}.`
            : "Choose an overall recommendation first."}
        </p>
      ) : null}
      {error ? (
        <p className="ps-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** Everyone's submitted scores side by side (what blind scoring unlocks). */
export function SubmittedScores({
  scores,
  question,
  youId,
  waitingFor,
}: {
  scores: InterviewerScore[];
  question: Question;
  youId: string;
  waitingFor: string[];
}) {
  return (
    <div className="ps-scores" data-testid="submitted-scores">
      {waitingFor.length > 0 ? (
        <p className="ps-note-inline">
          Waiting for {formatList(waitingFor)}. Their scores appear here as soon as they submit.
        </p>
      ) : null}
      <div className="ps-table-wrap">
        <table className="ps-table">
          <caption className="visually-hidden">Submitted scores by dimension</caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              {scores.map((s) => (
                <th key={s.participantId} scope="col">
                  {s.participantId === youId ? `${s.name} (you)` : s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {question.rubric.dimensions.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name}</th>
                {scores.map((s) => {
                  const score = s.scores[d.id];
                  return (
                    <td key={s.participantId}>
                      {score === undefined ? (
                        "–"
                      ) : (
                        <span className="ps-table__score">
                          <ScoreMeter score={score} />
                          {score}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="ps-table__rec">
              <th scope="row">Recommendation</th>
              {scores.map((s) => (
                <td key={s.participantId}>
                  <span className="ps-rec-pill" data-value={s.recommendation}>
                    {RECOMMENDATION_LABELS[s.recommendation]}
                  </span>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {scores.some((s) => s.feedback) ? (
        <div className="ps-feedback-list">
          {scores
            .filter((s) => s.feedback)
            .map((s) => (
              <figure key={s.participantId} className="ps-feedback">
                <blockquote>
                  <p>{s.feedback}</p>
                </blockquote>
                <figcaption>{s.participantId === youId ? `${s.name} (you)` : s.name}</figcaption>
              </figure>
            ))}
        </div>
      ) : null}
    </div>
  );
}
