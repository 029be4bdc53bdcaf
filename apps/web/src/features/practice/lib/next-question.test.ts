// @vitest-environment node
import { describe, expect, it } from "vitest";
import { type PastAttempt, type SuggestableQuestion, suggestNextQuestion } from "./next-question";

const q = (id: string, competency: SuggestableQuestion["competency"]): SuggestableQuestion => ({
  id,
  title: `Question ${id}`,
  competency,
});
const bank = [
  q("od-1", "org-design"),
  q("od-2", "org-design"),
  q("sl-1", "strategic-leadership"),
  q("sl-2", "strategic-leadership"),
  q("mm-1", "managing-managers"),
];
const did = (questionId: string, createdAt: string): PastAttempt => ({
  questionId,
  competency: bank.find((x) => x.id === questionId)?.competency ?? "org-design",
  createdAt,
});

describe("the next question to practise", () => {
  it("prefers a competency not practised at all, in the bank's competency order", () => {
    const s = suggestNextQuestion(bank, [did("od-1", "2026-01-01")], "od-1");
    expect(s?.question.id).toBe("sl-1");
    expect(s?.reason).toBe("Strategic leadership: a round you have not practised yet.");
  });

  it("then the least-practised competency, with a question not yet done", () => {
    const attempts = [
      did("od-1", "2026-01-01"),
      did("od-1", "2026-01-02"),
      did("sl-1", "2026-01-03"),
      did("mm-1", "2026-01-04"),
      did("mm-1", "2026-01-05"),
    ];
    const s = suggestNextQuestion(bank, attempts, "mm-1");
    expect(s?.question.id).toBe("sl-2");
    expect(s?.reason).toContain("practised least (once)");
  });

  it("skips a competency whose questions are all done, and never suggests the current question", () => {
    const attempts = [did("mm-1", "2026-01-01"), did("od-1", "2026-01-02"), did("od-2", "2026-01-03")];
    // Managing managers is least practised but has no fresh question; strategic leadership is untouched.
    expect(suggestNextQuestion(bank, attempts, "od-2")?.question.id).toBe("sl-1");
    expect(suggestNextQuestion([q("only", "org-design")], [], "only")).toBeNull();
  });

  it("falls back to the question practised longest ago once every question is done", () => {
    const attempts = [
      did("od-1", "2026-01-05"),
      did("od-2", "2026-01-02"),
      did("sl-1", "2026-01-03"),
      did("sl-2", "2026-01-01"),
      did("sl-2", "2026-01-09"),
      did("mm-1", "2026-01-04"),
    ];
    const s = suggestNextQuestion(bank, attempts, "od-1");
    expect(s?.question.id).toBe("od-2");
    expect(s?.reason).toContain("longest ago");
  });
});
