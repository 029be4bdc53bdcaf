import type { AttemptSummary } from "@loopwright/schema";
import { formatClock } from "../../../lib/clock-format";

type PhaseTime = AttemptSummary["phaseTimes"][number];

/** Time spent per phase against plan, as a table (review) or as compact bars (history). */
export function PhaseTimesTable({ phases, overrunMs }: { phases: PhaseTime[]; overrunMs: number }) {
  const planned = phases.reduce((sum, p) => sum + p.plannedMs, 0);
  const spent = phases.reduce((sum, p) => sum + p.spentMs, 0);
  return (
    <div className="pr-table-scroll">
      <table className="pr-table" data-testid="phase-times">
        <caption className="visually-hidden">Time spent per phase against the plan</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Planned</th>
            <th scope="col">Spent</th>
            <th scope="col">
              <span className="visually-hidden">Share of plan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {phases.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td className="pr-num">{formatClock(p.plannedMs)}</td>
              <td className="pr-num">
                {formatClock(p.spentMs)}
                {p.spentMs > p.plannedMs ? (
                  <span className="pr-over"> +{formatClock(p.spentMs - p.plannedMs)}</span>
                ) : null}
              </td>
              <td className="pr-phase-times__bar-cell">
                <PhaseBar spentMs={p.spentMs} plannedMs={p.plannedMs} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="pr-num">{formatClock(planned)}</td>
            <td className="pr-num">
              {formatClock(spent)}
              {overrunMs > 0 ? <span className="pr-over"> +{formatClock(overrunMs)} over</span> : null}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function PhaseBar({ spentMs, plannedMs }: { spentMs: number; plannedMs: number }) {
  const ratio = plannedMs > 0 ? spentMs / plannedMs : 0;
  return (
    <span className="pr-phase-bar-mini" aria-hidden="true">
      <span
        className="pr-phase-bar-mini__fill"
        data-over={ratio > 1 ? "true" : undefined}
        style={{ width: `${Math.min(1, ratio) * 100}%` }}
      />
    </span>
  );
}

/** The history row's compact view: one slim bar per phase, widths by plan, fill by time spent. */
export function PhaseStrip({ phases }: { phases: PhaseTime[] }) {
  return (
    <div className="pr-phase-strip">
      <span className="pr-phase-strip__bars" aria-hidden="true">
        {phases.map((p) => {
          const ratio = p.plannedMs > 0 ? p.spentMs / p.plannedMs : 0;
          return (
            <span key={p.id} className="pr-phase-strip__bar" style={{ flexGrow: p.plannedMs }}>
              <span
                className="pr-phase-strip__fill"
                data-over={ratio > 1 ? "true" : undefined}
                style={{ width: `${Math.min(1, ratio) * 100}%` }}
              />
            </span>
          );
        })}
      </span>
      <ul className="pr-phase-strip__list">
        {phases.map((p) => (
          <li key={p.id}>
            <span className="pr-phase-strip__name">{p.name}</span>{" "}
            <span className="pr-phase-strip__time">
              {formatClock(p.spentMs)}
              <span className="pr-phase-strip__planned">
                <span aria-hidden="true"> / </span>
                <span className="visually-hidden"> of </span>
                {formatClock(p.plannedMs)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
