import {
  ALPHA_FLAG_THRESHOLD,
  type Flag,
  OFFSET_FLAG_THRESHOLD,
  SPLIT_FLAG_THRESHOLD,
} from "@loopwright/schema";
import type { ReactNode } from "react";
import { formatList } from "../../lib/format";
import { formatStat } from "./lib/format-stats";
import type { HeadingLevel } from "./ResultsSection";
import "./FlagList.css";

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
  headingLevel = 4,
}: {
  flags: readonly Flag[];
  labelOf: (subject: string) => string;
  /** The level of each group's title: one below the section the list sits in. */
  headingLevel?: HeadingLevel | 5;
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
        <FlagGroup
          kind="rater-offset"
          label="Interviewers off the panel’s bar"
          title="Interviewers off the panel’s bar"
          level={headingLevel}
          count={raters.length}
          why={`${OFFSET_FLAG_THRESHOLD} points or more from the others on average. Compare the evidence they weighed before the next loop.`}
        >
          {raters.map((flag) => (
            <li key={flag.message} className="flag" data-testid="flag" data-kind={flag.kind}>
              {flag.message}
            </li>
          ))}
        </FlagGroup>
      ) : null}

      {vague.length > 0 ? (
        <FlagGroup
          kind="vague-dimension"
          label="Rubric dimensions too vague to agree on"
          title="Anchors too vague to agree on"
          level={headingLevel}
          count={vague.length}
          why={`Ordinal alpha below ${ALPHA_FLAG_THRESHOLD}. Rewrite these dimensions’ anchors as observable behaviour, then re-score.`}
        >
          {vague.map((flag) => (
            <FlagItem
              key={flag.message}
              kind={flag.kind}
              subject={flag.dimension}
              detail={`ordinal alpha ${formatStat(flag.alpha)}`}
            />
          ))}
        </FlagGroup>
      ) : null}

      {splits.length > 0 ? (
        <FlagGroup
          kind="split-answer"
          label="Answers that split the panel"
          title="Answers that split the panel"
          level={headingLevel}
          count={splits.length}
          why={`Scores ${SPLIT_FLAG_THRESHOLD} or more points apart on a dimension. Ask each interviewer what evidence they heard.`}
        >
          {splits.map(({ subject, splits: list }) => (
            <FlagItem
              key={subject}
              kind="split-answer"
              subject={labelOf(subject)}
              detail={`${list.length === 1 ? "split on " : `split on ${list.length} dimensions: `}${formatList(
                list.map((f) => `${f.dimension} (${f.low} to ${f.high})`),
              )}`}
            />
          ))}
        </FlagGroup>
      ) : null}
    </div>
  );
}

/** One kind of flag: what it is, how many, why it matters, then the flags themselves. */
function FlagGroup({
  kind,
  label,
  title,
  count,
  why,
  level,
  children,
}: {
  kind: Flag["kind"];
  label: string;
  title: string;
  count: number;
  why: string;
  level: HeadingLevel | 5;
  children: ReactNode;
}) {
  const Heading = `h${level}` as const;
  return (
    <section className={`flag-group flag-group--${kind}`} aria-label={label}>
      <Heading className="flag-group__title">
        {title} <span className="flag-group__count">{count}</span>
      </Heading>
      <p className="flag-group__why">{why}</p>
      <ul className="flag-group__list">{children}</ul>
    </section>
  );
}

/** One flag: what it is about, then the number that raised it. */
function FlagItem({ kind, subject, detail }: { kind: Flag["kind"]; subject: string; detail: string }) {
  return (
    <li className="flag" data-testid="flag" data-kind={kind}>
      <span className="flag__subject">{subject}</span>
      <span className="flag__detail">{detail}</span>
    </li>
  );
}
