import type { AnalysisWithFlags, DimensionResultDto, RaterResultDto } from "@loopwright/schema";
import { OFFSET_FLAG_THRESHOLD } from "@loopwright/schema";
import { ScrollRegion } from "../../ui/ScrollRegion";
import { StatValue } from "../../ui/StatValue";
import { tableClasses } from "../../ui/table";
import type { NameOf } from "./lib/chart-data";

function Scroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <ScrollRegion label={label} className={tableClasses.scroll}>
      {children}
    </ScrollRegion>
  );
}

type Distribution = AnalysisWithFlags["distributions"][number];

/** How often each score was given on one dimension, as a row of small bars with counts. */
function ScoreDistribution({ distribution }: { distribution: Distribution | undefined }) {
  if (!distribution) return <span className="ar-muted">—</span>;
  const most = Math.max(1, ...distribution.counts.map((c) => c.count));
  const summary = distribution.counts.map((c) => `${c.count} × ${c.score}`).join(", ");
  return (
    <span className="ar-dist" role="img" aria-label={`Scores given: ${summary}`}>
      {distribution.counts.map((c) => (
        <span key={c.score} className="ar-dist__col" aria-hidden="true">
          <span className="ar-dist__bar" style={{ height: `${Math.round((c.count / most) * 100)}%` }} />
          <span className="ar-dist__label">{c.score}</span>
        </span>
      ))}
    </span>
  );
}

export function DimensionTable({
  dimensions,
  distributions = [],
}: {
  dimensions: readonly DimensionResultDto[];
  distributions?: readonly Distribution[];
}) {
  return (
    <Scroll label="Agreement statistics per dimension">
      <table className={tableClasses.stats} data-testid="dimension-table">
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Krippendorff’s alpha, nominal: any difference counts as disagreement">
                α nominal
              </abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Krippendorff’s alpha, ordinal: a 1 against a 4 disagrees more than a 3 against a 4">
                α ordinal
              </abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Krippendorff’s alpha, interval: treats scores as evenly spaced numbers">
                α interval
              </abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Intraclass correlation ICC(2,1): absolute agreement of a single interviewer">
                ICC
              </abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Fleiss’ kappa: agreement on the exact score beyond chance">Fleiss κ</abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Share of interviewer pairs who gave the same score">Exact</abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Share of interviewer pairs whose scores were at most one point apart">
                Adjacent
              </abbr>
            </th>
            <th scope="col">
              <abbr title="How often each score on the scale was given">Scores given</abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              Ratings
            </th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => (
            <tr key={d.dimension}>
              <th scope="row">{d.dimension}</th>
              <td className={tableClasses.number}>
                <StatValue value={d.alpha.nominal} reason="alpha" />
              </td>
              <td className={tableClasses.keyNumber}>
                <StatValue value={d.alpha.ordinal} reason="alpha" />
              </td>
              <td className={tableClasses.number}>
                <StatValue value={d.alpha.interval} reason="alpha" />
              </td>
              <td className={tableClasses.number}>
                <StatValue value={d.icc?.icc2 ?? null} reason="icc" />
              </td>
              <td className={tableClasses.number}>
                <StatValue value={d.fleissKappa} reason="kappa" />
              </td>
              <td className={tableClasses.number}>
                <StatValue value={d.exactAgreement} reason="pairs" />
              </td>
              <td className={tableClasses.number}>
                <StatValue value={d.adjacentAgreement} reason="pairs" />
              </td>
              <td>
                <ScoreDistribution distribution={distributions.find((x) => x.dimension === d.dimension)} />
              </td>
              <td className="ui-num ar-muted">
                {d.ratings}
                <span className="visually-hidden">
                  {" "}
                  from {d.raters} interviewers on {d.subjects} answers
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

export function RaterTable({
  raters,
  nameOf,
  referenceOffsets = [],
}: {
  raters: readonly RaterResultDto[];
  nameOf: NameOf;
  referenceOffsets?: AnalysisWithFlags["referenceOffsets"];
}) {
  return (
    <Scroll label="Severity statistics per interviewer">
      <table className={tableClasses.stats} data-testid="rater-table">
        <thead>
          <tr>
            <th scope="col">Interviewer</th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Mean of (their score − the median of the others’ scores on the same answer and dimension). Negative is harsher.">
                Offset
              </abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Mean of (their score − the example answer's reference score), over bank example answers. Negative is harsher than the reference.">
                vs reference
              </abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Many-facet Rasch severity in logits, centred on the panel. Positive is harsher.">
                Severity
              </abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Standard error of the severity: the whisker on the chart">SE</abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Information-weighted fit: about 1 is consistent; well above 1 erratic; well below 1 too predictable">
                Infit
              </abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              <abbr title="Unweighted fit: more sensitive to a few surprising scores">Outfit</abbr>
            </th>
            <th scope="col" className={tableClasses.number}>
              Ratings
            </th>
          </tr>
        </thead>
        <tbody>
          {raters.map((r) => {
            const off = r.meanOffset !== null && Math.abs(r.meanOffset) >= OFFSET_FLAG_THRESHOLD;
            return (
              <tr key={r.rater} className={off ? "is-flagged" : undefined}>
                <th scope="row">{nameOf(r.rater)}</th>
                <td className={tableClasses.keyNumber}>
                  <StatValue value={r.meanOffset} reason="offset" signed />
                </td>
                <td className={tableClasses.number}>
                  <StatValue
                    value={referenceOffsets.find((x) => x.rater === r.rater)?.meanOffset ?? null}
                    reason="reference"
                    signed
                  />
                </td>
                <td className={tableClasses.number}>
                  <StatValue value={r.severity} reason="severity" signed />
                </td>
                <td className={tableClasses.number}>
                  <StatValue value={r.severitySE} reason="severity" />
                </td>
                <td className={tableClasses.number}>
                  <StatValue value={r.infit} reason="severity" />
                </td>
                <td className={tableClasses.number}>
                  <StatValue value={r.outfit} reason="severity" />
                </td>
                <td className="ui-num ar-muted">{r.ratings}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scroll>
  );
}
