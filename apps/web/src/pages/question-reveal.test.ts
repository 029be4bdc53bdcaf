// @vitest-environment node
import { afterEach, describe, expect, it } from "vitest";
import { MemoryStorage } from "../lib/memory-storage";
import {
  isRevealed,
  type RevealStorage,
  readRevealChoice,
  resetRevealMemory,
  revealKey,
  saveRevealChoice,
} from "./question-reveal";

/** Storage as a blocked private mode has it: every call throws. */
const throwing: RevealStorage = {
  getItem() {
    throw new Error("SecurityError");
  },
  setItem() {
    throw new Error("SecurityError");
  },
};

afterEach(() => resetRevealMemory());

describe("the remembered reveal of a question's interviewer material", () => {
  it("is remembered per question, under loopwright.question.reveal.<id>", () => {
    const storage = new MemoryStorage();
    expect(readRevealChoice("q-1", storage)).toBeNull();

    expect(saveRevealChoice("q-1", "shown", storage)).toBe(true);
    expect(storage.getItem("loopwright.question.reveal.q-1")).toBe("shown");
    expect(revealKey("q-1")).toBe("loopwright.question.reveal.q-1");
    expect(readRevealChoice("q-1", storage)).toBe("shown");

    saveRevealChoice("q-1", "hidden", storage);
    expect(readRevealChoice("q-1", storage)).toBe("hidden");
  });

  it("keeps each question's choice apart", () => {
    const storage = new MemoryStorage();
    saveRevealChoice("q-1", "shown", storage);
    saveRevealChoice("q-3", "hidden", storage);
    expect(readRevealChoice("q-1", storage)).toBe("shown");
    expect(readRevealChoice("q-2", storage)).toBeNull();
    expect(readRevealChoice("q-3", storage)).toBe("hidden");
    expect(storage.length).toBe(2);
  });

  it("ignores a value it did not write", () => {
    const storage = new MemoryStorage();
    storage.setItem(revealKey("q-1"), "yes please");
    expect(readRevealChoice("q-1", storage)).toBeNull();
  });

  it("survives storage that throws, keeping the choice in memory for the page", () => {
    expect(() => readRevealChoice("q-1", throwing)).not.toThrow();
    expect(readRevealChoice("q-1", throwing)).toBeNull();

    expect(saveRevealChoice("q-1", "shown", throwing)).toBe(false);
    expect(readRevealChoice("q-1", throwing)).toBe("shown");
    expect(readRevealChoice("q-2", throwing)).toBeNull();
  });

  it("survives having no storage at all", () => {
    expect(readRevealChoice("q-1", null)).toBeNull();
    expect(saveRevealChoice("q-1", "shown", null)).toBe(false);
    expect(readRevealChoice("q-1", null)).toBe("shown");
  });

  it("prefers a choice that could not be written over an older stored one", () => {
    const storage = new MemoryStorage();
    saveRevealChoice("q-1", "shown", storage);
    storage.full = true;
    expect(saveRevealChoice("q-1", "hidden", storage)).toBe(false);
    expect(readRevealChoice("q-1", storage)).toBe("hidden");

    // Once a write succeeds again, storage holds the truth.
    storage.full = false;
    expect(saveRevealChoice("q-1", "shown", storage)).toBe(true);
    expect(readRevealChoice("q-1", storage)).toBe("shown");
  });

  it("opens on a completed attempt unless the person chose otherwise", () => {
    expect(isRevealed(null, false)).toBe(false);
    expect(isRevealed(null, true)).toBe(true);
    expect(isRevealed("shown", false)).toBe(true);
    expect(isRevealed("hidden", true)).toBe(false);
  });
});
