import {
  ALPHA_FLAG_THRESHOLD,
  type AnalysisWithFlags,
  type DimensionResultDto,
  OFFSET_FLAG_THRESHOLD,
  type RaterResultDto,
} from "@loopwright/schema";
import { formatList } from "../../../lib/format";
import { formatSigned, formatStat } from "./format-stats";

export type NameOf = (id: string) => string;

/* ───────── Interviewer severity (dot-and-whisker as bars with ±SE) ───────── */

export interface SeverityDatum {
  rater: string;
  name: string;
  severity: number;
  se: number;
  direction: "harsher" | "more lenient" | "on the bar";
}

/** Raters with an estimated severity, harshest first. Raters without one are left out (and listed in the table). */
export function severityData(raters: readonly RaterResultDto[], nameOf: NameOf): SeverityDatum[] {
  return raters
    .filter((r): r is RaterResultDto & { severity: number } => r.severity !== null)
    .map((r) => ({
      rater: r.rater,
      name: nameOf(r.rater),
      severity: r.severity,
      se: r.severitySE ?? 0,
      direction:
        Math.abs(r.severity) <= (r.severitySE ?? 0)
          ? ("on the bar" as const)
          : r.severity > 0
            ? ("harsher" as const)
            : ("more lenient" as const),
    }))
    .sort((a, b) => b.severity - a.severity);
}

const NICE_STEPS = [0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100];

/**
 * A symmetric axis that holds every bar and whisker (at least ±1 logit), with
 * round ticks: at most four steps either side of zero.
 */
export function severityAxis(data: readonly SeverityDatum[]): { domain: [number, number]; ticks: number[] } {
  const extent = Math.max(1, ...data.map((d) => Math.abs(d.severity) + d.se));
  const step = NICE_STEPS.find((s) => extent / s <= 4) ?? Math.ceil(extent / 4);
  const k = Math.ceil(extent / step - 1e-9);
  const ticks = Array.from({ length: 2 * k + 1 }, (_, i) => (i - k) * step);
  return { domain: [-k * step, k * step], ticks };
}

/** An axis tick: as few decimals as the value needs (at most two), signed, with a true minus. */
export function formatTick(value: number, signed = true): string {
  const text = String(Math.round(value * 100) / 100).replace("-", "−");
  return signed && value > 0 ? `+${text}` : text;
}

export function severitySummary(data: readonly SeverityDatum[]): string {
  if (data.length === 0) return "No interviewer has an estimated severity for this data.";
  const harshest = data[0] as SeverityDatum;
  const lenient = data[data.length - 1] as SeverityDatum;
  const parts = [
    `Severity in logits for ${data.length} interviewers; positive means harsher than the panel.`,
    `Harshest: ${harshest.name} at ${formatSigned(harshest.severity)} (standard error ${formatStat(harshest.se)}).`,
  ];
  if (data.length > 1) {
    parts.push(
      `Most lenient: ${lenient.name} at ${formatSigned(lenient.severity)} (standard error ${formatStat(lenient.se)}).`,
    );
  }
  return parts.join(" ");
}

/* ───────── Agreement per dimension ───────── */

export interface AlphaDatum {
  dimension: string;
  /** Ordinal alpha, or null when undefined (no bar is drawn). */
  alpha: number | null;
  belowBar: boolean;
}

export function alphaData(dimensions: readonly DimensionResultDto[]): AlphaDatum[] {
  return dimensions.map((d) => ({
    dimension: d.dimension,
    alpha: d.alpha.ordinal,
    belowBar: d.alpha.ordinal !== null && d.alpha.ordinal < ALPHA_FLAG_THRESHOLD,
  }));
}

/** Alpha runs from −1 (systematic disagreement) to 1; show 0…1 unless a value is negative. */
export function alphaDomain(data: readonly AlphaDatum[]): [number, number] {
  return alphaAxis(data.map((d) => d.alpha)).domain;
}

