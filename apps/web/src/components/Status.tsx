import type { ReactNode } from "react";
import "./Status.css";
import { buttonClass } from "../ui/button";

export function ErrorState({
  title,
  error,
  onRetry,
  children,
}: {
  title: string;
  error: Error;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="status status--error" role="alert">
      <h2 className="status__title">{title}</h2>
      <p className="status__message">{error.message}</p>
      <div className="status__actions">
        {onRetry ? (
          <button type="button" className={buttonClass("primary")} onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {children}
      </div>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="status status--empty">
      <h2 className="status__title">{title}</h2>
      {children}
    </div>
  );
}

/** Announces loading to assistive technology; the visual placeholder is passed as children. */
export function Loading({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <div className="loading" aria-busy="true">
      <p className="visually-hidden" role="status">
        {label}
      </p>
      <div aria-hidden="true">{children}</div>
    </div>
  );
}
