import { practiceApi } from "../api";
import "../practice.css";
import { buttonClass } from "../../../ui/button";
import { useStartAttempt } from "../lib/useStartAttempt";

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
      <span className="pr-practise-action__hint">Timed, with autosave. The clock starts at once.</span>
      {error ? (
        <p className="pr-practise-action__error" role="alert">
          Couldn’t start the practice: {error.error.message}
        </p>
      ) : null}
    </div>
  );
}