/** The alpha axis for any set of values: quarter ticks from the lowest (0 or below) to 1. */
export function alphaAxis(values: readonly (number | null)[]): { domain: [number, number]; ticks: number[] } {
  const min = Math.min(0, ...values.map((v) => v ?? 0));
  const low = min < 0 ? Math.floor(min * 4) / 4 : 0;
  const ticks: number[] = [];
  for (let t = low; t <= 1 + 1e-9; t += 0.25) ticks.push(Math.round(t * 100) / 100);
  return { domain: [low, 1], ticks };
}

/**
 * The chart in words. With `values` (for assistive technology) every
 * dimension's alpha is read out; without (the visible caption, above a table
 * that has them) only the verdicts.
 */
export function agreementSummary(data: readonly AlphaDatum[], { values = true } = {}): string {
  if (data.length === 0) return "There are no dimensions to show.";
  const defined = data.filter((d) => d.alpha !== null);
  const below = defined.filter((d) => d.belowBar);
  const undefinedDims = data.filter((d) => d.alpha === null);
  const parts = [
    `Ordinal alpha for ${data.length} rubric ${data.length === 1 ? "dimension" : "dimensions"}, against the bar of ${ALPHA_FLAG_THRESHOLD}.`,
  ];
  if (values) {
    parts.push(
      defined.map((d) => `${d.dimension}: ${formatStat(d.alpha)}`).join("; ") + (defined.length ? "." : ""),
    );
  } else if (defined.length > 1) {
    const sorted = [...defined].sort((a, b) => (b.alpha ?? 0) - (a.alpha ?? 0));
    const top = sorted[0] as AlphaDatum;
    const bottom = sorted[sorted.length - 1] as AlphaDatum;
    parts.push(
      formatStat(top.alpha) === formatStat(bottom.alpha)
        ? `Every dimension is at ${formatStat(top.alpha)}.`
        : `Highest: ${top.dimension} (${formatStat(top.alpha)}); lowest: ${bottom.dimension} (${formatStat(bottom.alpha)}).`,
    );
  }
  parts.push(
    below.length === 0
      ? defined.length > 0
        ? "Every dimension with a value clears the bar."
        : ""
      : `Below the bar: ${formatList(below.map((d) => d.dimension))}.`,
  );
  if (undefinedDims.length > 0)
    parts.push(`Undefined for this data: ${formatList(undefinedDims.map((d) => d.dimension))}.`);
  return parts.filter(Boolean).join(" ");
}

/* ───────── Round 1 against the latest round ───────── */

export interface DimensionChange {
  dimension: string;
  alphaBefore: number | null;
  alphaAfter: number | null;
  exactBefore: number | null;
  exactAfter: number | null;
}

export interface RaterChange {
  rater: string;
  name: string;
  offsetBefore: number | null;
  offsetAfter: number | null;
  /** True when |offset| got smaller; null when either round has no offset. */
  shrank: boolean | null;
}

export interface RoundComparison {
  dimensions: DimensionChange[];
  raters: RaterChange[];
  meanAbsOffsetBefore: number | null;
  meanAbsOffsetAfter: number | null;
  /** Dimensions whose ordinal alpha rose, of those defined in both rounds. */
  alphaRose: number;
  alphaComparable: number;
  /** Dimensions whose exact agreement rose, of those defined in both rounds. */
  exactRose: number;
  exactComparable: number;
  /** Interviewers flagged as off the bar (|offset| ≥ threshold) before and after. */
  offBarBefore: number;
  offBarAfter: number;
  verdict: "converged" | "mixed" | "diverged" | "unknown";
}

const meanAbs = (values: (number | null)[]): number | null => {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length ? defined.reduce((s, v) => s + Math.abs(v), 0) / defined.length : null;
};

