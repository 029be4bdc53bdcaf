import path from "node:path";
import type { Page } from "@playwright/test";

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
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const style = await page.addStyleTag({ content: RENDER_EVERYTHING });
  try {
    await page.screenshot({
      path: path.join(import.meta.dirname, "..", "screenshots", `${name}.png`),
      fullPage: true,
    });
  } finally {
    await style.evaluate((node) => (node as Element).remove());
  }
}
