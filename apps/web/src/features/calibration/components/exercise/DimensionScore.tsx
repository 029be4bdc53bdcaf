import type { RubricDimension } from "@loopwright/schema";
import { AnchoredScore } from "../../../../ui/AnchoredScore";
import { Field } from "../../../../ui/Field";
import "./DimensionScore.css";

export const fieldsetId = (itemId: string, dimension: string) => `score-${itemId}-${dimension}`;

/** One rubric dimension of one answer, scored blind on its anchors, with an optional comment. */
export function DimensionScore({
  itemId,
  itemLabel,
  dimension,
  entry,
  missing,
  onChange,
}: {
  itemId: string;
  itemLabel: string;
  dimension: RubricDimension;
  entry: { score: number | null; comment: string } | undefined;
  missing: boolean;
  onChange: (patch: { score?: number; comment?: string }) => void;
}) {
  const score = entry?.score ?? null;
  return (
    <div className="dim-score">
      <AnchoredScore
        id={fieldsetId(itemId, dimension.id)}
        dimension={dimension}
        value={score}
        onChange={(n) => onChange({ score: n })}
        name={`${itemId}:${dimension.id}`}
        layout="cards"
        context={itemLabel}
        invalid={missing}
        invalidLabel="Needs a score"
      >
        <Field
          className="dim-score__comment"
          label={
            <>
              Comment <span className="muted">(optional, shown with the results)</span>
            </>
          }
        >
          {(control) => (
            <textarea
              {...control}
              className="input cal-textarea cal-textarea--small"
              rows={2}
              maxLength={2000}
              value={entry?.comment ?? ""}
              placeholder={
                score === null ? "Saved once you choose a score" : "What evidence decided your score?"
              }
              onChange={(e) => onChange({ comment: e.target.value })}
            />
          )}
        </Field>
      </AnchoredScore>
    </div>
  );
}
