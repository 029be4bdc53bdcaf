import type { Question } from "@loopwright/schema";
import { screenshot } from "../support/screenshot.js";
import { type APIRequestContext, expect, type Page, test } from "../support/test.js";

// The e2e server runs practice 200 times faster (PRACTICE_TIME_SCALE=0.005): a 30-minute question lasts 9 s.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const KEY_NAME = "loopwright.practitionerKey";

async function keyOf(page: Page): Promise<string> {
  const read = () => page.evaluate((name) => localStorage.getItem(name), KEY_NAME);
  await expect.poll(read, { message: "the browser keeps a practitioner key" }).toBeTruthy();
  return (await read()) as string;
}

function api(request: APIRequestContext, key: string) {
  const headers = { authorization: `Bearer ${key}` };
  return async (method: "GET" | "POST" | "PUT", path: string, data?: unknown) => {
    const response = await request.fetch(path, { method, headers, data });
    expect(response.ok(), `${method} ${path} answers ${response.status()}`).toBe(true);
    return response.json();
  };
}

const MARKDOWN_ANSWER = [
  "## Clarify",
  "",
  "First I would ask what the business needs from the **org** in a year.",
  "",
  "## Proposal",
  "",
  "- Rebalance the spans of control",
  "- Grow a manager from the senior engineers",
].join("\n");

/** An attempt handed in with `text` and self-scored 3 on every dimension, all through the API. */
async function scoredAttempt(page: Page, choice: object, text: string) {
  const call = api(page.request, await keyOf(page));
  const attempt = await call("POST", "/api/attempts", choice);
  await call("POST", `/api/attempts/${attempt.id}/submit`, { answer: { text, revision: 1 } });
  const question: Question = await (await page.request.get(`/api/questions/${attempt.questionId}`)).json();
  const scores = Object.fromEntries(question.rubric.dimensions.map((d) => [d.id, 3]));
  await call("PUT", `/api/attempts/${attempt.id}/self-score`, { scores, reflection: "" });
  return { id: attempt.id as string, question };
}

/** No part of the page reaches past the right edge of the viewport. */
async function expectNoHorizontalOverflow(page: Page, what: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, `${what}: page width ${widths.scroll} within ${widths.client}`).toBeLessThanOrEqual(
    widths.client,
  );
}

async function expectInViewport(page: Page, selector: ReturnType<Page["getByTestId"]>, name: string) {
  const box = await selector.boundingBox();
  const viewport = page.viewportSize() as { width: number; height: number };
  expect(box, `${name} is laid out`).not.toBeNull();
  if (!box) return;
  expect(box.y, `${name} top is on screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${name} bottom is on screen`).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width, `${name} right edge is on screen`).toBeLessThanOrEqual(viewport.width);
}