export function compareRounds(
  first: AnalysisWithFlags,
  latest: AnalysisWithFlags,
  nameOf: NameOf,
): RoundComparison {
  const dimNames = [...first.dimensions.map((d) => d.dimension)];
  for (const d of latest.dimensions) if (!dimNames.includes(d.dimension)) dimNames.push(d.dimension);
  const dimensions = dimNames.map((dimension) => {
    const a = first.dimensions.find((d) => d.dimension === dimension);
    const b = latest.dimensions.find((d) => d.dimension === dimension);
    return {
      dimension,
      alphaBefore: a?.alpha.ordinal ?? null,
      alphaAfter: b?.alpha.ordinal ?? null,
      exactBefore: a?.exactAgreement ?? null,
      exactAfter: b?.exactAgreement ?? null,
    };
  });
  const raterIds = [...first.raters.map((r) => r.rater)];
  for (const r of latest.raters) if (!raterIds.includes(r.rater)) raterIds.push(r.rater);
  const raters = raterIds.map((rater) => {
    const before = first.raters.find((r) => r.rater === rater)?.meanOffset ?? null;
    const after = latest.raters.find((r) => r.rater === rater)?.meanOffset ?? null;
    return {
      rater,
      name: nameOf(rater),
      offsetBefore: before,
      offsetAfter: after,
      shrank:
        before === null || after === null
          ? null
          : Math.abs(after) < Math.abs(before) || (Math.abs(after) < 1e-9 && Math.abs(before) < 1e-9),
    };
  });

  let alphaRose = 0;
  let alphaComparable = 0;
  let exactRose = 0;
  let exactComparable = 0;
  for (const d of dimensions) {
    if (d.alphaBefore !== null && d.alphaAfter !== null) {
      alphaComparable += 1;
      if (d.alphaAfter > d.alphaBefore) alphaRose += 1;
    }
    if (d.exactBefore !== null && d.exactAfter !== null) {
      exactComparable += 1;
      if (d.exactAfter > d.exactBefore) exactRose += 1;
    }
  }
  const meanAbsOffsetBefore = meanAbs(raters.map((r) => r.offsetBefore));
  const meanAbsOffsetAfter = meanAbs(raters.map((r) => r.offsetAfter));
  const offBar = (values: (number | null)[]) =>
    values.filter((v) => v !== null && Math.abs(v) >= OFFSET_FLAG_THRESHOLD).length;

  // Converged: the panel's average distance from each other fell and agreement did not fall.
  const exactAvg = (key: "exactBefore" | "exactAfter") => {
    const values = dimensions.map((d) => d[key]).filter((v): v is number => v !== null);
    return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
  };
  const exactBefore = exactAvg("exactBefore");
  const exactAfter = exactAvg("exactAfter");
  let verdict: RoundComparison["verdict"] = "unknown";
  if (
    meanAbsOffsetBefore !== null &&
    meanAbsOffsetAfter !== null &&
    exactBefore !== null &&
    exactAfter !== null
  ) {
    const offsetsShrank = meanAbsOffsetAfter < meanAbsOffsetBefore - 1e-9;
    const offsetsGrew = meanAbsOffsetAfter > meanAbsOffsetBefore + 1e-9;
    const agreementRose = exactAfter > exactBefore + 1e-9;
    const agreementFell = exactAfter < exactBefore - 1e-9;
    if ((offsetsShrank || agreementRose) && !offsetsGrew && !agreementFell) verdict = "converged";
    else if ((offsetsGrew || agreementFell) && !offsetsShrank && !agreementRose) verdict = "diverged";
    else verdict = "mixed";
  }

  return {
    dimensions,
    raters,
    meanAbsOffsetBefore,
    meanAbsOffsetAfter,
    alphaRose,
    alphaComparable,
    exactRose,
    exactComparable,
    offBarBefore: offBar(raters.map((r) => r.offsetBefore)),
    offBarAfter: offBar(raters.map((r) => r.offsetAfter)),
    verdict,
  };
}
