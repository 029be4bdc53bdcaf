// @vitest-environment node
import { describe, expect, it } from "vitest";
import { formatTimeOfDay } from "../datetime";
import { saveStatusText } from "./save-status-text";

describe("the save status line", () => {
  it("says plainly where the work is", () => {
    expect(saveStatusText({ kind: "saved", savedAt: null }, { written: false })).toBe("Autosaves as you go");
    expect(saveStatusText({ kind: "saved", savedAt: "2025-01-01T10:32:00.000Z" }, { written: true })).toBe(
      "Saved",
    );
    expect(saveStatusText({ kind: "saving" }, { written: true })).toBe("Saving…");
    expect(saveStatusText({ kind: "offline" }, { written: true })).toBe(
      "Offline — kept on this device, will sync",
    );
    expect(saveStatusText({ kind: "error", message: "Too long.", retrying: false }, { written: true })).toBe(
      "Couldn't save: Too long.",
    );
  });

  it("says when the last save landed, where that matters", () => {
    const savedAt = new Date(2025, 0, 1, 10, 32).toISOString();
    // The time itself is lib/datetime's, in the reader's locale (checked in datetime.test.ts).
    expect(saveStatusText({ kind: "saved", savedAt }, { written: true, showTime: true })).toBe(
      `Saved at ${formatTimeOfDay(savedAt)}`,
    );
    expect(formatTimeOfDay(savedAt)).toMatch(/10:32/);
    // Without a time from this visit there is nothing to date.
    expect(saveStatusText({ kind: "saved", savedAt: null }, { written: true, showTime: true })).toBe("Saved");
  });
});
