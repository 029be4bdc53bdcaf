import path from "node:path";
import type { Page } from "@playwright/test";

/** Full-page screenshots land in tests/test-results/screenshots for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(import.meta.dirname, "..", "test-results", "screenshots", `${name}.png`),
    fullPage: true,
  });
}
