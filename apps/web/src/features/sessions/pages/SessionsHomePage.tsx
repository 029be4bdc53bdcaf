import { useState } from "react";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { type CreatedPlan, CreatedSession } from "../components/sessions-home/CreatedSession";
import { CreateSessionForm } from "../components/sessions-home/CreateSessionForm";
import { YourSessions } from "../components/sessions-home/YourSessions";
import "./SessionsHomePage.css";
import { StepList } from "../../../ui/StepList";

const STEPS = [
  {
    title: "Create the session and send two links",
    body: "Pick a question, or up to four for a mini loop taken one after another, and you get one link for yourself and one for the candidate. Each link is a personal secret that works only for its seat and can be revoked.",
  },
  {
    title: "Each side sees only its own material",
    body: "Your screen has the guide: probes, curveballs and the rubric. The candidate’s shows the prompt, the clock and an answer pad you can read live. What the candidate must not see is never sent to their browser.",
  },
  {
    title: "One clock for everyone",
    body: "The timer runs on the server. You start, pause, extend and move between phases; every screen shows the same time, and a dropped connection picks up where it left off.",
  },
  {
    title: "Score blind, then release",
    body: "Each interviewer scores against the rubric’s anchors without seeing the others until they submit. You release the scores, feedback and shared notes to the candidate in one go.",
  },
  {
    title: "Swap roles",
    body: "One click creates the next session on another question with the seats reversed, and everyone gets their new link.",
  },
];

export function SessionsHomePage() {
  useDocumentTitle("Peer mock interviews");
  const [created, setCreated] = useState<CreatedPlan | null>(null);

  return (
    <div className="container">
      <header className="page-header">
        <p className="eyebrow">
          <span>Peer sessions</span>
          <span className="muted">For two or more people in different places</span>
        </p>
        <h1 className="page-title">Peer mock interviews</h1>
        <p className="page-lede">
          Run a director-level interview with a colleague over a shared link: a real prompt, a phased clock
          you both see, live notes, blind scoring against the rubric, and feedback released when you are
          ready. Then swap seats.
        </p>
      </header>

      <div className="ps-home__grid">
        <div className="ps-home__main">
          {created ? (
            <CreatedSession plan={created} onAgain={() => setCreated(null)} />
          ) : (
            <CreateSessionForm onCreated={setCreated} />
          )}
          <YourSessions />
        </div>
        <aside className="ps-home__aside" aria-labelledby="ps-how-title">
          <h2 id="ps-how-title" className="ps-home__aside-title">
            How a session runs
          </h2>
          <StepList steps={STEPS} size="compact" />
        </aside>
      </div>
    </div>
  );
}
