import { screenshot } from "../support/screenshot.js";
import { expect, type Page, test } from "../support/test.js";

/**
 * Content that arrives after the first paint must not push what is already on
 * screen (issue 15: the footer jumped out of view when a question or a session
 * room loaded, CLS 0.35). On a fast local server the data can land before the
 * placeholder has even painted, which would hide the problem, so each test
 * holds the real responses until the placeholder is on screen, the way a slow
 * network does, then lets them through unchanged.
 */

const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** CLS budget from the issue; what is measured is every shift, not only the worst window. */
const MAX_SHIFT = 0.05;

interface Shift {
  value: number;
  sources: string[];
}

declare global {
  interface Window {
    __layoutShifts: Shift[];
  }
}

/** Records every layout shift not caused by input, with the elements that moved. */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    window.__layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: { node: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        window.__layoutShifts.push({
          value: entry.value,
          sources: entry.sources.map(({ node }) =>
            node instanceof Element
              ? `${node.tagName.toLowerCase()}.${Array.from(node.classList).join(".")}`
              : "text",
          ),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Holds matching requests until the returned function is called; they then go to the server as they are. */
async function holdRequests(page: Page, matches: (url: URL) => boolean): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => matches(url),
    async (route) => {
      await released;
      await route.continue();
    },
  );
  return release;
}

/** Two animation frames: whatever is in the DOM now has been painted. */
async function painted(page: Page) {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** The placeholder is on screen: the footer must already sit below the first screenful. */
async function expectFooterBelowFirstScreen(page: Page, height: number) {
  const top = await page.locator(".site-footer").evaluate((footer) => footer.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(height);
}

async function expectNoLayoutShift(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await painted(page);
  const shifts = await page.evaluate(() => window.__layoutShifts);
  const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
  expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThanOrEqual(MAX_SHIFT);
}

async function firstQuestion(page: Page): Promise<{ id: string; title: string }> {
  const list = await (await page.request.get("/api/questions")).json();
  return list.questions[0];
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`layout stays put while content arrives (${name})`, () => {
    test.use({ viewport });

    test("the home page, when the question counts land", async ({ page }) => {
      await recordShifts(page);
      const release = await holdRequests(page, (url) => url.pathname === "/api/questions");
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await painted(page);
      await expectFooterBelowFirstScreen(page, viewport.height);
      release();
      await expect(page.locator(".hero__count:not(.hero__count--pending)")).toContainText("to read today");
      await expectNoLayoutShift(page);
      await screenshot(page, `home-${name}`);
    });

    test("a question page, when the question lands", async ({ page }) => {
      const question = await firstQuestion(page);
      await recordShifts(page);
      const release = await holdRequests(page, (url) => url.pathname === `/api/questions/${question.id}`);
      await page.goto(`/questions/${question.id}`);
      await expect(page.getByRole("status").filter({ hasText: "Loading the question" })).toBeAttached();
      await painted(page);
      await expectFooterBelowFirstScreen(page, viewport.height);
      release();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);
      await expectNoLayoutShift(page);
      await screenshot(page, `question-${name}`);
    });

    test("a session room, when the room and then its question land", async ({ page }) => {
      const question = await firstQuestion(page);
      const created = await page.request.post("/api/sessions", {
        data: { questionId: question.id, hostName: "Ada", candidateName: "Grace" },
      });
      expect(created.status()).toBe(201);
      const { host } = await created.json();

      await recordShifts(page);
      // The room arrives over the WebSocket: its messages are held back, then passed on in order.
      let releaseRoom = () => {};
      const roomReleased = new Promise<void>((resolve) => {
        releaseRoom = resolve;
      });
      await page.routeWebSocket(/\/ws\/sessions\//, (ws) => {
        const server = ws.connectToServer();
        const held: (string | Buffer)[] = [];
        let passing = false;
        server.onMessage((message) => (passing ? ws.send(message) : held.push(message)));
        void roomReleased.then(() => {
          passing = true;
          for (const message of held.splice(0)) ws.send(message);
        });
      });
      const releaseQuestion = await holdRequests(
        page,
        (url) => url.pathname === `/api/questions/${question.id}`,
      );

      await page.goto(`/sessions/join#token=${host.token}`);
      await expect(page).toHaveURL(/\/sessions\/[A-Za-z0-9_-]+$/);
      await expect(page.getByRole("status").filter({ hasText: "Joining the session" })).toBeAttached();
      await painted(page);
      await expectFooterBelowFirstScreen(page, viewport.height);

      releaseRoom();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);
      await painted(page);
      releaseQuestion();
      await expect(page.getByTestId("probes")).toBeVisible();
      await expectNoLayoutShift(page);
      await screenshot(page, `session-${name}`);
    });
  });
}
