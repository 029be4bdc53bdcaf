import { type ExerciseResults, RUBRIC_MAX, RUBRIC_MIN } from "@loopwright/schema";
import { ResultsView } from "../../../shared/agreement-results";

const scale = { min: RUBRIC_MIN, max: RUBRIC_MAX };

/** Loaded lazily: the agreement results view brings recharts, which the room itself never needs. */
export default function PanelAgreementResults({ results }: { results: ExerciseResults }) {
  // Inside the card titled "How far the panel agreed" (an h2).
  return <ResultsView results={results} scale={scale} headingLevel={3} />;
}
