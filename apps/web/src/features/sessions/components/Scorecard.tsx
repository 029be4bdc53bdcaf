import {
  FEEDBACK_MAX_CHARS,
  type InterviewerScore,
  isInterviewer,
  type Question,
  RECOMMENDATION_LABELS,
  type RoomView,
} from "@loopwright/schema";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { formatList } from "../../../lib/format";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { Field } from "../../../ui/Field";
import { ScoreMeter } from "../../../ui/ScoreMeter";
import { ScrollRegion } from "../../../ui/ScrollRegion";
import { tableClasses } from "../../../ui/table";
import { type TimeLeft, timeLeft, timeLeftSentence } from "../lib/clock-warning";
import { useIntent, useRoomContext } from "../lib/room-context";
import { Card } from "./Card";
import { FeedbackList } from "./FeedbackList";
import { DimensionChoices, type Recommendation, RecommendationChoice, ScoreForm } from "./ScoreChoice";
import "./Scorecard.css";

/**
 * Blind scoring. Until you submit you see only who has submitted; once you
 * have, the server starts sending everyone else's scores and they appear here.
 */
export function Scorecard({ view, question }: { view: RoomView; question: Question }) {
  const interviewers = view.participants.filter((p) => isInterviewer(p.role));
  const submittedBy = new Set(view.submittedBy ?? []);
  const mine = (view.scores ?? []).find((s) => s.participantId === view.you.id);
  // Once this page submits, focus goes to the line saying so rather than falling to the page body.
  const [justSubmitted, setJustSubmitted] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (justSubmitted && mine) done.current?.focus();
  }, [justSubmitted, mine]);

  return (
    <Card
      className="ps-scorecard"
      titleId="ps-scorecard-title"
      title="Scorecard"
      kicker="Scoring is blind: you see the other interviewers’ scores only after you submit your own."
      testId="scorecard"
    >
      <ul className="ps-submitted" aria-label="Who has submitted" data-testid="submission-status">
        {interviewers.map((p) => {
          const done = submittedBy.has(p.id);
          return (
            <li key={p.id} className="ps-submitted__item" data-done={done ? "true" : undefined}>
              <span className="ps-submitted__mark" aria-hidden="true">
                {done ? "✓" : ""}
              </span>
              {p.id === view.you.id ? `${p.name} (you)` : p.name}
              <span className="muted">{done ? "submitted" : "not yet"}</span>
            </li>
          );
        })}
      </ul>

      {mine && !view.released ? (
        <p
          ref={done}
          tabIndex={-1}
          className="ps-scorecard__done"
          role="status"
          data-testid="scores-submitted"
        >
          Your scores are submitted. They are locked, and everyone else’s who has submitted appear below.
        </p>
      ) : null}
      {mine || view.released ? (
        <SubmittedScores
          scores={view.scores ?? []}
          question={question}
          youId={view.you.id}
          waitingFor={interviewers.filter((p) => !submittedBy.has(p.id)).map((p) => p.name)}
        />
      ) : (
        <InterviewerScoreForm
          question={question}
          clock={view.clock}
          onSubmitted={() => setJustSubmitted(true)}
        />
      )}
    </Card>
  );
}

function InterviewerScoreForm({
  question,
  clock,
  onSubmitted,
}: {
  question: Question;
  clock: RoomView["clock"];
  onSubmitted: () => void;
}) {
  const { run, busy, error } = useIntent();
  const { state } = useRoomContext();
  const [early, setEarly] = useState<TimeLeft | null>(null);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [recommendation, setRecommendation] = useState<Recommendation | null>(null);
  const [feedback, setFeedback] = useState("");
  const [tried, setTried] = useState(false);
  const dims = question.rubric.dimensions;
  const missing = dims.filter((d) => scores[d.id] === undefined);
  const ready = missing.length === 0 && recommendation !== null;

  const send = async () => {
    if (!recommendation) return;
    const result = await run({ type: "submit-score", scores, recommendation, feedback: feedback.trim() });
    setEarly(null);
    if (result.ok) onSubmitted();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!ready || !recommendation) return;
    // Scores cannot be changed, so submitting mid-interview is asked about first.
    const left = timeLeft(clock, Date.now() + state.offsetMs);
    if (left) setEarly(left);
    else void send();
  };

  return (
    <ScoreForm
      onSubmit={submit}
      noValidate
      submitRow={
        <>
          <button
            type="submit"
            className={buttonClass("primary")}
            disabled={busy !== null}
            aria-describedby="ps-score-once"
          >
            {busy ? "Submitting…" : "Submit scores"}
          </button>
          <p id="ps-score-once" className="hint">
            You submit once; scores cannot be changed afterwards.
          </p>
        </>
      }
      after={
        <>
          {tried && !ready ? (
            <Alert>
              {missing.length > 0
                ? `Score every dimension first: ${formatList(missing.map((d) => d.name))}.`
                : "Choose an overall recommendation first."}
            </Alert>
          ) : null}
          {error ? <Alert>{error}</Alert> : null}
        </>
      }
    >
      <DimensionChoices
        dimensions={dims}
        scores={scores}
        onChange={(id, score) => setScores((s) => ({ ...s, [id]: score }))}
        disabled={busy !== null}
      />
      <RecommendationChoice value={recommendation} onChange={setRecommendation} disabled={busy !== null} />
      <ConfirmDialog
        open={early !== null}
        title="Submit your scores before the interview ends?"
        confirmLabel="Submit now"
        busyLabel="Submitting…"
        cancelLabel="Keep interviewing"
        busy={busy === "submit-score"}
        error={early ? error : null}
        onConfirm={() => void send()}
        onCancel={() => setEarly(null)}
      >
        <p data-testid="early-warning">{early ? timeLeftSentence(early) : ""}</p>
        <p>
          Submitted scores are locked: you cannot change them after hearing the rest of the answer, and you
          will see the other interviewers’ scores straight away.
        </p>
      </ConfirmDialog>
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
    </ScoreForm>
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
  const nameOf = (s: InterviewerScore) => (s.participantId === youId ? `${s.name} (you)` : s.name);
  return (
    <div className="ps-scores" data-testid="submitted-scores">
      {waitingFor.length > 0 ? (
        <Alert tone="note" className="ps-scores__waiting">
          Waiting for {formatList(waitingFor)}. Their scores appear here as soon as they submit.
        </Alert>
      ) : null}
      <ScrollRegion className={tableClasses.scroll} label="Submitted scores by dimension">
        <table className={tableClasses.table}>
          <caption className="visually-hidden">Submitted scores by dimension</caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              {scores.map((s) => (
                <th key={s.participantId} scope="col">
                  {nameOf(s)}
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
                        <span className="ps-scores__score">
                          <ScoreMeter score={score} />
                          {score}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
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
      </ScrollRegion>
      {scores.some((s) => s.feedback) ? (
        <FeedbackList
          items={scores
            .filter((s) => s.feedback)
            .map((s) => ({ key: s.participantId, text: s.feedback, caption: nameOf(s) }))}
        />
      ) : null}
    </div>
  );
}
