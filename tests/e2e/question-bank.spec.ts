import { COMPETENCY_LABELS } from "@loopwright/schema";
import { screenshot } from "../support/screenshot.js";
import { expect, test } from "../support/test.js";

test.describe("the question bank browser", () => {
  test("lists the whole bank, filters by competency and level, and searches", async ({ page }) => {
    const api = await (await page.request.get("/api/questions")).json();
    await page.goto("/questions");
    await expect(page.getByTestId("result-count")).toContainText(`${api.total} questions`);
    await expect(page.getByTestId("question-card")).toHaveCount(api.total);
    await screenshot(page, "bank-browser");

    await page.getByLabel("Competency").selectOption({ label: COMPETENCY_LABELS["org-design"] });
    const orgDesign = api.questions.filter((q: { competency: string }) => q.competency === "org-design");
    await expect(page.getByTestId("question-card")).toHaveCount(orgDesign.length);
    await expect(page).toHaveURL(/competency=org-design/);

    await page.getByLabel("Level").selectOption("vp");
    const orgDesignVp = orgDesign.filter((q: { levels: string[] }) => q.levels.includes("vp"));
    await expect(page.getByTestId("question-card")).toHaveCount(orgDesignVp.length);

    // Back to everything, then a text search narrows to the matching question.
    await page.goto("/questions");
    const target = api.questions[0];
    await page.getByLabel("Search questions").fill(target.title);
    await expect(page.getByTestId("question-card").first()).toContainText(target.title);
    await expect(page).toHaveURL(/q=/);

    await page.getByLabel("Search questions").fill("zzqx no such words anywhere");
    await expect(page.getByTestId("question-card")).toHaveCount(0);
    await expect(page.getByTestId("result-count")).toContainText("0 questions");
  });

  test("opens a question page laid out for reading", async ({ page }) => {
    const api = await (await page.request.get("/api/questions?competency=org-design")).json();
    const summary = api.questions[0];
    const question = await (await page.request.get(`/api/questions/${summary.id}`)).json();

    await page.goto("/questions?competency=org-design");
    await page.getByTestId("question-card").first().getByRole("link", { name: summary.title }).click();
    await expect(page).toHaveURL(new RegExp(`/questions/${summary.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(summary.title);
    // The interviewer material waits behind its panel (issue 16); reading it all takes one press.
    await expect(page.getByRole("heading", { name: "Rubric", exact: true })).toHaveCount(0);
    await page.getByRole("button", { name: "Show the interviewer material" }).click();
    for (const section of ["Prompt", "Phases", "Rubric", "Talking points"]) {
      await expect(page.getByRole("heading", { name: section, exact: true })).toBeVisible();
    }
    for (const dimension of question.rubric.dimensions) {
      await expect(page.getByText(dimension.name, { exact: true }).first()).toBeVisible();
    }
    const timeline = page.locator("section", {
      has: page.getByRole("heading", { name: "Phases", exact: true }),
    });
    for (const phase of question.phases) {
      await expect(timeline.getByText(phase.name).first()).toBeVisible();
    }
    await screenshot(page, "question-page");

    // Reloading a client-side route is served by the server, not a 404.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(summary.title);
  });

  test("shows a helpful page for an unknown question", async ({ page }) => {
    await page.goto("/questions/no-such-question");
    await expect(page.getByText(/not found|no question/i).first()).toBeVisible();
    await expect(page.getByRole("link", { name: /bank/i }).first()).toBeVisible();
  });

  test("is usable on a phone-sized screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/questions");
    await expect(page.getByTestId("question-card").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "bank-browser-mobile");
  });
});