test.describe("solo practice on a phone", () => {
  test("keeps the timer and the pad in one viewport while typing, folds the prompt, and shows the clock in the tab title", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(PHONE);
    await page.goto("/practice");
    await page.getByRole("button", { name: "Give me an org-design question I have not done" }).click();
    await expect(page).toHaveURL(/\/practice\/attempts\//);
    const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";

    // Where the person is: the attempt, not the history it is not part of yet.
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs.getByRole("link")).toHaveText(["Practice"]);
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText(title);

    // The tab says the phase and the time left (or over) while the clock runs.
    await expect(page).toHaveTitle(/^.+ · (\d+:\d\d left|\+\d+:\d\d over) · Loopwright$/);

    const compact = page.getByTestId("compact-timer");
    await expect(compact).toBeVisible();
    await compact.getByRole("button", { name: "Pause" }).click();
    await expect(compact.getByRole("button", { name: "Resume" })).toBeVisible();
    await expect(page.getByTestId("timer-state")).toHaveText("Paused");
    await expect(page).toHaveTitle(/^Paused · .+ · (\d+:\d\d left|\+\d+:\d\d over) · Loopwright$/);

    // Fold the prompt away; it stays folded across a reload of the attempt.
    const toggle = page.getByRole("button", { name: "Hide prompt" });
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await toggle.click();
    await expect(page.getByTestId("prompt")).toBeHidden();
    await page.reload();
    await expect(page.getByRole("button", { name: "Show prompt" })).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByTestId("prompt")).toBeHidden();

    // Typing a long answer: the compact timer stays stuck above the pad, both on screen.
    const pad = page.getByRole("textbox", { name: "Your answer" });
    await pad.click();
    await page.keyboard.type(MARKDOWN_ANSWER);
    for (let i = 0; i < 12; i++) await page.keyboard.type("\nAnother line of the answer, and more.");
    await expectInViewport(page, compact, "the compact timer");
    await expectInViewport(page, page.getByRole("textbox", { name: "Your answer" }), "the pad's textarea");
    await expect(compact.getByTestId("compact-time")).toHaveText(/^(\d+:\d\d|\+\d+:\d\d over)$/);
    await expectNoHorizontalOverflow(page, "the attempt");
    await screenshot(page, "practice-phone-attempt");

    // The prompt can come back at any time.
    await page.getByRole("button", { name: "Show prompt" }).click();
    await expect(page.getByTestId("prompt")).toBeVisible();

    // Handing in: the title goes back to the question, and the score step shows the answer formatted.
    await page.getByRole("button", { name: "Submit answer" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Submit answer" }).click();
    await expect(page.getByTestId("attempt-status")).toHaveText("Awaiting self-score");
    await expect(page).toHaveTitle(`Practice: ${title} · Loopwright`);
    const submitted = page.getByTestId("submitted-answer");
    await expect(submitted.getByRole("heading", { name: "Clarify", level: 3 })).toBeVisible();
    await expect(submitted).not.toContainText("##");
    await expect(submitted.locator("strong")).toHaveText("org");
  });

  test("reviews an answer formatted, without overflowing the phone, with the gap in view and a next step that works", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(PHONE);
    await page.goto("/practice");
    const first = await scoredAttempt(page, { competency: "org-design" }, MARKDOWN_ANSWER);
    await page.goto(`/practice/attempts/${first.id}`);
    const review = page.getByTestId("review");
    await expect(review).toBeVisible();

    // A scored attempt is part of the history, and the breadcrumb says so.
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs.getByRole("link")).toHaveText(["Practice", "History"]);

    // Markdown, rendered: the writer's headings are headings one level under the card's, no "##" anywhere.
    const marked = page.getByTestId("marked-answer");
    await expect(marked.getByRole("heading", { name: "Clarify", level: 4 })).toBeVisible();
    await expect(marked.getByRole("listitem")).toHaveCount(2);
    await expect(review).not.toContainText("##");
    await expect(review).not.toContainText("**");

    // Nothing wider than the phone, with the closest example (and every other one) opened.
    for (const details of await page.getByTestId("example-answer").all()) {
      await details.evaluate((node) => node.setAttribute("open", ""));
    }
    await expectNoHorizontalOverflow(page, "the review");
    const gaps = page.getByTestId("score-comparison").locator("td[data-label='Gap']");
    for (const gap of await gaps.all()) {
      await gap.scrollIntoViewIfNeeded();
      await expectInViewport(page, gap.locator("span").first(), "a gap");
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "practice-phone-review");

    // What next: the history, this question again, and a question of a round not practised yet.
    const next = page.getByTestId("what-next");
    await expect(next.getByRole("heading", { name: "Practise another question" })).toBeVisible();
    const suggested = (await next.getByTestId("suggested-question").textContent()) ?? "";
    expect(suggested).not.toBe(first.question.title);
    await expect(next).toContainText("a round you have not practised yet");

    await next.getByRole("link", { name: "Go to history" }).click();
    await expect(page).toHaveURL(/\/practice\/history$/);
    await page.goBack();

    await page.getByTestId("what-next").getByRole("button", { name: "Practise this question again" }).click();
    await expect(page).not.toHaveURL(new RegExp(`${first.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.question.title);
    await expect(page.getByTestId("attempt-status")).toHaveText("In progress");

    await page.goto(`/practice/attempts/${first.id}`);
    const start = page.getByTestId("what-next").getByRole("button", { name: "Start this question" });
    await start.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(suggested);
    await expect(page.getByTestId("attempt-status")).toHaveText("In progress");
  });

  test("no competency's review overflows a phone, with every example opened", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(PHONE);
    await page.goto("/practice");
    const list = await (await page.request.get("/api/questions")).json();
    // One question per competency: each round's examples and rubric differ in length and shape.
    const perCompetency = new Map<string, string>();
    for (const q of list.questions as { id: string; competency: string }[]) {
      if (!perCompetency.has(q.competency)) perCompetency.set(q.competency, q.id);
    }
    for (const id of perCompetency.values()) {
      const attempt = await scoredAttempt(page, { questionId: id }, MARKDOWN_ANSWER);
      await page.goto(`/practice/attempts/${attempt.id}`);
      await expect(page.getByTestId("review")).toBeVisible();
      for (const details of await page.getByTestId("example-answer").all()) {
        await details.evaluate((node) => node.setAttribute("open", ""));
      }
      await expectNoHorizontalOverflow(page, `the review of ${id}`);
    }
  });
});

test.describe("solo practice on a desktop", () => {
  test("pauses and resumes in overtime", async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(DESKTOP);
    await page.goto("/practice");
    await page.getByRole("button", { name: "Give me an org-design question I have not done" }).click();
    await expect(page).toHaveURL(/\/practice\/attempts\//);
    await screenshot(page, "practice-desktop-attempt");
    await expect(page.getByTestId("timer-state")).toHaveText("Over time", { timeout: 60_000 });
    // On a wide screen the full timer is the only one.
    await expect(page.getByTestId("compact-timer")).toBeHidden();

    const elapsed = page.getByTestId("elapsed");
    const elapsedMs = async () => Number(await elapsed.getAttribute("data-elapsed-ms"));
    await page.getByTestId("timer").getByRole("button", { name: "Pause" }).click();
    await expect(page.getByTestId("timer-state")).toHaveText("Paused");
    await expect(page).toHaveTitle(/^Paused · .+ · \+\d+:\d\d over · Loopwright$/);
    const pausedAt = await elapsedMs();
    await page.waitForTimeout(1500);
    expect(await elapsedMs(), "a clock paused in overtime does not move").toBe(pausedAt);
    await page.reload();
    await expect(page.getByTestId("timer-state")).toHaveText("Paused");
    expect(await elapsedMs(), "nor after a reload").toBe(pausedAt);

    await page.getByTestId("timer").getByRole("button", { name: "Resume" }).click();
    await expect(page.getByTestId("timer-state")).toHaveText("Over time");
    await expect.poll(elapsedMs).toBeGreaterThan(pausedAt);
  });

  test("reviews and lists the history on a desktop (screenshots)", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto("/practice");
    const first = await scoredAttempt(page, { competency: "org-design" }, MARKDOWN_ANSWER);
    await scoredAttempt(page, { competency: "strategic-leadership" }, "A short answer.");
    await scoredAttempt(page, { competency: "org-design" }, "Another short answer.");
    await page.goto(`/practice/attempts/${first.id}`);
    await expect(page.getByTestId("review")).toBeVisible();
    await expectNoHorizontalOverflow(page, "the review");
    await screenshot(page, "practice-desktop-review");

    await page.goto("/practice/history");
    const legend = page.getByTestId("chart-legend");
    await expect(legend.getByRole("listitem")).toHaveCount(2);
    // Two lines that differ in dash pattern and marker, not only in colour.
    const dashes = await page
      .getByTestId("progress-chart")
      .locator("path.recharts-line-curve")
      .evaluateAll((paths) => paths.map((p) => p.getAttribute("stroke-dasharray") ?? "solid"));
    expect(new Set(dashes).size).toBe(2);
    await screenshot(page, "practice-desktop-history");
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page, "the history");
    await screenshot(page, "practice-phone-history");
  });
});
