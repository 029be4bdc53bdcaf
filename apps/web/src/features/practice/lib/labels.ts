import type { Competency } from "@loopwright/schema";
import type { SaveStatus } from "./autosave";

/** Words the practice screens derive from data. Pure, so they are unit-tested. */

/** What the answer pad says about saving. */
export function saveStatusText(status: SaveStatus, revision: number): string {
  switch (status.kind) {
    case "saved":
      return revision === 0 ? "Autosaves as you type" : "Saved";
    case "saving":
      return "Saving…";
    case "offline":
      return "Offline — kept on this device, will sync";
    case "error":
      return `Couldn't save: ${status.message}`;
  }
}

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

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/u).length : 0;
}
