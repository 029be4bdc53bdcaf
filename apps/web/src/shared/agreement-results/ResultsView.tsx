import type { AnalysisWithFlags, ExerciseResults, Scale } from "@loopwright/schema";
import { ALPHA_FLAG_THRESHOLD, OFFSET_FLAG_THRESHOLD, SPLIT_FLAG_THRESHOLD } from "@loopwright/schema";
import { type ReactNode, useState } from "react";
import { Tabs } from "../../ui/Tabs";
import { AgreementChart } from "./AgreementChart";
import { FlagList } from "./FlagList";
import { Heatmap } from "./Heatmap";
import { type HeadingLevel, ResultsSection } from "./ResultsSection";
import { RoundComparison } from "./RoundComparison";
import { SeverityChart } from "./SeverityChart";
import { DimensionTable, RaterTable } from "./StatTables";
import "./ResultsView.css";

/**
 * Everything the analysis says, round by round: the exercise results page, the
 * pooled loop results and the CSV analysis all render through this one view.
 */
export function ResultsView({
  results,
  scale,
  renderComments,
  roundLabel = (round) => `Round ${round}`,
  headingLevel = 2,
}: {
  results: ExerciseResults;
  scale: Scale;
  /** A round's comments, as a results section whose heading is at `level`. */
  renderComments?: (round: number, level: HeadingLevel) => ReactNode;
  roundLabel?: (round: number) => string;
  /** The level of the view's own headings: 2 straight under the page's title, 3 inside a section. */
  headingLevel?: 2 | 3;
}) {
  const nameOf = (id: string) => results.raterNames[id] ?? id;
  const labelOf = (id: string) => results.subjectLabels[id] ?? id;
  const subjectOrder = Object.keys(results.subjectLabels);
  const rounds = results.rounds;
  const latest = rounds[rounds.length - 1];
  const first = rounds[0];
  const [selected, setSelected] = useState(() => String(latest?.round ?? 1));
  const RoundsHeading = `h${headingLevel}` as const;
  // Under "Round by round" when there are several rounds, otherwise straight under the view's parent.
  const sectionLevel: HeadingLevel = rounds.length > 1 ? ((headingLevel + 1) as HeadingLevel) : headingLevel;

  if (!latest || !first) {
    return <p className="empty-note">There are no scores to analyse yet.</p>;
  }

  const panel = (round: number, analysis: AnalysisWithFlags) => (
    <RoundPanel
      analysis={analysis}
      nameOf={nameOf}
      labelOf={labelOf}
      subjectOrder={subjectOrder}
      raterOrder={Object.keys(results.raterNames)}
      scale={scale}
      level={sectionLevel}
      comments={renderComments?.(round, sectionLevel)}
    />
  );

  return (
    <div className="results">
      {rounds.length > 1 ? (
        <RoundComparison
          first={first.analysis}
          latest={latest.analysis}
          latestRound={latest.round}
          nameOf={nameOf}
          headingLevel={headingLevel}
        />
      ) : null}

      {rounds.length > 1 ? (
        <section className="results__rounds" aria-labelledby="rounds-title">
          <RoundsHeading id="rounds-title" className="section__title">
            Round by round
          </RoundsHeading>
          <Tabs
            label="Rounds"
            selected={selected}
            onSelect={setSelected}
            tabs={rounds.map((r) => ({
              id: String(r.round),
              label: r.round === latest.round ? `${roundLabel(r.round)} (latest)` : roundLabel(r.round),
              panel: panel(r.round, r.analysis),
            }))}
          />
        </section>
      ) : (
        panel(latest.round, latest.analysis)
      )}

      <Glossary />
    </div>
  );
}

