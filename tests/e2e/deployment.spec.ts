import { screenshot } from "../support/screenshot.js";
import { expect, type Page, test } from "../support/test.js";

/**
 * What a colleague's browser meets when it reaches the server over a network
 * rather than localhost: plain HTTP on a LAN hostname (Chromium resolves
 * lan.test to 127.0.0.1, see playwright.config.ts), and the rate limits.
 */

const port = Number(process.env.E2E_PORT ?? 3197);
const lan = `http://lan.test:${port}`;

/** Collects what would make the page blank: script errors and refused (CSP or mixed-content) loads. */
function watchForBreakage(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("request", (request) => {
    if (request.url().startsWith("https:")) problems.push(`upgraded to https: ${request.url()}`);
  });
  return problems;
}

const FIRST_PAGES = [
  { path: "/", heading: "Rehearse the rounds that only appear at director level." },
  { path: "/questions", heading: "Interview questions for the director loop" },
  { path: "/practice", heading: "Practise under the clock" },
  { path: "/sessions", heading: "Peer mock interviews" },
  { path: "/calibration", heading: "Hold every interviewer to the same bar" },
];

test.describe("served over plain HTTP on a LAN hostname", () => {
  for (const { path, heading } of FIRST_PAGES) {
    test(`renders ${path} with its scripts and styles`, async ({ page }) => {
      const problems = watchForBreakage(page);
      const response = await page.goto(`${lan}${path}`);
      expect(response?.status()).toBe(200);
      const csp = response?.headers()["content-security-policy"] ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("upgrade-insecure-requests");
      expect(response?.headers()["strict-transport-security"]).toBeUndefined();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      // Styles applied: the page is laid out by our stylesheet, not the browser's defaults.
      const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      expect(font).toMatch(/Inter/);
      expect(problems).toEqual([]);
      if (path === "/") await screenshot(page, "lan-hostname-home");
    });
  }

  test("runs a peer session room, its socket included, and a practice attempt", async ({ page }) => {
    const problems = watchForBreakage(page);
    await page.goto(`${lan}/sessions`);
    await page.getByRole("radio").first().check();
    await page.getByLabel("Your name").fill("Hana");
    await page.getByLabel(/candidate.s name/).fill("Cara");
    await page.getByRole("button", { name: "Create session" }).click();
    await expect(page.getByTestId("candidate-link").locator("input")).toHaveValue(
      new RegExp(`^${lan}/sessions/join#token=`),
    );
    await page.getByRole("button", { name: "Open my room" }).click();
    await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "live");

    await page.goto(`${lan}/practice`);
    await page.getByRole("button", { name: "Give me an org-design question I have not done" }).click();
    await expect(page).toHaveURL(/\/practice\/attempts\//);
    await expect(page.getByTestId("timer")).toBeVisible();
    await page.getByRole("textbox", { name: "Your answer" }).click();
    await page.keyboard.type("Typed from a colleague's laptop.");
    await expect(page.getByTestId("save-status")).toHaveText("Saved");
    expect(problems).toEqual([]);
  });
});

test.describe("rate limits, as a person meets them", () => {
  const limited = `http://127.0.0.1:${process.env.E2E_LIMITED_PORT}`;

  async function createSession(page: Page) {
    await page.goto(`${limited}/sessions`);
    await page.getByRole("radio").first().check();
    await page.getByLabel("Your name").fill("Hana");
    await page.getByLabel(/candidate.s name/).fill("Cara");
    await page.getByRole("button", { name: "Create session" }).click();
  }

  test("say plainly how long to wait, on a session and on a workspace", async ({ page }) => {
    // This server allows two creations a minute from one address (playwright.config.ts).
    for (let i = 0; i < 2; i++) {
      await createSession(page);
      await expect(page.getByTestId("candidate-link")).toBeVisible();
    }
    await createSession(page);
    const alert = page.getByRole("alert").filter({ hasText: "Too many requests" });
    await expect(alert).toHaveText(
      /^Too many requests from your address: at most 2 a minute here\. Try again in \d+ seconds?\.$/,
    );
    await screenshot(page, "rate-limited-session");

    // The creation budget is shared: a workspace is refused the same way.
    await page.goto(`${limited}/calibration`);
    await page.getByLabel("Workspace name").fill("Platform director hiring");
    await page.getByLabel("Your name").fill("Maya");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expect(page.getByText(/Too many requests from your address/)).toBeVisible();
    await screenshot(page, "rate-limited-workspace");
  });
});
