import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import "./NotFoundPage.css";
import { buttonClass } from "../ui/button";

/** Last-resort boundary for errors thrown while rendering; keeps the product name and a way back. */
export function RouteErrorPage() {
  const error = useRouteError();
  useDocumentTitle("Something went wrong");
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : "An unexpected error occurred.";

  return (
    <main id="main" className="container not-found">
      <p className="eyebrow">Loopwright</p>
      <h1 className="page-title">Something went wrong</h1>
      <div className="prose">
        <p>This page hit an error it could not recover from. Reloading usually helps.</p>
        <p>
          <code>{message}</code>
        </p>
      </div>
      <p className="not-found__actions">
        <button type="button" className={buttonClass("primary")} onClick={() => window.location.reload()}>
          Reload the page
        </button>
        <Link to="/" className={buttonClass("quiet")} reloadDocument>
          Go to the home page
        </Link>
      </p>
    </main>
  );
}
