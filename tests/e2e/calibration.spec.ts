import { readFile } from "node:fs/promises";
import { screenshot } from "../support/screenshot.js";
import { expect, type Locator, type Page, test } from "../support/test.js";

/**
 * The loop-calibration journey end to end, in real Chromium against the real
 * server: a hiring manager sets up a workspace, a loop and a blind exercise;
 * three interviewers score it from their own links in separate browser
 * contexts; the results flag the harsh one; a re-score round converges; and
 * exported ratings are analysed from a CSV upload.
 */

const INTERVIEWERS = ["Ana", "Ben", "Chi"] as const;
type Interviewer = (typeof INTERVIEWERS)[number];

/** Round 1: Ana and Ben broadly agree; Chi scores everything 1 (clearly harsher). */
const BAR = [3, 2, 4] as const;
const bar = (answer: number): number => BAR[answer % BAR.length] ?? 3;
const ROUND_1: Record<Interviewer, (answer: number, dim: number) => number> = {
  Ana: (a, d) => bar(a) - (d === 1 && a === 2 ? 1 : 0),
  Ben: (a, d) => bar(a) - (d === 2 && a === 0 ? 1 : 0),
  Chi: () => 1,
};
/** Round 2, after discussion: the whole panel lands on the same scores. */
const ROUND_2 = bar;

const TRANSCRIPT =
  "I would start by asking what the eighty engineers are for over the next year, because the team shape follows the strategy. " +
  "Today every team reports to me, which is a span nobody can coach. I would add two managers of managers, split along the product lines, " +
  "keep the platform group whole, and hire before I promote so the new layer does not hollow out the senior engineers.";

/** Scores every dimension of every answer, moving through the answers one at a time. */
async function scoreEverything(page: Page, score: (answer: number, dim: number) => number) {
  const answers = page.getByRole("navigation", { name: "Answers" }).getByRole("button");
  await expect(answers).toHaveCount(3);
  for (let a = 0; a < 3; a++) {
    await answers.nth(a).click();
    const card = page.getByTestId("answer-card");
    await expect(card.getByRole("heading", { level: 3 })).toContainText(`Answer ${"ABC"[a]}`);
    const dims = card.locator("fieldset");
    const n = await dims.count();
    expect(n).toBeGreaterThanOrEqual(3);
    for (let d = 0; d < n; d++) {
      const choice = dims
        .nth(d)
        .getByRole("radio")
        .nth(score(a, d) - 1);
      await choice.click();
      await expect(choice).toBeChecked();
    }
  }
}

