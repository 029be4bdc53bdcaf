import {
  formatSigned,
  formatStat,
  UNDEFINED_MARK,
  UNDEFINED_REASONS,
  type UndefinedReason,
} from "../shared/agreement-results/lib/format-stats";
import "./StatValue.css";
import { Tooltip } from "./Tooltip";

/**
 * A statistic to two decimals, or an em dash that explains itself on hover,
 * keyboard focus or press (a toggletip) when the data leaves it undefined.
 */
export function StatValue({
  value,
  reason,
  signed = false,
}: {
  value: number | null | undefined;
  reason: UndefinedReason;
  signed?: boolean;
}) {
  if (value !== null && value !== undefined && Number.isFinite(value)) {
    return <span className="stat">{signed ? formatSigned(value) : formatStat(value)}</span>;
  }
  return (
    <Tooltip content={UNDEFINED_REASONS[reason]} toggleOnClick>
      <button type="button" className="stat stat--undefined">
        <span aria-hidden="true">{UNDEFINED_MARK}</span>
        <span className="visually-hidden">undefined</span>
      </button>
    </Tooltip>
  );
}
