import AxeBuilder from "@axe-core/playwright";
import { type Page, test } from "@playwright/test";

type Result = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** WCAG 2.0–2.2 A and AA, plus axe's best practices (heading order, landmarks, focusable scroll regions). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const FAILING_IMPACTS = new Set(["serious", "critical"]);

/**
 * Rules axe rates below "serious" that still fail the run. heading-order and
 * scrollable-region-focusable are the ones issue 16 names: a skipped level
 * breaks navigating by headings, and a scroll region without a tab stop hides
 * content from keyboard users. The landmark and heading-one rules keep every
 * page navigable by landmark and with a title a screen reader announces first.
 */
const ALWAYS_FAILING_RULES = new Set([
  "heading-order",
  "scrollable-region-focusable",
  "empty-heading",
  "landmark-one-main",
  "landmark-no-duplicate-main",
  "landmark-unique",
  "page-has-heading-one",
]);

const TARGETS_SHOWN = 3;

function fails(violation: Result): boolean {
  return FAILING_IMPACTS.has(violation.impact ?? "") || ALWAYS_FAILING_RULES.has(violation.id);
}

function describe(violation: Result): string {
  const targets = violation.nodes.map((node) => node.target.join(" >>> "));
  const shown = targets.slice(0, TARGETS_SHOWN).map((target) => `      ${target}`);
  if (targets.length > TARGETS_SHOWN) shown.push(`      … and ${targets.length - TARGETS_SHOWN} more`);
  return [`  • ${violation.id} (${violation.impact ?? "no impact"}): ${violation.help}`, ...shown].join("\n");
}

/**
 * Waits for entrance animations to end: text caught half-way through a fade-in
 * (a phase cue, a toast) reads to axe as low contrast although no one ever
 * reads it that way. Endless animations (loading shimmer) are left running,
 * and the wait is capped so a stuck one cannot hang the check.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const finite = document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
    const ended = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    return Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}

/** The violations that fail the run on this page as it is now. */
export async function accessibilityViolations(page: Page): Promise<Result[]> {
  await settleAnimations(page);
  // The app has no frames, so axe runs in the page itself; the default
  // cross-frame mode would open (and close) an extra blank page per check.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(TAGS)
    .setLegacyMode(true)
    .analyze();
  return results.violations.filter(fails);
}

/** A readable account of the violations on the page as it is now, or null when there are none. */
export async function accessibilityReport(page: Page, label: string): Promise<string | null> {
  const violations = await accessibilityViolations(page);
  if (violations.length === 0) return null;
  const where = new URL(page.url()).pathname;
  return (
    `Accessibility: ${violations.length} violation${violations.length === 1 ? "" : "s"} on "${label}" (${where})\n` +
    violations.map(describe).join("\n")
  );
}

/**
 * Checks the page's current state with axe and throws, listing each rule
 * with its impact, help text and first few elements, when anything serious,
 * critical or named in ALWAYS_FAILING_RULES is found.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await test.step(
    `axe: ${label}`,
    async () => {
      const report = await accessibilityReport(page, label);
      if (report) throw new Error(report);
    },
    { box: true },
  );
}
