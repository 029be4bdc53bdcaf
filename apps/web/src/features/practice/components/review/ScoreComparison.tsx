import { type AttemptReview, EXAMPLE_LEVEL_LABELS, type RubricDimension } from "@loopwright/schema";
import { ScoreCell } from "../../../../ui/ScoreCell";
import { ScrollRegion } from "../../../../ui/ScrollRegion";
import { tableClasses } from "../../../../ui/table";
import { gapText } from "../../lib/labels";
import "./ScoreComparison.css";

/** The self-score beside the closest example's reference score, per dimension. */
export function ScoreComparison({
  dimensions,
  selfScores,
  review,
}: {
  dimensions: RubricDimension[];
  selfScores: Record<string, number>;
  review: AttemptReview;
}) {
  const closest = review.examples.find((e) => e.id === review.closestExampleId);
  return (
    <div className="pr-comparison">
      {closest ? (
        <p className="lede pr-comparison__lede">
          Your scores sit closest to the <strong>{EXAMPLE_LEVEL_LABELS[closest.level]}</strong> example. Where
          you differ from its reference score, read that example and ask whether your answer really did more,
          or less.
        </p>
      ) : (
        <p className="lede pr-comparison__lede">
          This question has no graded examples yet, so there is nothing to compare with.
        </p>
      )}
      <ScrollRegion className={tableClasses.scroll} label="Your self-score compared with the closest example">
        <table className={`${tableClasses.table} pr-comparison__table`} data-testid="score-comparison">
          <caption className="visually-hidden">
            Your self-score per rubric dimension compared with the closest example
          </caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">You</th>
              {closest ? <th scope="col">{EXAMPLE_LEVEL_LABELS[closest.level]}</th> : null}
              {closest ? <th scope="col">Gap</th> : null}
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => {
              const gap = review.gaps[d.id];
              return (
                <tr key={d.id}>
                  <th scope="row">{d.name}</th>
                  <td data-label="You">
                    <ScoreCell score={selfScores[d.id]} />
                  </td>
                  {closest ? (
                    <td data-label={EXAMPLE_LEVEL_LABELS[closest.level]}>
                      <ScoreCell score={closest.scores[d.id]} />
                    </td>
                  ) : null}
                  {closest ? (
                    <td data-label="Gap">
                      {gap === undefined ? (
                        "–"
                      ) : (
                        <span className="pr-gap" data-sign={Math.sign(gap)}>
                          {gapText(gap)}
                        </span>
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
