import type { QuestionSummary } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import { searchQuestions } from "./question-search";

const question = (id: string, title: string, summary: string, competency = "org-design"): QuestionSummary =>
  ({ id, title, summary, competency, levels: ["director"], durationMinutes: 40 }) as QuestionSummary;

// The two questions a person searching "spans" found in the wrong order (issue 16), in bank order.
const layer = question(
  "adding-a-manager-layer",
  "Adding a manager-of-managers layer to a 45-engineer group",
  "Six EMs report to you, two of them with spans of 10 and 11, and tech leads have become shadow managers.",
);
const spans = question(
  "span-of-control-rebalance",
  "Rebalancing spans of control",
  "Your managers' teams range from three to fourteen people; propose a healthier shape.",
);
const budget = question(
  "budget-cut",
  "Cutting twenty percent from the budget",
  "Finance asks for a plan that keeps delivery honest.",
  "business-budget",
);
const bank = [layer, spans, budget];

describe("searching the questions", () => {
  it("puts the question whose title holds the word above one whose summary does", () => {
    expect(searchQuestions(bank, "spans").map((q) => q.id)).toEqual([spans.id, layer.id]);
  });

  it("keeps only questions that contain every word, wherever it is", () => {
    expect(searchQuestions(bank, "spans shadow").map((q) => q.id)).toEqual([layer.id]);
    expect(searchQuestions(bank, "budget").map((q) => q.id)).toEqual([budget.id]);
    expect(searchQuestions(bank, "nothing-like-this")).toEqual([]);
  });

  it("ranks a word that starts a word above one found inside another", () => {
    const inside = question("a", "Micromanager habits", "x");
    const start = question("b", "A new manager", "x");
    expect(searchQuestions([inside, start], "manager").map((q) => q.id)).toEqual(["b", "a"]);
  });

  it("returns the bank in its own order for an empty query, and keeps that order for ties", () => {
    expect(searchQuestions(bank, "  ").map((q) => q.id)).toEqual(bank.map((q) => q.id));
    const twin = question("twin", "Rebalancing spans of control", spans.summary);
    expect(searchQuestions([spans, twin], "spans").map((q) => q.id)).toEqual([spans.id, "twin"]);
  });

  it("treats regular-expression characters in the query as text", () => {
    expect(searchQuestions([question("c", "What (really) matters", "x")], "(really)")).toHaveLength(1);
  });
});
