// @vitest-environment node
import { describe, expect, it } from "vitest";
import { exportFilename } from "../api";
import { competencyQuestionPhrase, gapText } from "./labels";

describe("practice labels", () => {
  it("puts the gap to the closest example in words", () => {
    expect(gapText(0)).toBe("Level");
    expect(gapText(1)).toBe("+1 above");
    expect(gapText(-2)).toBe("−2 below");
  });

  it("phrases the competency drill with the right article", () => {
    expect(competencyQuestionPhrase("org-design")).toBe("an org-design question");
    expect(competencyQuestionPhrase("execution-process")).toBe("an execution-process question");
    expect(competencyQuestionPhrase("strategic-leadership")).toBe("a strategic-leadership question");
  });

  it("names the exported file as the server suggests, or sensibly", () => {
    expect(exportFilename('attachment; filename="loopwright-history-2025-03-01.md"', "markdown")).toBe(
      "loopwright-history-2025-03-01.md",
    );
    expect(exportFilename(null, "json")).toBe("loopwright-history.json");
    expect(exportFilename("attachment", "markdown")).toBe("loopwright-history.md");
  });
});
