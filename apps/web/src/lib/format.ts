import type { Scenario } from "@loopwright/schema";

const LOCALE = "en";

const plural = new Intl.PluralRules(LOCALE);
const integer = new Intl.NumberFormat(LOCALE);

/**
 * A count with its noun, "1 word", "1,204 words": the one place a number meets a noun, so no screen
 * says "1 words". Pass the plural when it is not the singular plus "s" ("1 person", "3 people").
 */
export function formatCount(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${integer.format(count)} ${plural.select(count) === "one" ? singular : pluralForm}`;
}

/** Words as a reader counts them: runs of non-space, so blank lines and double spaces add nothing. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/u).length : 0;
}

export function formatNumber(value: number): string {
  return integer.format(value);
}

export function formatMinutes(minutes: number): string {
  return `${integer.format(minutes)} min`;
}

const BUDGET_PERIOD: Record<NonNullable<Scenario["budget"]>["period"], string> = {
  year: "per year",
  quarter: "per quarter",
  "one-off": "one-off",
};

export function formatBudget(budget: NonNullable<Scenario["budget"]>): { amount: string; period: string } {
  let amount: string;
  try {
    amount = new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency: budget.currency,
      maximumFractionDigits: 0,
    }).format(budget.amount);
  } catch {
    amount = `${integer.format(budget.amount)} ${budget.currency}`;
  }
  return { amount, period: BUDGET_PERIOD[budget.period] };
}

/** A list joined for reading: "A", "A and B", "A, B and C". */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(LOCALE, { style: "long", type: "conjunction" }).format(items);
}

/** Splits plain text on blank lines into paragraphs, folding single line breaks into spaces. */
export function toParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p.length > 0);
}
