import { type ExerciseResults, RUBRIC_MAX, RUBRIC_MIN } from "@loopwright/schema";
import "../../calibration/calibration.css";
import { ResultsView } from "../../calibration/results/ResultsView";

const scale = { min: RUBRIC_MIN, max: RUBRIC_MAX };

/** Loaded lazily: the calibration results view brings recharts, which the room itself never needs. */
export default function PanelAgreementResults({ results }: { results: ExerciseResults }) {
  return <ResultsView results={results} scale={scale} />;
}
