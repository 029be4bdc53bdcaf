import { Link } from "react-router";
import { buttonClass } from "../../../../ui/button";
import "./AttemptNotFound.css";

/** An attempt address that this device's practice key does not own. */
export function AttemptNotFound() {
  return (
    <div className="container pr-not-found" data-testid="attempt-not-found">
      <p className="eyebrow">404</p>
      <h1 className="page-title">Attempt not found</h1>
      <div className="pr-not-found__body prose">
        <p>
          No attempt at this address belongs to the practice key on this device. It may have been deleted, or
          it was made on another device: open that device’s personal link in this browser to see its history
          here.
        </p>
      </div>
      <p className="pr-not-found__actions">
        <Link to="/practice/history" className={buttonClass("primary")}>
          Go to your history
        </Link>
        <Link to="/practice" className={buttonClass("quiet")}>
          Start a practice
        </Link>
      </p>
    </div>
  );
}
