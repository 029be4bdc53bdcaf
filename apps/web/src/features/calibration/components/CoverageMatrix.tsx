import { COMPETENCY_LABELS } from "@loopwright/schema";
import { useLayoutEffect, useRef, useState } from "react";
import { ScrollRegion } from "../../../ui/ScrollRegion";
import { type CoverageCell, hiddenOverlapNotice } from "../lib/coverage";
import { CoveragePills } from "./CoveragePills";
import "./CoverageMatrix.css";

const STATUS_LABEL: Record<CoverageCell["status"], string> = {
  gap: "Gap",
  covered: "Covered",
  overlap: "Overlap",
};

/** Round columns not wholly inside the scroll box (a pixel of rounding aside). */
function hiddenColumns(table: HTMLTableElement): Set<number> {
  const box = table.parentElement;
  const hidden = new Set<number>();
  if (!box) return hidden;
  const left = box.scrollLeft;
  const right = left + box.clientWidth;
  for (const th of table.querySelectorAll<HTMLTableCellElement>("th[data-round]")) {
    const start = th.offsetLeft;
    const end = start + th.offsetWidth;
    if (start < left - 1 || end > right + 1) hidden.add(Number(th.dataset.round));
  }
  return hidden;
}

const sameSet = (a: ReadonlySet<number>, b: ReadonlySet<number>) =>
  a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Which round columns are scrolled out of view, kept up to date as the box is resized or
 * scrolled, so an overlap flagged there can be pointed out above the matrix.
 */
function useHiddenRounds(columns: number) {
  const table = useRef<HTMLTableElement>(null);
  const [hidden, setHidden] = useState<ReadonlySet<number>>(() => new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measured when the number of rounds changes
  useLayoutEffect(() => {
    const el = table.current;
    const box = el?.parentElement;
    if (!el || !box) return;
    const measure = () => {
      const next = hiddenColumns(el);
      setHidden((current) => (sameSet(current, next) ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    observer.observe(el);
    box.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", measure);
    };
  }, [columns]);
  return { table, hidden };
}

/** Competency rows × round columns: which competencies no round assesses, and which several do. */
export function CoverageMatrix({
  cells,
  roundNames,
  preview,
}: {
  cells: readonly CoverageCell[];
  roundNames: readonly string[];
  /** True while the loop has unsaved changes (the matrix is the client's live preview). */
  preview: boolean;
}) {
  const { table, hidden } = useHiddenRounds(roundNames.length);
  const notice = hiddenOverlapNotice(cells, hidden);
  return (
    <section className="coverage" aria-labelledby="coverage-title" data-testid="coverage-matrix">
      <div className="coverage__head">
        <h2 id="coverage-title" className="coverage__title">
          Coverage
        </h2>
        <p className="coverage__summary" aria-live="polite">
          <CoveragePills cells={cells} />
        </p>
      </div>
      <p className="hint coverage__note">
        {preview ? "Updates as you edit; saved with the loop." : "As saved."} A <strong>gap</strong> is a
        competency no round assesses, so the loop says nothing about it. An <strong>overlap</strong> is
        assessed by two or more rounds: fine as a deliberate second opinion, costly if not.
      </p>
      <p className="coverage__offscreen" aria-live="polite" data-testid="coverage-offscreen">
        {notice}
      </p>
      <ScrollRegion label="Coverage: competencies by round" className="coverage__scroll">
        <table className="coverage__table" ref={table}>
          <caption className="visually-hidden">Competencies by round, with gaps and overlaps</caption>
          <thead>
            <tr>
              <th scope="col" className="coverage__corner">
                Competency
              </th>
              {roundNames.map((name, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are round positions
                <th key={i} scope="col" className="coverage__round" data-round={i}>
                  <span className="coverage__round-number">R{i + 1}</span>
                  <span className="coverage__round-name">{name || `Round ${i + 1}`}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr
                key={cell.competency}
                className={`coverage__row coverage__row--${cell.status}`}
                data-status={cell.status}
              >
                <th scope="row" className="coverage__competency">
                  <span className="coverage__competency-name">{COMPETENCY_LABELS[cell.competency]}</span>{" "}
                  <span className={`coverage__status coverage__status--${cell.status}`}>
                    {STATUS_LABEL[cell.status]}
                  </span>
                </th>
                {roundNames.map((name, i) => {
                  const hit = cell.rounds.includes(i);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are round positions
                    <td key={i} className="coverage__cell">
                      {hit ? (
                        <span
                          className="coverage__dot"
                          role="img"
                          aria-label={`Assessed in ${name || `round ${i + 1}`}`}
                        />
                      ) : (
                        <span className="visually-hidden">Not assessed</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
