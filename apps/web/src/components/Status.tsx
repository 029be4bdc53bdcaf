import type { ReactNode } from "react";
import "./Status.css";
import { buttonClass } from "../ui/button";

export interface ErrorStateProps {
  title: string;
  error: Error;
  /** Offers "Try again" when given. */
  onRetry?: () => void;
  /** Further ways out, after "Try again". */
  children?: ReactNode;
  /** 1 when the error is the whole page, so the page still has its top heading. */
  headingLevel?: 1 | 2;
}

export function ErrorState({ title, error, onRetry, children, headingLevel = 2 }: ErrorStateProps) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="status status--error" role="alert">
      <Heading className="status__title">{title}</Heading>
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

/**
 * What a page shows while its data loads: the label announced, and a heading-shaped placeholder
 * followed by text lines ("full" or "short") roughly where the content will land.
 */
export function PageLoading({
  label,
  lines = ["short"],
}: {
  label: string;
  lines?: ReadonlyArray<"full" | "short">;
}) {
  return (
    <Loading label={label}>
      <span className="skeleton skeleton--heading" />
      {lines.map((line, index) => (
        // The lines never reorder; their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <span key={index} className={line === "short" ? "skeleton skeleton--short" : "skeleton"} />
      ))}
    </Loading>
  );
}
