import { type Browser, type BrowserContext, expect, type Page, test } from "./test.js";

/**
 * The people of a peer session, each in a browser context of their own (own
 * storage, own sockets), as they would be on their own machines; and the steps
 * every session spec takes to create a session and hand out its links.
 */

export interface PersonOptions {
  viewport?: { width: number; height: number };
  timezoneId?: string;
  locale?: string;
}

/**
 * Returns `person(browser, name, options)`, which opens one person's page. Call
 * it once at the top of a spec file: every context it opens is closed after each test.
 */
export function peopleForEachTest(defaults: PersonOptions & { viewport: { width: number; height: number } }) {
  const contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  return async function person(browser: Browser, name: string, options: PersonOptions = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: options.viewport ?? defaults.viewport,
      timezoneId: options.timezoneId ?? defaults.timezoneId,
      locale: options.locale ?? defaults.locale,
      acceptDownloads: true,
      permissions: ["clipboard-read", "clipboard-write"],
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (error) => console.log(`[${name}] page error: ${error.message}`));
    return page;
  };
}

/** The join link shown in the copy field `testId`. */
export async function linkValue(page: Page, testId: string): Promise<string> {
  const value = await page.getByTestId(testId).locator("input").inputValue();
  expect(value).toMatch(/\/sessions\/join#token=[A-Za-z0-9_-]{40,}$/);
  return value;
}

/**
 * Creates a session from the sessions page with the first question in the list,
 * Hana hosting and Cara as the candidate, and opens the host's room.
 */
export async function hostSession(host: Page): Promise<{ candidateLink: string; sessionId: string }> {
  await host.goto("/sessions");
  await host.getByRole("radio").first().check();
  await host.getByLabel("Your name").fill("Hana");
  await host.getByLabel(/candidate.s name/).fill("Cara");
  await host.getByRole("button", { name: "Create session" }).click();
  const candidateLink = await linkValue(host, "candidate-link");
  await host.getByRole("button", { name: "Open my room" }).click();
  await expect(host.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
  const sessionId = new URL(host.url()).pathname.split("/").pop() as string;
  return { candidateLink, sessionId };
}
