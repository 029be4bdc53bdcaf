import { type BrowserContext, test as base, type Page, type TestInfo } from "@playwright/test";
import { accessibilityReport } from "./axe.js";

// Everything else a spec imports (expect, Page, Locator, …) is Playwright's own.
export * from "@playwright/test";

/**
 * Only the app's own documents: closed pages, about:blank, and a JSON or CSV
 * response a test opened directly are not pages a person reads.
 */
async function isAppPage(page: Page): Promise<boolean> {
  if (page.isClosed() || !page.url().startsWith("http")) return false;
  await page.waitForLoadState("domcontentloaded");
  return (await page.evaluate(() => document.contentType)) === "text/html";
}

function passing(testInfo: TestInfo): boolean {
  return testInfo.status === "passed" && testInfo.expectedStatus === "passed";
}

/**
 * Reports for the open pages of one context. A page navigating while it is
 * checked is checked again once it has loaded; a check that still cannot run
 * is itself reported, so no page passes unseen.
 */
async function checkContext(context: BrowserContext, testInfo: TestInfo): Promise<string[]> {
  const reports: string[] = [];
  for (const [index, page] of context.pages().entries()) {
    const label = `${testInfo.titlePath.slice(1).join(" › ")}, page ${index + 1} at the end of the test`;
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await isAppPage(page))) break;
        const report = await accessibilityReport(page, label);
        if (report) reports.push(report);
        break;
      } catch (error) {
        if (page.isClosed()) break;
        if (attempt < 2) continue;
        reports.push(
          `Accessibility: could not check "${label}" (${page.url()}): ${(error as Error).message}`,
        );
        break;
      }
    }
  }
  return reports;
}

/**
 * `test` for every spec: at the end of each passing test, axe checks every
 * open page of every browser context the test had, the default one and those
 * it made with browser.newContext(), and fails the test on any violation.
 * A context closed before the end (in the test or in an afterEach hook) is
 * checked just before it closes, so states in multi-person tests are seen too.
 */
export const test = base.extend<{ accessibleAtEnd: undefined }>({
  accessibleAtEnd: [
    async ({ browser }, use, testInfo) => {
      const reports: string[] = [];
      const open = new Set<BrowserContext>();
      let finished = false;
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const context = await newContext.apply(browser, args);
        open.add(context);
        const close = context.close;
        context.close = async (...closeArgs) => {
          if (open.delete(context) && !finished && passing(testInfo))
            reports.push(...(await checkContext(context, testInfo)));
          return close.apply(context, closeArgs);
        };
        return context;
      };
      try {
        await use(undefined);
      } finally {
        browser.newContext = newContext;
      }
      // This fixture is set up before any context, so it is torn down after
      // them all: the default context's own close has already been checked.
      for (const context of [...open]) {
        open.delete(context);
        if (passing(testInfo)) reports.push(...(await checkContext(context, testInfo)));
      }
      finished = true;
      if (reports.length > 0 && passing(testInfo)) throw new Error(reports.join("\n\n"));
    },
    { auto: true, title: "axe on every open page" },
  ],
});
