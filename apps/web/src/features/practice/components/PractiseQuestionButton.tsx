import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { practiceApi } from "../api";
import { useStartAttempt } from "../lib/useStartAttempt";
import "./PractiseQuestionButton.css";

/** The question page's "Practise this question": starts a timed attempt at it and opens it. */
export function PractiseQuestionButton({ questionId }: { questionId: string }) {
  const { busy, error, start } = useStartAttempt();
  return (
    <div className="pr-practise-action">
      <button
        type="button"
        className={buttonClass("primary")}
        disabled={busy !== null}
        onClick={() => start("question", (key) => practiceApi.start(key, { questionId }))}
      >
        {busy ? "Starting…" : "Practise this question"}
      </button>
      <span className="hint">Timed, with autosave. The clock starts at once.</span>
      {error ? (
        <Alert className="pr-practise-action__error">
          Couldn’t start the practice: {error.error.message}
        </Alert>
      ) : null}
    </div>
  );
}
