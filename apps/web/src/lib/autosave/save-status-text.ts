import { formatTimeOfDay } from "../datetime";
import type { SaveStatus } from "./autosave-queue";

export interface SaveStatusTextOptions {
  /** Something has been written (here or before); until then there is nothing to call saved. */
  written: boolean;
  /** Say when the last save landed ("Saved at 10:32") rather than only that it did. */
  showTime?: boolean;
}

/** What every autosave says about where the work is: one vocabulary for every feature. */
export function saveStatusText(
  status: SaveStatus,
  { written, showTime = false }: SaveStatusTextOptions,
): string {
  switch (status.kind) {
    case "saved":
      if (showTime && status.savedAt) {
        const at = new Date(status.savedAt);
        if (!Number.isNaN(at.getTime())) return `Saved at ${formatTimeOfDay(at)}`;
      }
      return written ? "Saved" : "Autosaves as you go";
    case "saving":
      return "Saving…";
    case "offline":
      return "Offline — kept on this device, will sync";
    case "error":
      return `Couldn't save: ${status.message}`;
  }
}
