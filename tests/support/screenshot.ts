import path from "node:path";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe.js";

/**
 * Pages skip rendering sections far below the viewport (content-visibility:
 * auto, as in QuestionPage.css) until a reader scrolls near them. A full-page
 * capture is taken from one viewport position, so those sections would come
 * out blank: for the capture they are rendered as a reader scrolling down
 * would see them.
 */
const RENDER_EVERYTHING = "* { content-visibility: visible !important; }";

/**
 * Full-page screenshots land in tests/screenshots for people to look at; not
 * under test-results, which Playwright empties at the start of every run.
 * Every state worth a screenshot is also checked with axe, with the same
 * sections rendered as the picture shows, so the run fails on a serious
 * accessibility violation there.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const style = await page.addStyleTag({ content: RENDER_EVERYTHING });
  try {
    await page.screenshot({
      path: path.join(import.meta.dirname, "..", "screenshots", `${name}.png`),
      fullPage: true,
    });
    await expectAccessible(page, `screenshot ${name}`);
  } finally {
    await style.evaluate((node) => (node as Element).remove());
  }
}
