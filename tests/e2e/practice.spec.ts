import { readFile } from "node:fs/promises";
import { COMPETENCY_LABELS, EXAMPLE_LEVEL_LABELS, type Question } from "@loopwright/schema";
import { screenshot } from "../support/screenshot.js";
import { type APIRequestContext, expect, type Page, test } from "../support/test.js";

// The e2e server runs practice 200 times faster (PRACTICE_TIME_SCALE=0.005): a 5-minute phase lasts 1.5 s.

const KEY_NAME = "loopwright.practitionerKey";

/** The practitioner key this browser stored (created on first use, so it may take a moment). */
async function keyOf(page: Page): Promise<string> {
  const read = () => page.evaluate((name) => localStorage.getItem(name), KEY_NAME);
  await expect.poll(read, { message: "the browser keeps a practitioner key" }).toBeTruthy();
  return (await read()) as string;
}

function as(request: APIRequestContext, key: string) {
  const headers = { authorization: `Bearer ${key}` };
  return {
    async get(path: string) {
      const response = await request.get(path, { headers });
      expect(response.ok(), `${path} answers ${response.status()}`).toBe(true);
      return response.json();
    },
    async send(method: "POST" | "PUT", path: string, data: unknown) {
      const response = await request.fetch(path, { method, headers, data });
      expect(response.ok(), `${method} ${path} answers ${response.status()}`).toBe(true);
      return response.json();
    },
  };
}

async function questionById(request: APIRequestContext, id: string): Promise<Question> {
  return (await request.get(`/api/questions/${id}`)).json();
}

