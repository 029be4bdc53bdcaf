/** Statistics are shown to two decimals everywhere; an undefined statistic is an em dash. */

const twoDecimals = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const UNDEFINED_MARK = "—";

export function formatStat(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return UNDEFINED_MARK;
  // Avoid "-0.00" for tiny negatives.
  const rounded = Math.round(value * 100) / 100;
  return twoDecimals.format(rounded === 0 ? 0 : rounded).replace("-", "−");
}

/** With an explicit sign, for offsets and severities: "+0.50", "−0.83", "0.00". */
export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return UNDEFINED_MARK;
  const text = formatStat(value);
  return Math.round(value * 100) === 0 || text.startsWith("−") ? text : `+${text}`;
}

/** Why a statistic can be undefined, in words a hiring manager can act on. */
export const UNDEFINED_REASONS = {
  alpha:
    "Undefined for this data: alpha needs some variation in the scores and at least one answer scored by two or more interviewers. Here every score was the same, or no answer had two scores.",
  icc: "Undefined for this data: the ICC needs every interviewer to have scored every answer, with at least two of each and some variation.",
  kappa:
    "Undefined for this data: Fleiss' kappa needs every answer scored by the same number of interviewers, and more than one score in use.",
  pairs:
    "Undefined for this data: no answer was scored by two or more interviewers, so there are no pairs to compare.",
  offset:
    "Undefined for this data: none of this interviewer's scores has a counterpart from another interviewer on the same answer and dimension.",
  reference:
    "No reference: none of the answers this interviewer scored is a bank example answer with reference scores (pasted transcripts have none).",
  severity:
    "Undefined for this data: a severity cannot be estimated when an interviewer's scores are all at one end of the scale, or there are too few of them.",
} as const;
export type UndefinedReason = keyof typeof UNDEFINED_REASONS;
