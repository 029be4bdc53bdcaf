import { COMPETENCY_LABELS } from "@loopwright/schema";
import { ScrollRegion } from "../../../ui/ScrollRegion";
import type { CoverageCell } from "../lib/coverage";
import { CoveragePills } from "./CoveragePills";
import "./CoverageMatrix.css";

const STATUS_LABEL: Record<CoverageCell["status"], string> = {
  gap: "Gap",
  covered: "Covered",
  overlap: "Overlap",
};

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
      <ScrollRegion className="coverage__scroll" label="Coverage by round">
        <table className="coverage__table">
          <caption className="visually-hidden">Competencies by round, with gaps and overlaps</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              {roundNames.map((name, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are round positions
                <th key={i} scope="col" className="coverage__round">
                  <span className="coverage__round-number">R{i + 1}</span>
                  <span className="coverage__round-name">{name || `Round ${i + 1}`}</span>
                </th>
              ))}
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr
                key={cell.competency}
                className={`coverage__row coverage__row--${cell.status}`}
                data-status={cell.status}
              >
                <th scope="row">{COMPETENCY_LABELS[cell.competency]}</th>
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
                <td>
                  <span className={`coverage__status coverage__status--${cell.status}`}>
                    {STATUS_LABEL[cell.status]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