async function submitScores(page: Page) {
  await page.getByRole("button", { name: "Submit my scores" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Submit your scores?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Submit scores" }).click();
  await expect(page.getByTestId("submitted")).toBeVisible();
}

/**
 * A full-page capture with the viewport as tall as the page, so sticky bars
 * (the save bar, the submit bar) sit where a reader would see them, at the end.
 */
async function fullHeightScreenshot(page: Page, name: string) {
  const original = page.viewportSize() ?? { width: 1280, height: 720 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: original.width, height });
  await screenshot(page, name);
  await page.setViewportSize(original);
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

function coverageRow(page: Page, competency: string): Locator {
  return page.getByTestId("coverage-matrix").getByRole("row", { name: new RegExp(`^${competency}`) });
}

test.describe("loop calibration", () => {
  test("a manager calibrates a panel: loop, blind scoring, flags, re-score, and CSV analysis", async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);

    const orgDesign = await (await page.request.get("/api/questions?competency=org-design")).json();
    const question = await (await page.request.get(`/api/questions/${orgDesign.questions[0].id}`)).json();
    expect(question.examples.length).toBeGreaterThanOrEqual(2);

    /* ── The manager creates a workspace, with no sign-up ── */
    await page.goto("/calibration");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Hold every interviewer to the same bar",
    );
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expect(page.getByText("The workspace name is empty.")).toBeVisible();
    await page.getByLabel("Workspace name").fill("Platform director hiring");
    await page.getByLabel("Your name").fill("Maya");
    await page.getByRole("button", { name: "Create workspace" }).click();
    const adminLink = await page.getByLabel("Your admin link").inputValue();
    expect(adminLink).toMatch(/\/calibration\/join#token=[A-Za-z0-9_-]{22,}$/);
    await expect(page.getByText("It is shown only this once")).toBeVisible();
    await page.getByRole("button", { name: /open the workspace/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Platform director hiring");
    const workspaceUrl = page.url();

    /* ── A loop: the coverage matrix shows a gap and an overlap before anyone interviews ── */
    await page.getByRole("link", { name: "New loop" }).click();
    await page.getByLabel("Loop name").fill("Director of Engineering, Platform");
    const round1 = page.getByTestId("loop-round").nth(0);
    await round1.getByLabel("Round name").fill("Org design");
    await round1.getByLabel("Minutes").fill("60");
    await round1.getByRole("checkbox", { name: "Org design", exact: true }).check();
    await round1.getByRole("checkbox", { name: "Managing managers", exact: true }).check();
    await round1.getByLabel("Questions from the bank (optional)").selectOption(question.id);
    await expect(round1.getByRole("link", { name: question.title })).toBeVisible();
    await page.getByRole("button", { name: "Add a round" }).click();
    const round2 = page.getByTestId("loop-round").nth(1);
    await round2.getByLabel("Round name").fill("Strategy");
    await round2.getByRole("checkbox", { name: "Strategic leadership", exact: true }).check();
    await round2.getByRole("checkbox", { name: "Managing managers", exact: true }).check();

    // Live, before saving.
    await expect(coverageRow(page, "Managing managers")).toHaveAttribute("data-status", "overlap");
    await expect(coverageRow(page, "Crisis and change")).toHaveAttribute("data-status", "gap");
    await expect(coverageRow(page, "Org design")).toHaveAttribute("data-status", "covered");
    await expect(page.getByTestId("coverage-matrix")).toContainText("1 overlap");
    await expect(page.getByTestId("coverage-matrix")).toContainText("5 gaps");

    await page.getByRole("button", { name: "Save loop" }).click();
    await expect(page.getByText("Saved “Director of Engineering, Platform”.")).toBeVisible();
    await expect(page).toHaveURL(/\/loops\/[A-Za-z0-9_-]+$/);
    // As the server computed it.
    await expect(coverageRow(page, "Managing managers")).toHaveAttribute("data-status", "overlap");
    await expect(coverageRow(page, "Business and budget")).toHaveAttribute("data-status", "gap");
    await expect(page.getByTestId("coverage-matrix")).toContainText("As saved.");
    await fullHeightScreenshot(page, "calibration-loop");

    /* ── Three interviewer links, each shown once ── */
    await page.goto(workspaceUrl);
    const links: Record<string, string> = {};
    for (const name of INTERVIEWERS) {
      await page.getByLabel("Interviewer’s name").fill(name);
      await page.getByRole("button", { name: "Create interviewer link" }).click();
      const link = await page.getByLabel(`${name}’s personal link`).inputValue();
      expect(link).toMatch(/\/calibration\/join#token=[A-Za-z0-9_-]{22,}$/);
      links[name] = link;
      await page.getByRole("button", { name: /Done/ }).click();
    }
    await expect(page.getByTestId("member-row")).toHaveCount(4);

    /* ── An exercise from bank example answers, plus a pasted transcript ── */
    await page.getByRole("link", { name: "New exercise" }).click();
    await page.getByLabel("Exercise name").fill("Org design bar");
    await page.getByLabel("Loop (optional)").selectOption({ label: "Director of Engineering, Platform" });
    await page.getByLabel("Question", { exact: true }).selectOption(question.id);
    const examplePicks = page.locator(".example-pick input[type=checkbox]");
    await expect(examplePicks).toHaveCount(question.examples.length);
    await examplePicks.nth(0).check();
    await examplePicks.nth(1).check();
    await page.getByLabel("Question it answers").selectOption(question.id);
    await page.getByLabel("Transcript title").fill("Candidate 3, onsite");
    await page.getByLabel("Transcript", { exact: true }).fill(TRANSCRIPT);
    await page.getByRole("button", { name: "Add transcript" }).click();
    await expect(page.getByTestId("chosen-answers").getByRole("listitem")).toHaveCount(3);
    for (const name of INTERVIEWERS)
      await expect(page.getByRole("checkbox", { name, exact: true })).toBeChecked();
    await page.getByRole("button", { name: "Create exercise" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Org design bar");
    await expect(page.getByTestId("progress-item")).toHaveCount(3);
    // The admin who pasted the transcript still knows which answer it is.
    await expect(page.getByText("Candidate 3, onsite")).toBeVisible();
    await expect(page.getByRole("button", { name: "Reveal results now" })).toBeDisabled();
    const exerciseUrl = page.url();

    /* ── Each interviewer scores blind, in a separate browser context ── */
    const contexts = await Promise.all(INTERVIEWERS.map(() => browser.newContext()));
    const panel = {} as Record<Interviewer, Page>;
    for (const [i, name] of INTERVIEWERS.entries()) {
      const context = contexts[i];
      if (!context) throw new Error(`no browser context for ${name}`);
      const p = await context.newPage();
      panel[name] = p;
      await p.goto(links[name] ?? "");
      await expect(p.getByRole("heading", { level: 1 })).toHaveText("Platform director hiring");
      // The secret is gone from the address bar once exchanged.
      expect(p.url()).not.toContain("token=");
      await expect(p.getByText(`Signed in as ${name}`)).toBeVisible();
      await p.getByTestId("exercise-card").getByRole("link", { name: "Org design bar" }).click();
      await expect(p.getByRole("navigation", { name: "Answers" }).getByRole("button")).toHaveCount(3);
      // Interviewers never see an example's level.
      for (const level of ["Weak answer", "Strong director", "VP-level answer", "Strong EM, too tactical"]) {
        await expect(p.getByText(level)).toHaveCount(0);
      }
      // Nor a transcript's title, which would say who the candidate was: only "Answer C".
      await expect(p.getByText("Candidate 3")).toHaveCount(0);
      await expect(p.getByRole("navigation", { name: "Answers" })).toContainText("Answer C");
    }

    // The scoring page works on a phone.
    await panel.Ana.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalOverflow(panel.Ana);
    await panel.Ana.setViewportSize({ width: 1280, height: 720 });

    // Submitting with gaps is refused and the gaps are marked.
    await panel.Ana.getByTestId("answer-card").getByRole("radio").first().click();
    await panel.Ana.getByRole("button", { name: "Submit my scores" }).click();
    await expect(panel.Ana.getByText(/still need a score/)).toBeVisible();
    await expect(panel.Ana.locator('fieldset[aria-invalid="true"]').first()).toBeVisible();
    // Focus lands on the first dimension still unscored.
    await expect(
      panel.Ana.locator('fieldset[aria-invalid="true"]').first().getByRole("radio").first(),
    ).toBeFocused();

    for (const name of INTERVIEWERS) {
      const p = panel[name];
      await scoreEverything(p, ROUND_1[name]);
      if (name === "Chi") {
        await p.getByRole("navigation", { name: "Answers" }).getByRole("button").first().click();
        await expect(p.getByTestId("answer-card").getByRole("heading", { level: 3 })).toHaveText("Answer A");
        await p
          .getByTestId("answer-card")
          .getByLabel(/^Comment/)
          .first()
          .fill("No evidence of spans or layers.");
        await expect(p.getByText(/^Saved at \d/)).toBeVisible();
        await expect(p.getByRole("navigation", { name: "Answers" })).toContainText("✓");
        await fullHeightScreenshot(p, "calibration-exercise");
      }
      await submitScores(p);
      if (name !== "Chi") {
        // Blind: no results and nobody else's scores until the panel is done.
        await expect(p.getByTestId("submitted")).toContainText(/Waiting for \d more interviewer/);
        await expect(p.getByRole("link", { name: "See the results" })).toHaveCount(0);
      }
    }
    await expect(panel.Chi.getByTestId("submitted")).toContainText("Results are revealed");

    /* ── Results: charts, heatmap, and a flag naming the harsh interviewer ── */
    await page.goto(exerciseUrl);
    await expect(page.getByTestId("results-ready")).toBeVisible();
    await page.getByRole("link", { name: "See the results" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Org design bar");
    await expect(
      page.getByTestId("severity-chart").locator(".recharts-wrapper > svg.recharts-surface"),
    ).toBeVisible();
    await expect(
      page.getByTestId("agreement-chart").locator(".recharts-wrapper > svg.recharts-surface"),
    ).toBeVisible();
    await expect(page.getByTestId("severity-chart").locator(".recharts-bar-rectangle")).toHaveCount(3);
    await expect(page.getByTestId("severity-chart").locator(".recharts-errorBar")).toHaveCount(3);
    await expect(page.getByTestId("heatmap-cell")).toHaveCount(9);
    const harsh = page.locator('[data-testid="flag"][data-kind="rater-offset"]', { hasText: "Chi" });
    await expect(harsh).toHaveCount(1);
    await expect(harsh).toContainText("harsher");
    await expect(page.locator('[data-testid="flag"][data-kind="split-answer"]').first()).toBeVisible();
    await expect(page.getByTestId("rater-table").getByRole("row", { name: /Chi/ })).toContainText("−");
    // Chi gave 1 everywhere, far below the bank examples' reference scores; the distributions show it.
    const chiRow = page.getByTestId("rater-table").getByRole("row", { name: /Chi/ });
    await expect(chiRow.locator("td").nth(1)).toContainText(/−\d/);
    await expect(
      page
        .getByTestId("dimension-table")
        .getByRole("img", { name: /Scores given: \d+ × 1/ })
        .first(),
    ).toBeVisible();
    await expect(page.getByText("No evidence of spans or layers.")).toBeVisible();

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe("org-design-bar-results.csv");
    const csv = await readFile((await csvDownload.path()) as string, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^round,section,dimension,interviewer,answer,/);
    expect(csv).toContain("interviewer,,");
    expect(csv).toMatch(/\r\n1,interviewer,,Chi,/);
    expect(csv).not.toContain("Candidate 3");
    const [jsonDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    const json = JSON.parse(await readFile((await jsonDownload.path()) as string, "utf8"));
    expect(json.rounds).toHaveLength(1);
    expect(Object.values(json.raterNames).sort()).toEqual([...INTERVIEWERS]);

    // The raw ratings come out in the analysis page's own format, and back in they give the same numbers.
    const [ratingsDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export ratings (CSV)" }).click(),
    ]);
    expect(ratingsDownload.suggestedFilename()).toBe("org-design-bar-ratings.csv");
    const ratingsCsv = await readFile((await ratingsDownload.path()) as string, "utf8");
    expect(ratingsCsv.split("\r\n")[0]).toBe("rater,subject,dimension,score");
    expect(ratingsCsv).not.toContain("Candidate 3");
    const cellsHere = (await page.getByTestId("heatmap-cell").allTextContents()).sort();
    const dimensionRows = (p: typeof page) =>
      p.getByTestId("dimension-table").locator("tbody tr").allTextContents();
    const dimensionsHere = (await dimensionRows(page)).sort();
    expect(cellsHere).toHaveLength(9);
    expect(dimensionsHere.length).toBeGreaterThan(0);
    const analyzer = await page.context().newPage();
    await analyzer.goto("/calibration/analyze");
    await analyzer.getByLabel("Choose a CSV file").setInputFiles({
      name: "org-design-bar-ratings.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(ratingsCsv),
    });
    await expect(analyzer.getByTestId("analysis-results")).toBeVisible();
    expect((await analyzer.getByTestId("heatmap-cell").allTextContents()).sort()).toEqual(cellsHere);
    expect((await dimensionRows(analyzer)).sort()).toEqual(dimensionsHere);
    await analyzer.close();
    await screenshot(page, "calibration-results");

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalOverflow(page);
    await screenshot(page, "calibration-results-mobile");
    await page.setViewportSize({ width: 1280, height: 720 });

    /* ── After discussion: a re-score round, and the comparison ── */
    await page.goto(exerciseUrl);
    await page.getByRole("button", { name: "Open a re-score round" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Open re-score round" }).click();
    await expect(page.getByText("Re-score round 2 is open")).toBeVisible();
    for (const name of INTERVIEWERS) {
      const p = panel[name];
      await p.reload();
      await expect(p.getByRole("heading", { name: "Your scores for round 2" })).toBeVisible();
      await scoreEverything(p, ROUND_2);
      await submitScores(p);
    }
    await page.goto(`${exerciseUrl}/results`);
    const comparison = page.getByTestId("comparison");
    await expect(comparison).toBeVisible();
    await expect(page.getByTestId("verdict")).toContainText("The bar converged");
    await expect(
      page.getByTestId("comparison-chart").locator(".recharts-wrapper > svg.recharts-surface"),
    ).toBeVisible();
    await expect(page.getByTestId("comparison-raters").getByRole("row", { name: /Chi/ })).toContainText(
      /offset shrank|On the bar/,
    );
    await expect(page.getByRole("tab", { name: "Round 2 (latest)" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await screenshot(page, "calibration-comparison");
    await page.getByRole("tab", { name: "Round 1" }).click();
    await expect(
      page.locator('[data-testid="flag"][data-kind="rater-offset"]', { hasText: "Chi" }),
    ).toBeVisible();

    /* ── The loop's pooled results, across its revealed exercises ── */
    await page.goto(workspaceUrl);
    await page.getByRole("link", { name: "Pooled results" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Director of Engineering, Platform");
    await expect(
      page.getByTestId("agreement-chart").locator(".recharts-wrapper > svg.recharts-surface"),
    ).toBeVisible();
    await expect(page.getByTestId("heatmap-cell")).toHaveCount(9);
    await expect(page.getByTestId("heatmap")).toContainText("Org design bar · Answer A");

    /* ── Revoking a link signs its holder out, with a clear message ── */
    await page.goto(workspaceUrl);
    await page.getByRole("button", { name: "Revoke Chi’s link" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke link" }).click();
    await expect(page.getByTestId("member-row").filter({ hasText: "Chi" })).toContainText("Revoked");
    await panel.Chi.reload();
    await expect(panel.Chi.getByRole("heading", { level: 1 })).toHaveText(
      /sign-in to this workspace has ended/,
    );
    await expect(panel.Chi.getByText(/revoked/)).toBeVisible();
    await panel.Chi.goto(links.Chi ?? "");
    await expect(panel.Chi.getByRole("heading", { level: 1 })).toHaveText("This link has been revoked");
    await Promise.all(contexts.map((c) => c.close()));
  });

  test("analyses an uploaded CSV of ratings and names a bad line", async ({ page }) => {
    await page.goto("/calibration");
    await page.getByRole("link", { name: "Analyse exported ratings (CSV)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Analyse exported ratings");

    const rows = ["rater,subject,dimension,score"];
    const raters = ["Dana", "Eli", "Fay"];
    for (const [r, rater] of raters.entries()) {
      for (let s = 1; s <= 5; s++) {
        for (const [d, dimension] of ["Structure", "Trade-offs"].entries()) {
          const base = ((s + d) % 4) + 1;
          rows.push(`${rater},Candidate ${s},${dimension},${r === 2 ? Math.max(1, base - 2) : base}`);
        }
      }
    }
    await page.getByLabel("Choose a CSV file").setInputFiles({
      name: "ratings.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${rows.join("\n")}\n`),
    });
    const results = page.getByTestId("analysis-results");
    await expect(results).toBeVisible();
    await expect(results).toContainText("30 ratings from 3 raters on 2 dimensions");
    await expect(
      results.getByTestId("severity-chart").locator(".recharts-wrapper > svg.recharts-surface"),
    ).toBeVisible();
    await expect(
      results.getByTestId("agreement-chart").locator(".recharts-wrapper > svg.recharts-surface"),
    ).toBeVisible();
    await expect(results.getByTestId("heatmap-cell")).toHaveCount(15);
    await expect(
      results.locator('[data-testid="flag"][data-kind="rater-offset"]', { hasText: "Fay" }),
    ).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      results.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ratings-results.csv");
    expect((await readFile((await download.path()) as string, "utf8")).split("\r\n")[0]).toContain(
      "alpha_ordinal",
    );

    // The same ratings from a spreadsheet that separates fields with semicolons read the same.
    const summaryText = await results.getByTestId("heatmap-cell").allTextContents();
    await page.getByLabel("Choose a CSV file").setInputFiles({
      name: "ratings-semicolon.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${rows.map((row) => row.replaceAll(",", ";")).join("\r\n")}\r\n`),
    });
    await expect(results).toContainText("30 ratings from 3 raters on 2 dimensions");
    await expect(page.getByTestId("csv-error")).toHaveCount(0);
    expect(await results.getByTestId("heatmap-cell").allTextContents()).toEqual(summaryText);

    // A bad line: the server's message, naming the line, next to the upload.
    await page.getByLabel("Choose a CSV file").setInputFiles({
      name: "broken.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "rater,subject,dimension,score\nDana,Candidate 1,Structure,3\nEli,Candidate 1,Structure,three\n",
      ),
    });
    await expect(page.getByTestId("csv-error")).toContainText("Line 3: score 'three' is not a whole number.");
    await expect(results).toHaveCount(0);

    // An off-scale score, named by line, and the scale control changes the verdict.
    await page
      .getByLabel("Or paste the CSV")
      .fill("rater,subject,dimension,score\nDana,C1,Structure,3\nEli,C1,Structure,5\n");
    await page.getByRole("button", { name: "Analyse pasted CSV" }).click();
    await expect(page.getByTestId("csv-error")).toContainText("line 3: score 5 is outside the scale 1–4");
    await page.getByLabel("Highest score").fill("5");
    await page.getByRole("button", { name: "Analyse pasted CSV" }).click();
    await expect(page.getByTestId("analysis-results")).toBeVisible();
    await expect(page.getByTestId("csv-error")).toHaveCount(0);

    // The sample is downloadable and analysable.
    const [sample] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the sample CSV" }).click(),
    ]);
    expect((await readFile((await sample.path()) as string, "utf8")).split("\r\n")[0]).toBe(
      "rater,subject,dimension,score",
    );

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalOverflow(page);
  });

  test("clears each loop-editor error as soon as its field is fixed, including by the typical loop", async ({
    page,
  }) => {
    await page.goto("/calibration");
    await page.getByLabel("Workspace name").fill("Error clearing");
    await page.getByLabel("Your name").fill("Maya");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.getByRole("button", { name: /open the workspace/ }).click();
    await page.getByRole("link", { name: "New loop" }).click();

    await page.getByRole("button", { name: "Save loop" }).click();
    const summary = page.getByText("Some fields need attention before the loop can be saved.");
    await expect(summary).toBeVisible();
    const loopName = page.getByLabel("Loop name");
    await expect(loopName).toHaveAttribute("aria-invalid", "true");
    const round1 = page.getByTestId("loop-round").nth(0);
    await expect(round1.locator('[aria-invalid="true"]').first()).toBeVisible();

    // The typical loop fills every round: the rounds' errors go, the empty name's stays.
    await page.getByRole("button", { name: "Start from a typical director loop" }).click();
    await expect(page.getByTestId("loop-round").first().locator('[aria-invalid="true"]')).toHaveCount(0);
    await expect(loopName).toHaveAttribute("aria-invalid", "true");
    await expect(summary).toBeVisible();

    await loopName.fill("Director loop");
    await expect(loopName).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
    await expect(summary).toHaveCount(0);
  });

  test("explains an invalid link and a missing sign-in", async ({ page }) => {
    await page.goto(`/calibration/join#token=${"x".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link is not valid");
    await expect(page.getByText("Ask the workspace admin for a new one.")).toBeVisible();
    expect(page.url()).not.toContain("token=");

    await page.goto("/calibration/join");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page needs your personal link");

    await page.goto("/calibration/w/abcdefgh12345678");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "You are not signed in to this workspace here",
    );
    await expect(page.getByText("open your link again")).toBeVisible();
  });
});
