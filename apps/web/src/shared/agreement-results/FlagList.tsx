import {
  ALPHA_FLAG_THRESHOLD,
  type Flag,
  OFFSET_FLAG_THRESHOLD,
  SPLIT_FLAG_THRESHOLD,
} from "@loopwright/schema";
import { formatList } from "../../lib/format";
import { formatStat } from "./lib/format-stats";

type SplitFlag = Extract<Flag, { kind: "split-answer" }>;

/** Split flags grouped per answer, so one contested answer reads as one thing to discuss. */
export function groupSplits(flags: readonly Flag[]): { subject: string; splits: SplitFlag[] }[] {
  const groups = new Map<string, SplitFlag[]>();
  for (const f of flags) {
    if (f.kind !== "split-answer") continue;
    groups.set(f.subject, [...(groups.get(f.subject) ?? []), f]);
  }
  return [...groups].map(([subject, splits]) => ({ subject, splits }));
}

/** The analysis as things to discuss, grouped by what to do about them. */
export function FlagList({
  flags,
  labelOf,
}: {
  flags: readonly Flag[];
  labelOf: (subject: string) => string;
}) {
  if (flags.length === 0) {
    return (
      <div className="flags flags--clear" data-testid="flags-clear">
        <p className="flags__clear-title">Nothing flagged</p>
        <p>
          Every dimension with a value clears the agreement bar, no interviewer is {OFFSET_FLAG_THRESHOLD}{" "}
          points off the others, and no answer split the panel by {SPLIT_FLAG_THRESHOLD} points or more.
        </p>
      </div>
    );
  }
  const raters = flags.filter((f) => f.kind === "rater-offset");
  const vague = flags.filter((f) => f.kind === "vague-dimension");
  const splits = groupSplits(flags);

  return (
    <div className="flags">
      {raters.length > 0 ? (
        <section
          className="flag-group flag-group--rater-offset"
          aria-label="Interviewers off the panel’s bar"
        >
          <h4 className="flag-group__title">
            Interviewers off the panel’s bar <span className="flag-group__count">{raters.length}</span>
          </h4>
          <p className="flag-group__why">
            {OFFSET_FLAG_THRESHOLD} points or more from the others on average. Compare the evidence they
            weighed before the next loop.
          </p>
          <ul className="flag-group__list">
            {raters.map((flag) => (
              <li key={flag.message} className="flag" data-testid="flag" data-kind={flag.kind}>
                {flag.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {vague.length > 0 ? (
        <section
          className="flag-group flag-group--vague-dimension"
          aria-label="Rubric dimensions too vague to agree on"
        >
          <h4 className="flag-group__title">
            Anchors too vague to agree on <span className="flag-group__count">{vague.length}</span>
          </h4>
          <p className="flag-group__why">
            Ordinal alpha below {ALPHA_FLAG_THRESHOLD}. Rewrite these dimensions’ anchors as observable
            behaviour, then re-score.
          </p>
          <ul className="flag-group__list">
            {vague.map((flag) => (
              <li
                key={flag.message}
                className="flag"
                data-testid="flag"
                data-kind={flag.kind}
                title={flag.message}
              >
                <span className="flag__subject">{flag.dimension}</span>
                <span className="flag__detail">ordinal alpha {formatStat(flag.alpha)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {splits.length > 0 ? (
        <section className="flag-group flag-group--split-answer" aria-label="Answers that split the panel">
          <h4 className="flag-group__title">
            Answers that split the panel <span className="flag-group__count">{splits.length}</span>
          </h4>
          <p className="flag-group__why">
            Scores {SPLIT_FLAG_THRESHOLD} or more points apart on a dimension. Ask each interviewer what
            evidence they heard.
          </p>
          <ul className="flag-group__list">
            {splits.map(({ subject, splits: list }) => (
              <li
                key={subject}
                className="flag"
                data-testid="flag"
                data-kind="split-answer"
                title={list.map((f) => f.message).join("\n")}
              >
                <span className="flag__subject">{labelOf(subject)}</span>
                <span className="flag__detail">
                  {list.length === 1 ? "split on " : `split on ${list.length} dimensions: `}
                  {formatList(list.map((f) => `${f.dimension} (${f.low} to ${f.high})`))}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
