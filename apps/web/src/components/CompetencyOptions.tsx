import { COMPETENCIES, COMPETENCY_LABELS } from "@loopwright/schema";

/** The bank's competencies as <option>s, in the bank's order, for any select that picks one. */
export function CompetencyOptions() {
  return (
    <>
      {COMPETENCIES.map((c) => (
        <option key={c} value={c}>
          {COMPETENCY_LABELS[c]}
        </option>
      ))}
    </>
  );
}