/** The longest org-design question, so there is time to reload and still be mid-answer. */
async function longOrgDesignQuestion(request: APIRequestContext): Promise<Question> {
  const list = await (await request.get("/api/questions?competency=org-design")).json();
  const longest = [...list.questions].sort(
    (a: { durationMinutes: number }, b: { durationMinutes: number }) => b.durationMinutes - a.durationMinutes,
  )[0];
  return questionById(request, longest.id);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Starts, answers, submits and self-scores an attempt through the API (for history set-up). */
async function scoredAttemptViaApi(request: APIRequestContext, key: string, score: number) {
  const api = as(request, key);
  const attempt = await api.send("POST", "/api/attempts", { competency: "org-design" });
  await api.send("POST", `/api/attempts/${attempt.id}/submit`, {
    answer: { text: "A short answer written through the API.", revision: 1 },
  });
  const question = await questionById(request, attempt.questionId);
  const scores = Object.fromEntries(question.rubric.dimensions.map((d) => [d.id, score]));
  await api.send("PUT", `/api/attempts/${attempt.id}/self-score`, { scores, reflection: "" });
  return attempt;
}

test.describe("solo timed practice", () => {
  test("runs a whole practice: start from a question, reload mid-answer, phases, submit, self-score, review, history", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const question = await longOrgDesignQuestion(page.request);
    const point = question.talkingPoints[0];
    const phrase = point?.phrases[0] as string;
    const phases = question.phases;

    // Start from the question page.
    await page.goto(`/questions/${question.id}`);
    await page.getByRole("button", { name: "Practise this question" }).click();
    await expect(page).toHaveURL(/\/practice\/attempts\/[A-Za-z0-9_-]{8,}$/);
    const attemptId = new URL(page.url()).pathname.split("/").pop() as string;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);
    const firstWords = question.prompt.trim().split(/\s+/).slice(0, 6).join(" ");
    await expect(page.getByTestId("prompt")).toContainText(firstWords);
    await expect(page.getByTestId("timer")).toBeVisible();
    const elapsed = page.getByTestId("elapsed");
    const elapsedMs = async () => Number(await elapsed.getAttribute("data-elapsed-ms"));
    // The interviewer's material is not on the candidate's screen before submitting.
    await expect(page.getByText(question.rubric.dimensions[0]?.name as string)).toHaveCount(0);

    // A phase change is shown and announced. At 200× speed the phases fly by, so pause first to keep
    // this independent of timing, move on by hand, then resume.
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByTestId("timer-state")).toHaveText("Paused");
    const pausedAt = await elapsedMs();
    const phaseName = (await page.getByTestId("current-phase").textContent()) ?? "";
    const index = phases.findIndex((p) => p.name === phaseName);
    expect(index, "the phase shown is one of the question's phases").toBeGreaterThanOrEqual(0);
    expect(index, "still time left when paused").toBeLessThan(phases.length - 1);
    const next = phases[index + 1] as (typeof phases)[number];
    await page.getByRole("button", { name: "Next phase" }).click();
    await expect(page.getByTestId("current-phase")).toHaveText(next.name);
    await expect(page.getByTestId("phase-cue")).toContainText(next.name);
    await expect(page.getByTestId("timer-announcer")).toContainText(
      `Phase ${index + 2} of ${phases.length}${index + 2 === phases.length ? ", the last" : ""}: ${next.name}`,
    );
    await expect(page.getByRole("listitem").filter({ hasText: next.name }).first()).toHaveAttribute(
      "aria-current",
      "step",
    );
    expect(await elapsedMs(), "a paused clock does not move").toBe(pausedAt);

    await page.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByTestId("timer-state")).not.toHaveText("Paused");

    // Type an answer that uses one of the question's talking-point phrases.
    const pad = page.getByRole("textbox", { name: "Your answer" });
    const status = page.getByTestId("save-status");
    const first = `First I would ask what the business needs. Then the ${phrase} question, before anything else.`;
    await pad.click();
    await page.keyboard.type(first);
    await expect(status).toHaveText("Saved");

    // Let the clock run a little, then reload in the middle of typing, before the autosave fires.
    await expect.poll(elapsedMs).toBeGreaterThan(1500);
    const second = " After that, the sequence.";
    let warnedBeforeLeaving = false;
    page.on("dialog", async (dialog) => {
      if (dialog.type() === "beforeunload") warnedBeforeLeaving = true;
      await dialog.accept();
    });
    // Read the clock first and insert the text in one go, so the reload comes well inside the autosave's
    // pause even on a loaded machine (typing key by key there can outlast it, and then nothing is unsynced).
    const beforeReload = await elapsedMs();
    await page.keyboard.insertText(second);
    await page.reload();

    // Text and clock are intact: the unsaved keystrokes came back from the device, elapsed did not reset.
    await expect(pad).toHaveValue(first + second);
    expect(warnedBeforeLeaving, "leaving with unsynced text asks first").toBe(true);
    expect(await elapsedMs()).toBeGreaterThanOrEqual(beforeReload);
    await expect(status).toHaveText("Saved");
    const key = await keyOf(page);
    const api = as(page.request, key);
    expect((await api.get(`/api/attempts/${attemptId}`)).answer.text).toBe(first + second);

    await screenshot(page, "practice-attempt");

    // Jump to the last phase and let it run out: the overrun shows and nothing is cut off.
    const nextPhase = page.getByRole("button", { name: "Next phase" });
    const lastPhase = phases.at(-1)?.name as string;
    await expect(async () => {
      if (await nextPhase.isEnabled()) await nextPhase.click();
      await expect(page.getByTestId("current-phase")).toHaveText(lastPhase, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("time-up")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("overrun")).toHaveText(/^\+\d+:\d\d over$/);
    await expect(page.getByTestId("timer-state")).toHaveText("Over time");
    await expect(pad).toBeEditable();

    // Nothing of the review is visible before submitting and scoring.
    await expect(page.getByTestId("example-answer")).toHaveCount(0);
    await expect(page.locator("mark")).toHaveCount(0);

    // Submit (with a confirmation), then self-score against the anchors.
    await page.getByRole("button", { name: "Submit answer" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Hand in your answer?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Submit answer" }).click();
    await expect(page.getByRole("heading", { name: "Score your answer" })).toBeFocused();
    await expect(page.getByTestId("attempt-status")).toHaveText("Awaiting self-score");
    await expect(page.getByTestId("submitted-answer")).toHaveText(first + second);
    await expect(page.getByTestId("example-answer")).toHaveCount(0);

    const dimensions = question.rubric.dimensions;
    // Saving with dimensions unscored names them instead.
    await page.getByRole("button", { name: "Save my scores and show the review" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Score every dimension first" })).toContainText(
      dimensions[0]?.name as string,
    );

    // The options of each group are the anchors, and the groups work from the keyboard.
    const firstDimension = dimensions[0] as (typeof dimensions)[number];
    const firstGroup = page.getByRole("group", { name: firstDimension.name });
    await expect(firstGroup.getByRole("radio")).toHaveCount(4);
    await expect(firstGroup.getByRole("radio", { name: firstDimension.anchors["4"] })).toBeVisible();
    await firstGroup.getByRole("radio").first().focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await expect(firstGroup.getByRole("radio", { name: firstDimension.anchors["2"] })).toBeChecked();
    const chosen: Record<string, number> = { [firstDimension.id]: 2 };
    for (const dimension of dimensions.slice(1)) {
      await page
        .getByRole("group", { name: dimension.name })
        .getByRole("radio", { name: dimension.anchors["3"] })
        .check();
      chosen[dimension.id] = 3;
    }
    await page
      .getByLabel(/Reflection/)
      .fill("I spent too long clarifying and ran out of time for trade-offs.");
    await page.getByRole("button", { name: "Save my scores and show the review" }).click();

    // The review: examples graded by level, the gap to the closest, and talking-point coverage.
    await expect(page.getByTestId("attempt-status")).toHaveText("Completed");
    await expect(page.getByRole("heading", { name: "How your self-score compares" })).toBeFocused();
    const scored = await api.get(`/api/attempts/${attemptId}`);
    expect(scored.selfScores).toEqual(chosen);
    const examples = page.getByTestId("example-answer");
    await expect(examples).toHaveCount(question.examples.length);
    for (const example of question.examples) {
      await expect(
        page.locator(`[data-testid="example-answer"][data-level="${example.level}"]`),
      ).toContainText(EXAMPLE_LEVEL_LABELS[example.level]);
    }
    const closest = question.examples.find((e) => e.id === scored.review.closestExampleId);
    const comparison = page.getByTestId("score-comparison");
    await expect(comparison).toContainText(firstDimension.name);
    if (closest) {
      await expect(
        comparison.getByRole("columnheader", { name: EXAMPLE_LEVEL_LABELS[closest.level] }),
      ).toBeVisible();
      await expect(page.getByText("Closest to your self-score")).toBeVisible();
    }

    const marked = page.getByTestId("marked-answer");
    await expect(marked).toContainText(first + second);
    await expect(
      marked.locator("mark", { hasText: new RegExp(`^${escapeRegExp(phrase)}$`, "i") }).first(),
    ).toBeVisible();
    await expect(page.getByTestId("coverage-summary")).toContainText(
      `${scored.review.coverage.coveredCount} of ${question.talkingPoints.length} talking points`,
    );
    await expect(page.getByText(point?.point as string)).toBeVisible();
    await page.getByText("How coverage is matched").click();
    await expect(page.getByText(scored.review.matchingRules[0])).toBeVisible();
    await expect(page.getByText("not a grade").first()).toBeVisible();
    await expect(page.getByTestId("phase-times")).toContainText(phases[0]?.name as string);
    await screenshot(page, "practice-review");

    // A second scored attempt, so the progress chart has a line to draw.
    await scoredAttemptViaApi(page.request, key, 4);

    // History lists the attempt and links back to it; the chart is drawn by recharts.
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "History" }).click();
    await expect(page).toHaveURL(/\/practice\/history$/);
    const row = page.getByTestId("attempt-row").filter({ hasText: question.title });
    await expect(row).toContainText("Completed");
    await expect(row).toContainText(scored.meanSelfScore.toFixed(1));
    for (const phase of phases) await expect(row).toContainText(phase.name);
    await expect(page.getByTestId("attempt-row")).toHaveCount(2);
    const chart = page.getByTestId("progress-chart");
    const line = chart.locator("svg path.recharts-line-curve");
    await expect(line).toHaveCount(1);
    await expect(line).toHaveAttribute("d", /^M[\d.,\s-]+[LC]/);
    await expect(chart.getByTestId("chart-legend")).toContainText(COMPETENCY_LABELS["org-design"]);
    // Each line carries its dash pattern and marker shape as well as its colour, and the legend shows them.
    await expect(chart.getByTestId("chart-legend").locator("svg line")).toHaveCount(1);
    await expect(chart).toContainText("Org design: 2 scored attempts");
    await screenshot(page, "practice-history");

    await row.getByRole("link", { name: question.title }).click();
    await expect(page).toHaveURL(new RegExp(`/practice/attempts/${attemptId}$`));
    await expect(page.getByTestId("review")).toBeVisible();
    await expect(page.getByTestId("marked-answer").locator("mark").first()).toBeVisible();
  });

  test("keeps typing made offline on the device and syncs it when the connection returns", async ({
    page,
    context,
  }) => {
    await page.goto("/practice");
    await page.getByRole("button", { name: "Give me an org-design question I have not done" }).click();
    await expect(page).toHaveURL(/\/practice\/attempts\//);
    const attemptId = new URL(page.url()).pathname.split("/").pop() as string;
    await expect(page.getByTestId("attempt-status")).toHaveText("In progress");
    const pad = page.getByRole("textbox", { name: "Your answer" });
    const status = page.getByTestId("save-status");

    await pad.click();
    await page.keyboard.type("Written online.");
    await expect(status).toHaveText("Saved");
    const api = as(page.request, await keyOf(page));

    await context.setOffline(true);
    await page.keyboard.type(" Written on the train.");
    await expect(status).toHaveText("Offline — kept on this device, will sync");
    const draft = await page.evaluate(
      (id) => localStorage.getItem(`loopwright.practice.draft.${id}`),
      attemptId,
    );
    expect(JSON.parse(draft ?? "{}").text).toBe("Written online. Written on the train.");
    expect((await api.get(`/api/attempts/${attemptId}`)).answer.text).toBe("Written online.");

    await context.setOffline(false);
    await expect(status).toHaveText("Saved");
    expect((await api.get(`/api/attempts/${attemptId}`)).answer.text).toBe(
      "Written online. Written on the train.",
    );
  });

  test("opens the same history in another browser through the personal link", async ({ page, browser }) => {
    const question = await longOrgDesignQuestion(page.request);
    await page.goto("/practice");
    await page.getByLabel("Question", { exact: true }).selectOption(question.id);
    await page.getByRole("button", { name: "Start this question" }).click();
    await expect(page).toHaveURL(/\/practice\/attempts\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);

    await page.goto("/practice/history");
    const panel = page.getByTestId("device-panel");
    await expect(panel).toContainText("private");
    const link = await panel.getByLabel("Your personal link").inputValue();
    const key = await keyOf(page);
    const url = new URL(link);
    expect(url.pathname).toBe("/practice/continue");
    expect(url.search).toBe("");
    expect(url.hash).toBe(`#key=${key}`);

    const other = await browser.newContext();
    try {
      const second = await other.newPage();
      const requested: string[] = [];
      second.on("request", (request) => requested.push(request.url()));
      await second.goto(link);
      await expect(second).toHaveURL(/\/practice\/history$/);
      expect(await second.evaluate(() => window.location.hash)).toBe("");
      await expect(second.getByTestId("attempt-row").filter({ hasText: question.title })).toBeVisible();
      expect(await keyOf(second)).toBe(key);
      expect(
        requested.filter((u) => u.includes(key)),
        "the key never travels in a URL",
      ).toEqual([]);
    } finally {
      await other.close();
    }
  });

  test("runs a mock loop: round 1, then the next round once it is handed in", async ({ page }) => {
    await page.goto("/practice");
    const rounds = page.getByRole("group", { name: "Rounds, in order" });
    await expect(rounds.getByLabel("Round 1", { exact: true })).toHaveValue("org-design");
    await expect(rounds.getByLabel("Round 2", { exact: true })).toHaveValue("strategic-leadership");
    await page.getByRole("button", { name: "Start the mock loop" }).click();

    await expect(page.getByTestId("round-label")).toHaveText("Round 1 of 2");
    await expect(page.getByTestId("loop-bar")).toContainText("Round 2");
    await page.getByRole("textbox", { name: "Your answer" }).fill("Round one answer.");
    await page.getByRole("button", { name: "Submit answer" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Submit answer" }).click();
    await expect(page.getByTestId("attempt-status")).toHaveText("Awaiting self-score");

    await page.getByRole("button", { name: "Start round 2" }).click();
    await expect(page.getByTestId("round-label")).toHaveText("Round 2 of 2");
    await expect(page.getByTestId("attempt-status")).toHaveText("In progress");
    await expect(page.locator(".eyebrow").first()).toContainText(COMPETENCY_LABELS["strategic-leadership"]);
    await expect(page.getByTestId("timer")).toBeVisible();
  });

  test("exports the history, and deletes an attempt and then everything, each after confirming", async ({
    page,
  }) => {
    await page.goto("/practice");
    const key = await keyOf(page);
    await scoredAttemptViaApi(page.request, key, 2);
    await scoredAttemptViaApi(page.request, key, 3);
    await page.goto("/practice/history");
    const rows = page.getByTestId("attempt-row");
    await expect(rows).toHaveCount(2);

    const json = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export JSON" }).click();
    const jsonFile = await json;
    expect(jsonFile.suggestedFilename()).toMatch(/^loopwright-history-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse(await readFile((await jsonFile.path()) as string, "utf8"));
    expect(exported.attempts).toHaveLength(2);

    const markdown = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export Markdown" }).click();
    const markdownFile = await markdown;
    expect(markdownFile.suggestedFilename()).toMatch(/\.md$/);
    expect(await readFile((await markdownFile.path()) as string, "utf8")).toContain(
      "# Loopwright practice history",
    );

    // Deleting one attempt asks first; cancelling changes nothing.
    await rows
      .first()
      .getByRole("button", { name: /^Delete attempt/ })
      .click();
    const dialog = page.getByRole("alertdialog", { name: "Delete this attempt?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(rows).toHaveCount(2);
    await rows
      .first()
      .getByRole("button", { name: /^Delete attempt/ })
      .click();
    await dialog.getByRole("button", { name: "Delete attempt" }).click();
    await expect(rows).toHaveCount(1);

    await page.getByRole("button", { name: "Delete all history" }).click();
    const all = page.getByRole("alertdialog", { name: "Delete your whole practice history?" });
    await all.getByRole("button", { name: "Delete all history" }).click();
    await expect(page.getByRole("heading", { name: "No practice yet" })).toBeVisible();
    expect((await as(page.request, key).get("/api/attempts")).attempts).toEqual([]);
  });

  test("shows the server's message for a key it does not know, and a clear page for an unknown attempt", async ({
    page,
  }) => {
    await page.goto("/practice");
    await keyOf(page);
    await page.goto("/practice/attempts/no-such-attempt-here");
    await expect(page.getByRole("heading", { name: "Attempt not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to your history" })).toBeVisible();

    await page.evaluate((name) => localStorage.setItem(name, "A".repeat(43)), KEY_NAME);
    await page.goto("/practice/history");
    await expect(page.getByRole("alert")).toContainText("This practitioner key is not known here");
    await page.getByRole("button", { name: "Start afresh on this device" }).click();
    await expect(page.getByRole("heading", { name: "No practice yet" })).toBeVisible();
    expect(await keyOf(page)).not.toBe("A".repeat(43));
  });

  test("is usable on a phone-sized screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/practice");
    await expect(page.getByRole("heading", { name: "Practise under the clock" })).toBeVisible();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Give me an org-design question I have not done" }).click();
    await expect(page.getByTestId("timer")).toBeVisible();
    await page.getByRole("textbox", { name: "Your answer" }).fill("Typing on a phone.");
    await expect(page.getByTestId("save-status")).toHaveText("Saved");
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, "practice-attempt-mobile");
  });
});
