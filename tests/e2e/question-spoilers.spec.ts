import type { Question } from "@loopwright/schema";
import { screenshot } from "../support/screenshot.js";
import { type APIRequestContext, expect, type Page, test } from "../support/test.js";

/**
 * Issue 16: the question page kept the rubric, the interviewer guide and the
 * graded example answers right under "Practise this question", so anyone
 * about to practise read the answers first. They are now hidden behind one
 * panel until asked for (remembered per question), or until the person has a
 * scored practice attempt at the question.
 */

const KEY_NAME = "loopwright.practitionerKey";
const SHOW = "Show the interviewer material";
const HIDE = "Hide the interviewer material";

/** Two questions with example answers: the one under test, and another to see the choice is per question. */
async function twoQuestions(request: APIRequestContext): Promise<[Question, Question]> {
  const list = await (await request.get("/api/questions")).json();
  const found: Question[] = [];
  for (const summary of list.questions as { id: string }[]) {
    const question: Question = await (await request.get(`/api/questions/${summary.id}`)).json();
    if (question.examples.length > 0) found.push(question);
    if (found.length === 2) break;
  }
  expect(found, "the bank has two questions with example answers").toHaveLength(2);
  return found as [Question, Question];
}

/** Text only the interviewer material holds: anchors, examples, talking points, probes, curveballs, flags. */
function spoilers(question: Question): string[] {
  const dimension = question.rubric.dimensions[0];
  return [
    ...(dimension ? [dimension.anchors["1"], dimension.anchors["4"], dimension.description] : []),
    ...question.examples.flatMap((example) => [example.answer.slice(0, 60), example.rationale.slice(0, 60)]),
    ...question.talkingPoints.map((point) => point.point),
    ...question.guide.probes,
    ...question.guide.curveballs.map((curveball) => curveball.prompt),
    ...question.rubric.redFlags,
  ];
}

/** Whitespace as the DOM's text has it: runs of space collapse when rendered into paragraphs. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

async function pageText(page: Page): Promise<string> {
  return squash((await page.locator("body").textContent()) ?? "");
}

async function expectHidden(page: Page, question: Question) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);
  const panel = page.locator("#interviewer-material");
  await expect(panel.getByRole("heading", { name: "Interviewer material" })).toBeVisible();
  await expect(panel.getByRole("button", { name: SHOW })).toBeVisible();
  for (const name of ["Interviewer guide", "Rubric", "Red flags", "Talking points", "Example answers"]) {
    await expect(page.getByRole("heading", { name, exact: true })).toHaveCount(0);
  }
  const text = await pageText(page);
  for (const spoiler of spoilers(question)) {
    expect(text, "nothing of the interviewer material is on the page").not.toContain(squash(spoiler));
  }
  const listed = await page
    .getByRole("navigation", { name: "On this page" })
    .getByRole("link")
    .allTextContents();
  expect(listed.slice(0, 1)).toEqual(["Prompt"]);
  expect(listed.slice(-2)).toEqual(["Phases", "Interviewer material"]);
}

async function expectRevealed(page: Page, question: Question) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);
  await expect(page.locator("#interviewer-material")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Interviewer guide", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Rubric", exact: true })).toBeVisible();
  for (const dimension of question.rubric.dimensions) {
    await expect(page.getByRole("heading", { name: dimension.name, exact: true })).toBeVisible();
  }
  const dimension = question.rubric.dimensions[0] as Question["rubric"]["dimensions"][number];
  await expect(page.getByText(dimension.anchors["4"], { exact: true })).toBeVisible();
  await expect(page.getByText(question.guide.probes[0] as string, { exact: true })).toBeVisible();
  await expect(page.getByText(question.talkingPoints[0]?.point as string, { exact: true })).toBeVisible();
  const examples = page.locator("#examples .example-answer");
  await expect(examples).toHaveCount(question.examples.length);
  await expect(examples.first()).toBeVisible();
  const contents = page.getByRole("navigation", { name: "On this page" });
  await expect(contents.getByRole("link", { name: "Rubric" })).toBeVisible();
  await expect(contents.getByRole("link", { name: "Interviewer material" })).toHaveCount(0);
}

/** Presses Tab until the named button has focus, as a keyboard user would. */
async function tabTo(page: Page, name: string) {
  const button = page.getByRole("button", { name });
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press("Tab");
    if (await button.evaluate((node) => node === document.activeElement)) return button;
  }
  throw new Error(`Tab never reached “${name}”`);
}

function as(request: APIRequestContext, key: string) {
  const headers = { authorization: `Bearer ${key}` };
  return async (method: "POST" | "PUT", path: string, data: unknown) => {
    const response = await request.fetch(path, { method, headers, data });
    expect(response.ok(), `${method} ${path} answers ${response.status()}`).toBe(true);
    return response.json();
  };
}

