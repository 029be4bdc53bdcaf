import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import "./NotFoundPage.css";
import { buttonClass } from "../ui/button";

/** The body of every "not found" view: the catch-all route and unknown question ids. */
export function NotFoundContent({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="container not-found">
      <p className="eyebrow">404</p>
      <h1 className="page-title">{title}</h1>
      <div className="not-found__body prose">{children}</div>
      <p className="not-found__actions">
        <Link to="/questions" className={buttonClass("primary")}>
          Back to the question bank
        </Link>
        <Link to="/" className={buttonClass("quiet")}>
          Go to the home page
        </Link>
      </p>
    </div>
  );
}

export function NotFoundPage() {
  const { pathname } = useLocation();
  useDocumentTitle("Page not found");
  return (
    <NotFoundContent title="Page not found">
      <p>
        Nothing lives at <code>{pathname}</code>. The link may be mistyped, or the page may have moved.
      </p>
    </NotFoundContent>
  );
}
