import type { AttemptStatus } from "@loopwright/schema";
import { STATUS_LABELS } from "../lib/status";
import "./StatusBadge.css";

/** An attempt's status as a badge, coloured by the step it has reached. */
export function StatusBadge({ status, testId }: { status: AttemptStatus; testId?: string }) {
  return (
    <span className="badge pr-status-badge" data-status={status} data-testid={testId}>
      {STATUS_LABELS[status]}
    </span>
  );
}
