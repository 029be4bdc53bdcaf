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
 * axe judges the page as it settles, not a frame of an entrance animation:
 * text caught half-way through a fade-in (a phase cue, a toast) reads as low
 * contrast although no one ever reads it that way. CSS animations and
 * transitions are switched off while axe runs (the practice clock runs fast
 * in tests, so a phase cue can start again mid-check), and script-driven
 * ones that end are finished first.
 */
const NO_MOTION = "*, *::before, *::after { animation: none !important; transition: none !important; }";

async function withoutMotion<T>(page: Page, check: () => Promise<T>): Promise<T> {
  const style = await page.addStyleTag({ content: NO_MOTION });
  try {
    await page.evaluate(() => {
      for (const animation of document.getAnimations()) {
        if (animation.effect?.getTiming().iterations !== Infinity) animation.finish();
      }
    });
    return await check();
  } finally {
    await style.evaluate((node) => (node as Element).remove()).catch(() => undefined);
  }
}

/** The violations that fail the run on this page as it is now. */
export async function accessibilityViolations(page: Page): Promise<Result[]> {
  // The app has no frames, so axe runs in the page itself; the default
  // cross-frame mode would open (and close) an extra blank page per check.
  const results = await withoutMotion(page, () =>
    new AxeBuilder({ page })
      .options({ resultTypes: ["violations"] })
      .withTags(TAGS)
      .setLegacyMode(true)
      .analyze(),
  );
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
