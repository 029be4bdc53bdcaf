import type { ReferenceComparison as Row } from "@loopwright/schema";
import { ResultsSection } from "../../../../shared/agreement-results";
import { ScrollRegion } from "../../../../ui/ScrollRegion";
import { tableClasses } from "../../../../ui/table";
import "./ReferenceComparison.css";

/** Half a point either way is as close as a panel mean gets to a whole-number reference. */
const ON_REFERENCE = 0.5;

const points = (n: number) => n.toFixed(1);
const signed = (n: number) => (n > 0 ? `+${points(n)}` : n < 0 ? `−${points(-n)}` : points(0));

function verdict(difference: number): { text: string; tone: "on" | "below" | "above" } {
  if (Math.abs(difference) < ON_REFERENCE) return { text: "On the reference", tone: "on" };
  return difference < 0
    ? { text: "Below the reference", tone: "below" }
    : { text: "Above the reference", tone: "above" };
}

/**
 * Per answer that is a bank example, the panel's scores beside the reference scores, per
 * rubric dimension, the gap highlighted. The server sends these to the admin only.
 */
export function ReferenceComparison({
  rows,
  subjectLabels,
}: {
  rows: readonly Row[];
  subjectLabels: Record<string, string>;
}) {
  if (rows.length === 0) return null;
  const subjects = Object.keys(subjectLabels).filter((id) => rows.some((r) => r.subject === id));
  return (
    <ResultsSection
      title="Panel against the reference scores"
      explain={
        <>
          For the answers that are bank examples, the scores the panel gave beside the scores the bank grades
          them at. A panel mean {ON_REFERENCE} points or more from the reference is highlighted. Only you see
          this: the panel never learns which answers are graded.
        </>
      }
    >
      <div className="ref-compare" data-testid="reference-comparison">
        {subjects.map((subject) => (
          <div key={subject} className="ref-compare__answer">
            <h4 className="ref-compare__title">{subjectLabels[subject] ?? subject}</h4>
            <ScrollRegion
              label={`${subjectLabels[subject] ?? subject}: panel against reference`}
              className={tableClasses.scroll}
            >
              <table className={tableClasses.table}>
                <caption className="visually-hidden">
                  {subjectLabels[subject] ?? subject}: the panel’s scores and the reference score per
                  dimension
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Dimension</th>
                    <th scope="col" className={tableClasses.number}>
                      Reference
                    </th>
                    <th scope="col" className={tableClasses.number}>
                      Panel
                    </th>
                    <th scope="col" className={tableClasses.number}>
                      Panel mean
                    </th>
                    <th scope="col">Difference</th>
                  </tr>
                </thead>
                <tbody>
                  {rows
                    .filter((r) => r.subject === subject)
                    .map((r) => {
                      const v = verdict(r.difference);
                      return (
                        <tr key={r.dimension} data-testid="reference-row" data-tone={v.tone}>
                          <th scope="row">{r.dimension}</th>
                          <td className={tableClasses.keyNumber}>{r.reference}</td>
                          <td className={tableClasses.number}>{r.scores.join(" · ")}</td>
                          <td className={tableClasses.number}>{points(r.panelMean)}</td>
                          <td>
                            <span className={`ref-compare__diff ref-compare__diff--${v.tone}`}>
                              {signed(r.difference)}
                            </span>{" "}
                            <span className="ref-compare__verdict">{v.text}</span>
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </ScrollRegion>
          </div>
        ))}
      </div>
    </ResultsSection>
  );
}
