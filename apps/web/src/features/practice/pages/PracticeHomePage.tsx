import { Link } from "react-router";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { DevicePanel } from "../components/DevicePanel";
import { InProgress } from "../components/home/InProgress";
import { StartOptions } from "../components/home/StartOptions";
import { PracticeError } from "../components/PracticeStates";
import { SectionTitle } from "../components/SectionTitle";
import { usePractitioner } from "../lib/usePractitioner";
import { useStartAttempt } from "../lib/useStartAttempt";
import "./PracticeHomePage.css";

export function PracticeHomePage() {
  useDocumentTitle("Solo timed practice");
  const starter = useStartAttempt();
  const practitioner = usePractitioner();

  return (
    <div className="container">
      <header className="page-header">
        <p className="eyebrow">Solo timed practice</p>
        <h1 className="page-title">Practise under the clock</h1>
        <p className="page-lede">
          Answer a director-level question in writing while a phased timer walks you through it, then score
          yourself against the rubric’s anchors before you see example answers graded by level and the talking
          points you covered.
        </p>
      </header>

      <div className="pr-practice-home__grid">
        <div className="pr-practice-home__main">
          {practitioner.status === "ready" ? (
            <InProgress practitionerKey={practitioner.key} />
          ) : practitioner.status === "error" ? (
            <PracticeError
              title="Practice could not start on this device"
              error={practitioner.error}
              onRetry={practitioner.retry}
            />
          ) : null}

          <section aria-labelledby="start-title">
            <SectionTitle id="start-title">Start a practice</SectionTitle>
            <StartOptions starter={starter} />
          </section>
        </div>

        <aside className="pr-practice-home__aside" aria-label="About practice">
          <section className="pr-how-it-runs" aria-labelledby="how-title">
            <h2 id="how-title" className="pr-how-it-runs__title">
              How a practice runs
            </h2>
            <ol className="pr-how-it-runs__steps">
              <li>
                <strong>Answer under a phased clock.</strong> The server keeps the time, so a reload or
                another device changes nothing. Going over is shown, never cut off.
              </li>
              <li>
                <strong>Score yourself</strong> on every rubric dimension by picking the anchor that describes
                your answer.
              </li>
              <li>
                <strong>Then compare</strong> with example answers from weak to VP level, and see which
                talking points you touched.
              </li>
            </ol>
            <p className="pr-how-it-runs__link">
              <Link to="/practice/history">
                Your history and progress<span aria-hidden="true"> →</span>
              </Link>
            </p>
          </section>
          {practitioner.status === "ready" ? <DevicePanel practitionerKey={practitioner.key} /> : null}
        </aside>
      </div>
    </div>
  );
}
