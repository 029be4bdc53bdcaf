import { Link } from "react-router";
import { buttonClass } from "../../../ui/button";
import "./MockInterviewLink.css";

/** The question page's way into a peer session with this question preselected. */
export function MockInterviewLink({ questionId }: { questionId: string }) {
  return (
    <p className="ps-mock-link">
      <Link to={`/sessions?question=${encodeURIComponent(questionId)}`} className={buttonClass("quiet")}>
        Run as a mock interview
      </Link>
      <span className="hint">With a colleague, over a shared link. You interview; they answer.</span>
    </p>
  );
}
