import type { AttemptSummary } from "@loopwright/schema";
import { formatClock } from "../../../lib/clock-format";
import { ScrollRegion } from "../../../ui/ScrollRegion";
import { tableClasses } from "../../../ui/table";
import { Overrun } from "./Overrun";
import "./PhaseTimes.css";

type PhaseTime = AttemptSummary["phaseTimes"][number];

/** How much of a phase's plan was spent: the bar's fill, and whether it ran over. */
function fill(spentMs: number, plannedMs: number) {
  const ratio = plannedMs > 0 ? spentMs / plannedMs : 0;
  return { over: ratio > 1 ? "true" : undefined, width: `${Math.min(1, ratio) * 100}%` };
}

/** Time spent per phase against plan, as a table (review) or as compact bars (history). */
export function PhaseTimesTable({ phases, overrunMs }: { phases: PhaseTime[]; overrunMs: number }) {
  const planned = phases.reduce((sum, p) => sum + p.plannedMs, 0);
  const spent = phases.reduce((sum, p) => sum + p.spentMs, 0);
  return (
    <ScrollRegion className={tableClasses.scroll} label="Time spent per phase">
      <table className={tableClasses.table} data-testid="phase-times">
        <caption className="visually-hidden">Time spent per phase against the plan</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col" className={tableClasses.number}>
              Planned
            </th>
            <th scope="col" className={tableClasses.number}>
              Spent
            </th>
            <th scope="col">
              <span className="visually-hidden">Share of plan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {phases.map((p) => {
            const bar = fill(p.spentMs, p.plannedMs);
            return (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td className={tableClasses.number}>{formatClock(p.plannedMs)}</td>
                <td className={tableClasses.number}>
                  {formatClock(p.spentMs)}
                  {p.spentMs > p.plannedMs ? (
                    <Overrun> +{formatClock(p.spentMs - p.plannedMs)}</Overrun>
                  ) : null}
                </td>
                <td className="pr-phase-times__bar-cell">
                  <span className="pr-phase-bar-mini" aria-hidden="true">
                    <span
                      className="pr-phase-bar-mini__fill"
                      data-over={bar.over}
                      style={{ width: bar.width }}
                    />
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot className="pr-phase-times__total">
          <tr>
            <th scope="row">Total</th>
            <td className={tableClasses.number}>{formatClock(planned)}</td>
            <td className={tableClasses.number}>
              {formatClock(spent)}
              {overrunMs > 0 ? <Overrun> +{formatClock(overrunMs)} over</Overrun> : null}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}

/** The history row's compact view: one slim bar per phase, widths by plan, fill by time spent. */
export function PhaseStrip({ phases }: { phases: PhaseTime[] }) {
  return (
    <div className="pr-phase-strip">
      <span className="pr-phase-strip__bars" aria-hidden="true">
        {phases.map((p) => {
          const bar = fill(p.spentMs, p.plannedMs);
          return (
            <span key={p.id} className="pr-phase-strip__bar" style={{ flexGrow: p.plannedMs }}>
              <span className="pr-phase-strip__fill" data-over={bar.over} style={{ width: bar.width }} />
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
