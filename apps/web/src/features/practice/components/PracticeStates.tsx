import type { ReactNode } from "react";
import { ErrorState, Loading } from "../../../components/Status";
import { buttonClass } from "../../../ui/button";
import { isUnknownKey } from "../api";
import { startAfresh, usePractitioner } from "../lib/usePractitioner";
import "./PracticeStates.css";

/** Renders its children with this browser's practitioner key, creating one on first use. */
export function WithPractitioner({
  children,
  label = "Preparing practice on this device",
}: {
  children: (key: string) => ReactNode;
  label?: string;
}) {
  const practitioner = usePractitioner();
  if (practitioner.status === "ready") return <>{children(practitioner.key)}</>;
  if (practitioner.status === "error") {
    return (
      <ErrorState
        title="Practice could not start on this device"
        error={practitioner.error}
        onRetry={practitioner.retry}
      />
    );
  }
  return <PageSkeleton label={label} />;
}

export function PageSkeleton({ label }: { label: string }) {
  return (
    <Loading label={label}>
      <div className="pr-skeleton">
        <span className="skeleton skeleton--heading" />
        <span className="skeleton" />
        <span className="skeleton skeleton--short" />
        <span className="skeleton" />
      </div>
    </Loading>
  );
}

/**
 * Every failed call ends here: the server's own message, and for a key the
 * server does not know (its database was reset, or the key was mistyped) a way out.
 */
export function PracticeError({
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
  if (isUnknownKey(error)) {
    return (
      <ErrorState title="This device's practice key is not recognised" error={error}>
        <button type="button" className={buttonClass("primary")} onClick={startAfresh}>
          Start afresh on this device
        </button>
        <p className="hint pr-start-afresh__note">
          Starting afresh creates a new, empty history here. If you practised on another device, open your
          personal link from that device in this browser instead.
        </p>
      </ErrorState>
    );
  }
  return (
    <ErrorState title={title} error={error} onRetry={onRetry}>
      {children}
    </ErrorState>
  );
}