/** A practitioner key, created through the API and stored in this browser as the app would. */
async function practitionerIn(page: Page): Promise<string> {
  const created = await page.request.post("/api/practitioners");
  expect(created.ok()).toBe(true);
  const { key } = await created.json();
  await page.goto("/");
  await page.evaluate(([name, value]) => localStorage.setItem(name, value), [KEY_NAME, key] as const);
  return key;
}

/** An attempt at the question, answered and handed in; self-scored too when `score` is given. */
async function attemptAt(request: APIRequestContext, key: string, question: Question, score?: number) {
  const send = as(request, key);
  const attempt = await send("POST", "/api/attempts", { questionId: question.id });
  expect(attempt.questionId).toBe(question.id);
  await send("POST", `/api/attempts/${attempt.id}/submit`, {
    answer: { text: "An answer written through the API, before reading any of the rubric.", revision: 1 },
  });
  if (score === undefined) return;
  const scores = Object.fromEntries(question.rubric.dimensions.map((d) => [d.id, score]));
  const scored = await send("PUT", `/api/attempts/${attempt.id}/self-score`, { scores, reflection: "" });
  expect(scored.status).toBe("completed");
}

test.describe("the question page keeps the interviewer material hidden until asked", () => {
  test("a fresh browser sees the prompt, the scenario and the phases, and none of the answers", async ({
    page,
  }) => {
    const [question] = await twoQuestions(page.request);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/questions/${question.id}`);

    await expect(page.getByRole("heading", { name: "Prompt", exact: true })).toBeVisible();
    const firstWords = squash(question.prompt).split(" ").slice(0, 8).join(" ");
    await expect(page.locator("#prompt")).toContainText(firstWords);
    if (question.scenario) {
      await expect(page.getByRole("heading", { name: "Scenario", exact: true })).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "Phases", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Practise this question" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Run as a mock interview" })).toBeVisible();
    await expectHidden(page, question);
    await expect(page.locator("#interviewer-material")).toContainText("anchor");
    await screenshot(page, "question-spoilers-desktop");

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("button", { name: SHOW })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "question-spoilers-phone");
  });

  test("reveals from the keyboard, moving focus to the first revealed heading", async ({ page }) => {
    const [question] = await twoQuestions(page.request);
    await page.goto(`/questions/${question.id}`);
    await expectHidden(page, question);

    const button = await tabTo(page, SHOW);
    await expect(button).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { name: "Interviewer guide", exact: true })).toBeFocused();
    await expectRevealed(page, question);
    await screenshot(page, "question-spoilers-revealed");
  });

  test("remembers the choice per question across reloads, and hides again", async ({ page }) => {
    const [question, other] = await twoQuestions(page.request);
    await page.goto(`/questions/${question.id}`);
    await page.getByRole("button", { name: SHOW }).click();
    await expectRevealed(page, question);
    expect(
      await page.evaluate((id) => localStorage.getItem(`loopwright.question.reveal.${id}`), question.id),
    ).toBe("shown");

    await page.reload();
    await expectRevealed(page, question);

    await page.goto(`/questions/${other.id}`);
    await expectHidden(page, other);

    await page.goto(`/questions/${question.id}`);
    await expectRevealed(page, question);
    await page.getByRole("button", { name: HIDE }).click();
    await expectHidden(page, question);
    await expect(page.getByRole("button", { name: SHOW })).toBeFocused();

    await page.reload();
    await expectHidden(page, question);
  });

  test("a link to a hidden section lands on the panel", async ({ page }) => {
    const [question] = await twoQuestions(page.request);
    await page.goto(`/questions/${question.id}#rubric`);
    await expectHidden(page, question);
    await expect(page.locator("#interviewer-material")).toBeInViewport();
  });

  test("opens by itself once a practice attempt at the question is scored", async ({ page }) => {
    const [question, other] = await twoQuestions(page.request);
    const key = await practitionerIn(page);
    await attemptAt(page.request, key, question, 3);
    // Handed in but not yet self-scored: that one does not count.
    await attemptAt(page.request, key, other);

    await page.goto(`/questions/${question.id}`);
    await expectRevealed(page, question);
    await expect(page.getByText("Shown because you have scored a practice attempt")).toBeVisible();

    await page.goto(`/questions/${other.id}`);
    await expectHidden(page, other);

    // Hiding it is remembered, even over the scored attempt.
    await page.goto(`/questions/${question.id}`);
    await page.getByRole("button", { name: HIDE }).click();
    await expectHidden(page, question);
    await page.reload();
    await expectHidden(page, question);
  });

  test("stays hidden, without an error, when the stored practice key is not recognised", async ({ page }) => {
    const [question] = await twoQuestions(page.request);
    await page.goto("/");
    await page.evaluate((name) => localStorage.setItem(name, "not-a-key-the-server-knows"), KEY_NAME);
    const listed = page.waitForResponse((response) => response.url().endsWith("/api/attempts"));
    await page.goto(`/questions/${question.id}`);
    expect((await listed).status()).toBe(401);
    await expectHidden(page, question);
    await expect(page.getByRole("alert")).toHaveCount(0);
  });
});