/** Sorts `items` by where their key appears in `order`; keys not in it keep their order, after. */
function orderBy<T>(items: readonly T[], order: readonly string[], key: (item: T) => string): T[] {
  const rank = (item: T) => {
    const i = order.indexOf(key(item));
    return i === -1 ? order.length : i;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map((x) => x.item);
}

function RoundPanel({
  analysis,
  nameOf,
  labelOf,
  subjectOrder,
  raterOrder,
  scale,
  level,
  comments,
}: {
  analysis: AnalysisWithFlags;
  nameOf: (id: string) => string;
  labelOf: (id: string) => string;
  subjectOrder: string[];
  raterOrder: string[];
  scale: Scale;
  level: HeadingLevel;
  comments?: ReactNode;
}) {
  // Interviewers in the panel's order (as invited), then anyone else the data names.
  const raters = orderBy(analysis.raters, raterOrder, (r) => r.rater);
  return (
    <div className="round-panel">
      <ResultsSection title="What to discuss" level={level}>
        <FlagList flags={analysis.flags} labelOf={labelOf} headingLevel={(level + 1) as HeadingLevel | 5} />
      </ResultsSection>

      <ResultsSection
        title="Agreement per rubric dimension"
        explain={
          <>
            How far the panel agrees on each dimension beyond chance. Alpha and the ICC run to 1 (perfect
            agreement); 0 is what chance alone would give. Below {ALPHA_FLAG_THRESHOLD} the anchors are too
            vague to rely on.
          </>
        }
        level={level}
        pair
      >
        <AgreementChart dimensions={analysis.dimensions} />
        <DimensionTable dimensions={analysis.dimensions} distributions={analysis.distributions} />
      </ResultsSection>

      <ResultsSection
        title="Interviewers: severity and leniency"
        explain={
          <>
            <strong>Offset</strong> is an interviewer’s average distance, in rubric points, from the median of
            the others on the same answer and dimension; negative scores lower. <strong>vs reference</strong>{" "}
            is the same distance from the reference scores of bank example answers, where the exercise uses
            them. <strong>Severity</strong> comes from a many-facet Rasch model in logits:{" "}
            <strong>positive means harsher</strong>, negative more lenient, and the whisker is ±1 standard
            error. <strong>Infit and outfit</strong> near 1 mean the interviewer scores consistently; well
            above 1 is erratic, well below 1 too predictable. An offset of {OFFSET_FLAG_THRESHOLD} points or
            more is flagged.
          </>
        }
        level={level}
        pair
      >
        <SeverityChart raters={analysis.raters} nameOf={nameOf} />
        <RaterTable raters={raters} nameOf={nameOf} referenceOffsets={analysis.referenceOffsets} />
      </ResultsSection>

      <ResultsSection title="Interviewer × answer" label="Interviewer by answer" level={level}>
        <Heatmap
          heatmap={analysis.heatmap}
          raterOrder={raters.map((r) => r.rater)}
          subjectOrder={subjectOrder}
          nameOf={nameOf}
          labelOf={labelOf}
          scale={scale}
        />
      </ResultsSection>

      {comments}
    </div>
  );
}

function Glossary() {
  return (
    <details className="glossary">
      <summary>How to read these numbers</summary>
      <dl className="glossary__list">
        <div>
          <dt>Krippendorff’s alpha</dt>
          <dd>
            Agreement beyond chance, for any number of interviewers and missing scores. Nominal counts any
            difference; ordinal (the headline) weighs a 1-versus-4 more than a 3-versus-4; interval treats
            scores as evenly spaced. At least {ALPHA_FLAG_THRESHOLD} to draw tentative conclusions, 0.8 for
            firm ones.
          </dd>
        </div>
        <div>
          <dt>ICC</dt>
          <dd>
            Intraclass correlation ICC(2,1): how well one interviewer’s scores stand in for the panel’s,
            counting differences in level. Needs every interviewer to score every answer. All six
            Shrout–Fleiss forms are in the CSV export.
          </dd>
        </div>
        <div>
          <dt>Fleiss’ kappa</dt>
          <dd>
            Agreement on the exact score beyond chance, when every answer has the same number of scores.
          </dd>
        </div>
        <div>
          <dt>Exact and adjacent agreement</dt>
          <dd>
            Of all pairs of interviewers on the same answer and dimension, the share who gave the same score,
            and the share within one point.
          </dd>
        </div>
        <div>
          <dt>Offset, severity and fit</dt>
          <dd>
            Offset is in rubric points against the others’ median (negative = harsher). Severity is in logits
            from a many-facet Rasch model (positive = harsher), with its standard error. Infit and outfit near
            1 mean consistent scoring.
          </dd>
        </div>
        <div>
          <dt>Flags</dt>
          <dd>
            A dimension below {ALPHA_FLAG_THRESHOLD} ordinal alpha; an interviewer {OFFSET_FLAG_THRESHOLD}{" "}
            points or more off the others; an answer whose scores on one dimension span {SPLIT_FLAG_THRESHOLD}{" "}
            points or more.
          </dd>
        </div>
        <div>
          <dt>— (a dash)</dt>
          <dd>
            The statistic is undefined for this data, for example when every score was the same or no answer
            had two scores. Hover over or focus the dash for the reason.
          </dd>
        </div>
      </dl>
    </details>
  );
}
