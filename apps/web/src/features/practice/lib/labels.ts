import type { Competency } from "@loopwright/schema";

/** Words the practice screens derive from data. Pure, so they are unit-tested. */

/** "+1 above", "Level", "−2 below": the gap in words as well as a sign, so colour is never the only cue. */
export function gapText(gap: number): string {
  if (gap === 0) return "Level";
  const size = Math.abs(gap);
  return gap > 0 ? `+${size} above` : `−${size} below`;
}

/** "an org-design question", "a strategic-leadership question". */
export function competencyQuestionPhrase(competency: Competency): string {
  return `${/^[aeiou]/i.test(competency) ? "an" : "a"} ${competency} question`;
}
