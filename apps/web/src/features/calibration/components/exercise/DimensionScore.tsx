import { RUBRIC_SCORES, type RubricDimension } from "@loopwright/schema";
import { useId } from "react";

export const fieldsetId = (itemId: string, dimension: string) => `score-${itemId}-${dimension}`;

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
  const descId = useId();
  const commentId = useId();
  const score = entry?.score ?? null;
  return (
    <fieldset
      id={fieldsetId(itemId, dimension.id)}
      className={`dim-score${missing ? " dim-score--missing" : ""}${score !== null ? " dim-score--done" : ""}`}
      aria-describedby={descId}
    >
      <legend className="dim-score__legend">
        <span className="dim-score__name">{dimension.name}</span>
        <span className="visually-hidden"> — {itemLabel}</span>
        {missing ? <span className="dim-score__flag">Needs a score</span> : null}
      </legend>
      <p id={descId} className="dim-score__desc">
        {dimension.description}
      </p>
      <div className="anchor-choices">
        {RUBRIC_SCORES.map((n) => (
          <label key={n} className={`anchor-choice${score === n ? " anchor-choice--on" : ""}`}>
            <input
              type="radio"
              className="anchor-choice__input"
              name={`${itemId}:${dimension.id}`}
              value={n}
              checked={score === n}
              onChange={() => onChange({ score: n })}
            />
            <span className="anchor-choice__num">{n}</span>
            <span className="anchor-choice__text">
              {dimension.anchors[String(n) as keyof typeof dimension.anchors]}
            </span>
          </label>
        ))}
      </div>
      <div className="dim-score__comment">
        <label htmlFor={commentId} className="dim-score__comment-label">
          Comment <span className="cal-muted">(optional, shown with the results)</span>
        </label>
        <textarea
          id={commentId}
          className="input cal-textarea cal-textarea--small"
          rows={2}
          maxLength={2000}
          value={entry?.comment ?? ""}
          placeholder={score === null ? "Saved once you choose a score" : "What evidence decided your score?"}
          onChange={(e) => onChange({ comment: e.target.value })}
        />
      </div>
    </fieldset>
  );
}
