import { RUBRIC_MAX } from "@loopwright/schema";
import { ScoreMeter } from "./ScoreMeter";
import "./ScoreCell.css";

/** A score in a table cell: the number, and the same score drawn on the rubric's scale. */
export function ScoreCell({ score }: { score: number | undefined }) {
  if (score === undefined) return <span className="ui-score-cell">–</span>;
  return (
    <span className="ui-score-cell">
      <span className="ui-score-cell__value">
        {score}
        <span className="visually-hidden"> of {RUBRIC_MAX}</span>
      </span>
      <ScoreMeter score={score} />
    </span>
  );
}
