import { EXAMPLE_LEVEL_LABELS, RUBRIC_MAX, RUBRIC_MIN } from "@loopwright/schema";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import "./JourneyPages.css";

interface Step {
  title: string;
  body: ReactNode;
}

interface JourneyProps {
  title: string;
  audience: string;
  lede: ReactNode;
  steps: Step[];
  todayTitle: string;
  today: ReactNode;
  todaySteps?: string[];
}

function JourneyPage({ title, audience, lede, steps, todayTitle, today, todaySteps }: JourneyProps) {
  useDocumentTitle(title);
  return (
    <div className="container journey-page">
      <header className="page-header">
        <p className="eyebrow">
          <span className="badge">Coming next</span>
          <span className="journey-page__audience">{audience}</span>
        </p>
        <h1 className="page-title">{title}</h1>
        <div className="page-lede">{lede}</div>
      </header>

      <div className="journey-page__grid">
        <section aria-labelledby="plan-title" className="journey-page__plan">
          <h2 id="plan-title" className="section__title">
            What it will do
          </h2>
          <ol className="steps">
            {steps.map((step, index) => (
              <li key={step.title} className="step">
                <span className="step__number" aria-hidden="true">
                  {index + 1}
                </span>
                <div>
                  <h3 className="step__title">{step.title}</h3>
                  <p className="step__body">{step.body}</p>
                </div>
              </li>
            ))}
          </ol>
        </section>

        <aside aria-labelledby="today-title" className="today">
          <h2 id="today-title" className="today__title">
            {todayTitle}
          </h2>
          <div className="today__body">{today}</div>
          {todaySteps ? (
            <ol className="today__steps">
              {todaySteps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          ) : null}
          <p className="today__action">
            <Link to="/questions" className="button button--primary">
              Browse the question bank
            </Link>
          </p>
        </aside>
      </div>
    </div>
  );
}

const rubricRange = `${RUBRIC_MIN} to ${RUBRIC_MAX}`;

export function PracticePage() {
  return (
    <JourneyPage
      title="Solo timed practice"
      audience="For an engineering manager preparing for a director loop"
      lede={
        <p>
          Practice mode is for working alone, on your own schedule. It is not built yet. This page describes
          what it will do, and how to get most of the value from the question bank in the meantime.
        </p>
      }
      steps={[
        {
          title: "Pick a round or a question",
          body: "Drill one competency, such as org design, or choose a specific question from the bank.",
        },
        {
          title: "Answer under a phased clock",
          body: "The timer walks through the question’s phases (clarify, diagnose, propose, trade-offs) with the minutes the question sets, so you learn to spend time where a panel expects it.",
        },
        {
          title: "Score yourself against the rubric",
          body: `Rate each dimension from ${rubricRange} by reading its behavioural anchors, rather than by how the answer felt.`,
        },
        {
          title: "Compare with example answers",
          body: `Read graded answers, from “${EXAMPLE_LEVEL_LABELS.weak}” to “${EXAMPLE_LEVEL_LABELS.vp}”, next to yours, with their reference scores and the reasoning behind them.`,
        },
        {
          title: "See which talking points you covered",
          body: "Your answer is checked for the phrases behind each talking point, so the signals you left out are visible.",
        },
        {
          title: "Watch progress per competency",
          body: "Scores collect over the weeks, per competency, so you can see which rounds still need work.",
        },
      ]}
      todayTitle="Practise with the bank today"
      today={<p>Every question is readable in full now. To run one on your own:</p>}
      todaySteps={[
        "Read only the prompt and the scenario.",
        "Set a timer for each phase and answer aloud or in writing.",
        "Score each rubric dimension against its anchors.",
        "Open the example answers and compare.",
      ]}
    />
  );
}

export function SessionsPage() {
  return (
    <JourneyPage
      title="Peer mock interviews"
      audience="For two or more people in different places"
      lede={
        <p>
          Peer sessions let one person interview another over a shared link, with the structure of a real
          director loop. They are not built yet; this is how they will work.
        </p>
      }
      steps={[
        {
          title: "Create a session and send links",
          body: "The host picks a question and gets one link per role. Each link carries its own unguessable token, works only for that role and can be revoked.",
        },
        {
          title: "Each role sees only its own material",
          body: "The interviewer’s link shows the guide: probes, curveballs and rubric. The candidate’s link shows the prompt and a shared workspace. The rubric and the interviewer’s notes are never sent to the candidate’s browser, not merely hidden on screen.",
        },
        {
          title: "One clock for everyone",
          body: "The timer runs on the server, so both sides see the same phase and the same time remaining, and a dropped connection picks up where it left off.",
        },
        {
          title: "Score privately and blind",
          body: "Each interviewer scores against the rubric without seeing anyone else’s scores.",
        },
        {
          title: "Release feedback, then swap",
          body: "The host releases the feedback to the candidate when ready. Then you swap roles and run another question.",
        },
      ]}
      todayTitle="Run a mock over a video call today"
      today={
        <p>
          The interviewer opens the question page; the candidate should not, since it shows the rubric and the
          guide.
        </p>
      }
      todaySteps={[
        "Read the prompt and the scenario aloud, or paste them into the chat.",
        "Keep time by the phases and use the probes and curveballs from the guide.",
        "Score against the anchors before you discuss the answer.",
        "Swap roles with another question.",
      ]}
    />
  );
}

export function CalibrationPage() {
  return (
    <JourneyPage
      title="Loop calibration"
      audience="For hiring managers and their interview panels"
      lede={
        <p>
          Calibration helps a hiring manager check that everyone on a panel holds the same bar for a director
          hire. It is not built yet; this is what it will do.
        </p>
      }
      steps={[
        {
          title: "Define the loop",
          body: "Set out the rounds, the competency each round tests, the questions asked and the rubric each interviewer scores against.",
        },
        {
          title: "Score the same answers independently",
          body: "Every interviewer scores the same set of answers without seeing anyone else’s scores.",
        },
        {
          title: "See where the panel disagrees",
          body: "Agreement for each rubric dimension, each interviewer’s tendency to score more harshly or more leniently than the panel, and the answers that split it.",
        },
        {
          title: "Discuss, then score again",
          body: "After talking through the splits, the panel re-scores the same answers, and you can see whether the bar converged.",
        },
      ]}
      todayTitle="Calibrate by hand today"
      today={
        <p>
          Example answers in the bank come with reference scores and the reasoning behind them, which makes a
          simple exercise possible:
        </p>
      }
      todaySteps={[
        "Pick a question your loop uses, or one close to it.",
        "Have each interviewer score its example answers alone, before opening the reference scores.",
        "Compare the scores with each other, then with the reference, one dimension at a time.",
      ]}
    />
  );
}
