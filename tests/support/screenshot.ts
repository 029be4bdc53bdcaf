import path from "node:path";
import type { Page } from "@playwright/test";

/**
 * Full-page screenshots land in tests/screenshots for people to look at; not
 * under test-results, which Playwright empties at the start of every run.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(import.meta.dirname, "..", "screenshots", `${name}.png`),
    fullPage: true,
  });
}
