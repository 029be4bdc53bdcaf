import { describe, expect, it } from "vitest";
import { completion, draftEntries, draftFromScores, draftKey, requiredPairs, updateDraft } from "./scoring";

describe("a scoring draft", () => {
  const items = [
    { id: "a1", questionId: "q1" },
    { id: "a2", questionId: "q2" },
  ];
  const dims: Record<string, string[]> = { q1: ["structure", "tradeoffs"], q2: ["vision"] };
  const required = requiredPairs(items, (q) => dims[q]);

  it("lists every answer × dimension pair in reading order", () => {
    expect(required).toEqual([
      { itemId: "a1", dimension: "structure" },
      { itemId: "a1", dimension: "tradeoffs" },
      { itemId: "a2", dimension: "vision" },
    ]);
  });

  it("counts what is scored and names what is missing", () => {
    let draft = draftFromScores([{ itemId: "a1", dimension: "structure", score: 3, comment: "" }]);
    expect(completion(draft, required)).toMatchObject({ scored: 1, required: 3 });
    draft = updateDraft(draft, "a2", "vision", { comment: "strong vision" }) as typeof draft;
    expect(completion(draft, required).missing.map((m) => m.dimension)).toEqual(["tradeoffs", "vision"]);
  });

  it("sends only scored entries, with trimmed comments, and keeps a comment typed before its score", () => {
    let draft = draftFromScores([]);
    draft = updateDraft(draft, "a1", "structure", { comment: "  thin on spans  " }) as typeof draft;
    expect(draftEntries(draft)).toEqual([]);
    draft = updateDraft(draft, "a1", "structure", { score: 2 }) as typeof draft;
    expect(draftEntries(draft)).toEqual([
      { itemId: "a1", dimension: "structure", score: 2, comment: "thin on spans" },
    ]);
    expect(draft.get(draftKey("a1", "structure"))?.comment).toBe("  thin on spans  ");
  });
});
