import type { ReactNode } from "react";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";

/** Something failed to load: the reason, announced, and a way to try again. */
export function RetryAlert({ onRetry, children }: { onRetry: () => void; children: ReactNode }) {
  return (
    <Alert>
      {children}{" "}
      <button type="button" className={buttonClass("link")} onClick={onRetry}>
        Try again
      </button>
    </Alert>
  );
}
