import { RUBRIC_MAX, RUBRIC_SCORES } from "@loopwright/schema";
import "./AnchoredScore.css";

/** A score drawn as filled steps of the rubric scale; decorative, so the number beside it carries the meaning. */
export function ScoreMeter({ score }: { score: number }) {
  return (
    <span className="ui-meter" aria-hidden="true" data-max={RUBRIC_MAX}>
      {RUBRIC_SCORES.map((step) => (
        <span key={step} className="ui-meter__step" data-on={step <= score ? "true" : undefined} />
      ))}
    </span>
  );
}
