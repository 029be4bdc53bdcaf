import { screenshot } from "../support/screenshot.js";
import { expect, type Page, test } from "../support/test.js";

/**
 * What a new admin trips over after the first calibration: an ATS export whose headers differ,
 * a five-round loop's coverage matrix, interviewers who have not started (a due date, who is
 * late, a re-sent link) and the panel against the bank's reference scores.
 */

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

type Api = Page["request"];

async function createWorkspace(request: Api) {
  const created = await (
    await request.post("/api/workspaces", { data: { name: "Panel follow-ups", adminName: "Maya" } })
  ).json();
  const session = await (
    await request.post("/api/workspaces/sessions", { data: { token: created.adminToken } })
  ).json();
  return {
    id: created.workspace.id as string,
    adminToken: created.adminToken as string,
    admin: session.credential as string,
  };
}

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });
const joinLink = (token: string) => `/calibration/join#token=${token}`;

async function signIn(page: Page, token: string, heading = "Panel follow-ups") {
  await page.goto(joinLink(token));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("calibration follow-ups", () => {
  test("an ATS export is mapped column by column and analysed exactly as the canonical headers", async ({
    page,
  }) => {
    await page.setViewportSize(DESKTOP);
    const raters = ["Dana", "Eli", "Fay"];
    const canonical = ["rater,subject,dimension,score"];
    const ats = ["Candidate;Reviewer;Criterion;Rating;Stage"];
    for (const [r, rater] of raters.entries()) {
      for (let s = 1; s <= 5; s++) {
        for (const [d, dimension] of ["Structure", "Trade-offs"].entries()) {
          const base = ((s + d) % 4) + 1;
          const score = r === 2 ? Math.max(1, base - 2) : base;
          canonical.push(`${rater},Candidate ${s},${dimension},${score}`);
          ats.push(`Candidate ${s};${rater};${dimension};${score};Onsite`);
        }
      }
    }
    await page.goto("/calibration/analyze");
    await page.getByLabel("Choose a CSV file").setInputFiles({
      name: "ratings.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${canonical.join("\n")}\n`),
    });
    const results = page.getByTestId("analysis-results");
    await expect(results).toContainText("30 ratings from 3 raters on 2 dimensions");
    await expect(page.getByTestId("column-mapping")).toHaveCount(0);
    const heatmap = await results.getByTestId("heatmap-cell").allTextContents();
    const dimensions = await results.getByTestId("dimension-table").locator("tbody tr").allTextContents();

    await page.getByLabel("Choose a CSV file").setInputFiles({
      name: "ats-export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${ats.join("\r\n")}\r\n`),
    });
    const mapping = page.getByTestId("column-mapping");
    await expect(mapping.getByRole("heading", { name: "Which column is which?" })).toBeFocused();
    await expect(results).toHaveCount(0);
    // Best guesses from the header, pre-selected.
    await expect(mapping.getByLabel("Rater")).toHaveValue("Reviewer");
    await expect(mapping.getByLabel("Subject")).toHaveValue("Candidate");
    await expect(mapping.getByLabel("Dimension")).toHaveValue("Criterion");
    await expect(mapping.getByLabel("Score")).toHaveValue("Rating");
    await expect(mapping.getByTestId("mapping-preview").locator("tbody tr")).toHaveCount(5);
    await expect(mapping.getByTestId("mapping-preview").locator("thead th").nth(4)).toContainText("Not used");

    // A duplicate and an unmapped column are named next to their fields.
    await mapping.getByLabel("Subject").selectOption("Reviewer");
    await mapping.getByLabel("Score").selectOption("");
    await mapping.getByRole("button", { name: "Analyse with these columns" }).click();
    await expect(mapping.getByTestId("mapping-error")).toContainText("3 columns need attention");
    await expect(mapping.getByText("'Reviewer' is also chosen for the subject")).toBeVisible();
    await expect(mapping.getByText("Choose the column that holds the score.")).toBeVisible();
    await expect(mapping.getByLabel("Rater")).toBeFocused();
    await screenshot(page, "calibration-csv-mapping-errors");

    await mapping.getByLabel("Subject").selectOption("Candidate");
    await mapping.getByLabel("Score").selectOption("Rating");
    await expect(mapping.getByTestId("mapping-error")).toHaveCount(0);
    await screenshot(page, "calibration-csv-mapping");
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page);
    await screenshot(page, "calibration-csv-mapping-mobile");
    await page.setViewportSize(DESKTOP);

    await mapping.getByRole("button", { name: "Analyse with these columns" }).click();
    await expect(results).toContainText("30 ratings from 3 raters on 2 dimensions");
    expect(await results.getByTestId("heatmap-cell").allTextContents()).toEqual(heatmap);
    expect(await results.getByTestId("dimension-table").locator("tbody tr").allTextContents()).toEqual(
      dimensions,
    );
  });

  test("a typical five-round loop's coverage matrix shows every round at 1440 and points to hidden overlaps on a phone", async ({
    page,
  }) => {
    await page.setViewportSize(DESKTOP);
    const ws = await createWorkspace(page.request);
    await signIn(page, ws.adminToken);
    await page.getByRole("link", { name: "New loop" }).click();
    await page.getByLabel("Loop name").fill("Director of Engineering");
    await page.getByRole("button", { name: "Start from a typical director loop" }).click();
    const matrix = page.getByTestId("coverage-matrix");
    await expect(matrix.locator("th.coverage__round")).toHaveCount(5);
    await expect(matrix.getByRole("row", { name: /^Managing managers/ })).toHaveAttribute(
      "data-status",
      "overlap",
    );
    const region = matrix.getByRole("region", { name: "Coverage: competencies by round" });
    await expect(region).toHaveAttribute("tabindex", "0");

    const layout = () =>
      matrix.evaluate((root) => {
        const box = root.querySelector(".coverage__scroll") as HTMLElement;
        const frame = box.getBoundingClientRect();
        return Array.from(root.querySelectorAll<HTMLElement>("th.coverage__round")).map((th) => {
          const name = th.querySelector(".coverage__round-name") as HTMLElement;
          const rect = th.getBoundingClientRect();
          // A word broken across two lines ("Executio / n") has two line boxes.
          const text = name.firstChild as Text;
          const broken: string[] = [];
          for (const match of (text.data ?? "").matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index ?? 0);
            range.setEnd(text, (match.index ?? 0) + match[0].length);
            if (range.getClientRects().length > 1) broken.push(match[0]);
          }
          return {
            text: name.textContent,
            broken,
            clipped: name.scrollWidth > name.clientWidth || th.scrollWidth > th.clientWidth,
            inView: rect.left >= frame.left - 1 && rect.right <= frame.right + 1,
          };
        });
      });
    const desktop = await layout();
    expect(desktop.map((h) => h.text)).toEqual([
      "Org design",
      "Strategy and business",
      "Execution with partners",
      "Technical judgment",
      "Leading through change",
    ]);
    for (const header of desktop) expect(header).toMatchObject({ clipped: false, inView: true, broken: [] });
    await expect(page.getByTestId("coverage-offscreen")).toBeEmpty();
    await screenshot(page, "calibration-loop-five-rounds");

    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page);
    const phone = await layout();
    expect(phone.some((h) => !h.inView)).toBe(true);
    for (const header of phone) expect(header.broken, header.text ?? "").toEqual([]);
    // Managing managers overlaps in rounds 1 and 5; round 5 is scrolled out of view.
    await expect(page.getByTestId("coverage-offscreen")).toHaveText(
      /^Overlap flagged in rounds? [\d, and]*5 — scroll the matrix sideways to see/,
    );
    await screenshot(page, "calibration-loop-five-rounds-mobile");
    // Scrolled to the end, round 5 is in view and the notice points back to round 1 instead.
    await region.focus();
    await region.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    await expect(page.getByTestId("coverage-offscreen")).toHaveText(
      "Overlap flagged in round 1 — scroll the matrix sideways to see it.",
    );
  });

  test("a due date marks who is late, a lost link is re-sent, and the admin sees the panel against the reference", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(DESKTOP);
    const ws = await createWorkspace(page.request);
    const people: Record<string, { id: string; token: string; credential: string }> = {};
    for (const name of ["Ana", "Ben"]) {
      const made = await (
        await page.request.post(`/api/workspaces/${ws.id}/members`, {
          headers: bearer(ws.admin),
          data: { name },
        })
      ).json();
      const session = await (
        await page.request.post("/api/workspaces/sessions", { data: { token: made.token } })
      ).json();
      people[name] = { id: made.member.id, token: made.token, credential: session.credential };
    }
    const list = await (await page.request.get("/api/questions?competency=org-design")).json();
    const question = await (await page.request.get(`/api/questions/${list.questions[0].id}`)).json();
    const ana = people.Ana as { id: string; token: string; credential: string };
    const ben = people.Ben as { id: string; token: string; credential: string };
    const exercise = await (
      await page.request.post(`/api/workspaces/${ws.id}/exercises`, {
        headers: bearer(ws.admin),
        data: {
          name: "Org design bar",
          items: [
            { kind: "example", questionId: question.id, exampleId: question.examples[0].id },
            {
              kind: "transcript",
              questionId: question.id,
              title: "Candidate K, onsite March",
              text: "I would start with what the organisation is for over the next year, then shape the teams around it.",
            },
          ],
          interviewerIds: [ana.id, ben.id],
        },
      })
    ).json();
    const exercisePath = `/calibration/w/${ws.id}/exercises/${exercise.id}`;

    await signIn(page, ws.adminToken);
    await page.goto(exercisePath);
    const due = page.getByTestId("due-date");
    await expect(due).toContainText("No due date");

    // The admin sets a due date on their own clock.
    await due.getByRole("button", { name: "Set a due date" }).click();
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setHours(17, 0, 0, 0);
    const pad = (n: number) => String(n).padStart(2, "0");
    const local = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T17:00`;
    await page.getByLabel("Due", { exact: true }).fill(local);
    await page.getByRole("button", { name: "Save due date" }).click();
    const shown = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat(navigator.language, {
          day: "numeric",
          month: "short",
          year: "numeric",
          hour: "numeric",
          minute: "2-digit",
        }).format(new Date(iso)),
      tomorrow.toISOString(),
    );
    await expect(page.getByTestId("due-date")).toContainText(`Due ${shown}`);
    await expect(page.getByTestId("due-date")).not.toContainText("late");

    // Ana starts; then the due date is moved to a few seconds from now and passes.
    const items = exercise.items as { id: string }[];
    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    const scores = (score: number) =>
      items.flatMap((item) => dims.map((dimension: string) => ({ itemId: item.id, dimension, score })));
    await page.request.put(`/api/workspaces/${ws.id}/exercises/${exercise.id}/scores`, {
      headers: bearer(ana.credential),
      data: { round: 1, scores: scores(3).slice(0, 2) },
    });
    const soon = await page.request.put(`/api/workspaces/${ws.id}/exercises/${exercise.id}/due`, {
      headers: bearer(ws.admin),
      data: { dueAt: new Date(Date.now() + 4_000).toISOString() },
    });
    expect(soon.status()).toBe(200);
    const anaRow = page.getByTestId("progress-item").filter({ hasText: "Ana" });
    const benRow = page.getByTestId("progress-item").filter({ hasText: "Ben" });
    await expect(anaRow).toHaveAttribute("data-late", "true", { timeout: 20_000 });
    await expect(anaRow).toContainText("Late");
    await expect(anaRow).toContainText("In progress");
    await expect(benRow).toContainText("Not started");
    await expect(page.getByTestId("due-date")).toContainText("2 late");
    await screenshot(page, "calibration-exercise-late");

    // Ben lost his link: the admin re-sends it from the progress list.
    await benRow.getByRole("button", { name: "Re-send link for Ben" }).click();
    await page
      .getByRole("alertdialog", { name: "Re-send Ben’s link?" })
      .getByRole("button", { name: "Make a new link" })
      .click();
    await expect(page.getByRole("heading", { name: "New link for Ben" })).toBeFocused();
    const newLink = await page.getByLabel("Ben’s personal link").inputValue();
    expect(newLink).toMatch(/\/calibration\/join#token=[A-Za-z0-9_-]{43}$/);
    expect(newLink).not.toContain(ben.token);
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page);
    await screenshot(page, "calibration-exercise-late-mobile");
    await page.setViewportSize(DESKTOP);

    const benContext = await browser.newContext();
    const benPage = await benContext.newPage();
    await benPage.goto(joinLink(ben.token));
    await expect(benPage.getByRole("heading", { level: 1 })).toHaveText(
      "This link has been replaced by a newer one",
    );
    await expect(benPage.getByText("the workspace admin sent you a newer one")).toBeVisible();
    // A fresh load, as opening the link from a message does (a hash change alone reloads nothing).
    await benPage.goto("about:blank");
    await benPage.goto(newLink.slice(newLink.indexOf("/calibration/")));
    await expect(benPage.getByRole("heading", { level: 1 })).toHaveText("Panel follow-ups");
    await expect(benPage.getByText("Signed in as Ben")).toBeVisible();

    // The panel submits; the admin's results put the panel beside the reference scores.
    const newToken = newLink.slice(newLink.indexOf("token=") + 6);
    const benCredential = (
      await (await page.request.post("/api/workspaces/sessions", { data: { token: newToken } })).json()
    ).credential;
    for (const [credential, score] of [
      [ana.credential, 3],
      [benCredential, 1],
    ] as const) {
      const saved = await page.request.put(`/api/workspaces/${ws.id}/exercises/${exercise.id}/scores`, {
        headers: bearer(credential),
        data: { round: 1, scores: scores(score), submit: true },
      });
      expect(saved.status()).toBe(200);
    }
    await page.goto(`${exercisePath}/results`);
    const comparison = page.getByTestId("reference-comparison");
    await expect(comparison).toBeVisible();
    await expect(comparison.getByRole("heading", { name: "Answer A" })).toBeVisible();
    await expect(comparison.getByRole("heading", { name: "Answer B" })).toHaveCount(0);
    const rows = comparison.getByTestId("reference-row");
    await expect(rows).toHaveCount(dims.length);
    const firstDim = question.rubric.dimensions[0];
    const reference = question.examples[0].scores[firstDim.id] as number;
    const first = rows.filter({ hasText: firstDim.name });
    await expect(first).toContainText(`${reference}`);
    await expect(first).toContainText("1 · 3");
    await expect(first).toContainText("2.0");
    await expect(first).toHaveAttribute(
      "data-tone",
      2 - reference <= -0.5 ? "below" : 2 - reference >= 0.5 ? "above" : "on",
    );
    await comparison.scrollIntoViewIfNeeded();
    await screenshot(page, "calibration-results-reference");
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page);
    await screenshot(page, "calibration-results-reference-mobile");

    // A panellist's results carry no reference scores and no transcript title.
    await benPage.goto(`${exercisePath}/results`);
    await expect(benPage.getByTestId("heatmap-cell").first()).toBeVisible();
    await expect(benPage.getByTestId("reference-comparison")).toHaveCount(0);
    await expect(benPage.getByText("Candidate K")).toHaveCount(0);
    await benContext.close();
  });
});
