import { COMPETENCY_LABELS, type Competency, LEVEL_LABELS, LEVELS, type Level } from "@loopwright/schema";
import { Clock } from "lucide-react";
import { formatCount, formatMinutes } from "../lib/format";
import "./Meta.css";

/** Levels in the order the product defines them, whatever order a question lists them in. */
export function sortLevels(levels: readonly Level[]): Level[] {
  return LEVELS.filter((level) => levels.includes(level));
}

/**
 * The levels a question is pitched at, as tags. Deliberately unlabelled (no aria-label):
 * the level names speak for themselves, and "Level" stays unique to the bank's filter.
 */
export function LevelTags({ levels }: { levels: readonly Level[] }) {
  return (
    <ul className="level-tags">
      {sortLevels(levels).map((level) => (
        <li key={level} className="tag">
          {LEVEL_LABELS[level]}
        </li>
      ))}
    </ul>
  );
}

/** The facts strip under a question's title. */
export function QuestionMeta({
  competency,
  levels,
  durationMinutes,
  phases,
}: {
  competency: Competency;
  levels: readonly Level[];
  durationMinutes: number;
  phases: number;
}) {
  return (
    <dl className="meta-strip">
      <div className="meta-strip__item">
        <dt>Competency</dt>
        <dd>{COMPETENCY_LABELS[competency]}</dd>
      </div>
      <div className="meta-strip__item">
        <dt>{levels.length === 1 ? "Level" : "Levels"}</dt>
        <dd>
          <LevelTags levels={levels} />
        </dd>
      </div>
      <div className="meta-strip__item">
        <dt>Duration</dt>
        <dd>
          {formatMinutes(durationMinutes)}
          <span className="meta-strip__aside"> in {formatCount(phases, "phase")}</span>
        </dd>
      </div>
    </dl>
  );
}

export function ClockIcon() {
  return <Clock className="icon" size={14} aria-hidden="true" />;
}
