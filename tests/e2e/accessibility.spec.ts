import type { Question } from "@loopwright/schema";
import { expectAccessible } from "../support/axe.js";
import { type APIRequestContext, type Browser, expect, type Page, test } from "../support/test.js";

/**
 * Issue 16: axe on the key states of every journey, at the desktop and phone
 * sizes a director would show it in. The other specs are checked too (every
 * screenshot and every page open at the end of a test); this one names the
 * states so none is left to chance.
 */

const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const SHOW_MATERIAL = "Show the interviewer material";

/** The longest question with example answers, so a paused attempt has phases to step through. */
async function practiceQuestion(request: APIRequestContext): Promise<Question> {
  const list = await (await request.get("/api/questions")).json();
  const summaries = [...(list.questions as { id: string; durationMinutes: number }[])].sort(
    (a, b) => b.durationMinutes - a.durationMinutes,
  );
  for (const summary of summaries) {
    const question: Question = await (await request.get(`/api/questions/${summary.id}`)).json();
    if (question.examples.length > 0 && question.phases.length > 1) return question;
  }
  throw new Error("the bank needs a question with example answers and several phases");
}

async function linkValue(page: Page, testId: string): Promise<string> {
  const value = await page.getByTestId(testId).locator("input").inputValue();
  expect(value).toContain("/sessions/join#token=");
  return value;
}

for (const viewport of VIEWPORTS) {
  const size = { width: viewport.width, height: viewport.height };
  const at = (state: string) => `${state} (${viewport.name})`;

  test.describe(`accessibility at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: size });

    test("home, the question bank, and a question page with its material hidden and revealed", async ({
      page,
    }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page, at("home"));

      await page.goto("/questions");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: /./ }).first()).toBeVisible();
      await expectAccessible(page, at("question bank"));

      const question = await practiceQuestion(page.request);
      await page.goto(`/questions/${question.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);
      await expect(page.getByRole("button", { name: SHOW_MATERIAL })).toBeVisible();
      await expectAccessible(page, at("question page, material hidden"));

      await page.getByRole("button", { name: SHOW_MATERIAL }).click();
      await expect(page.getByRole("heading", { name: "Rubric", exact: true })).toBeVisible();
      // Open every example answer, so their headings and tables are checked too.
      for (const summary of await page.locator("details > summary").all()) {
        if (!(await summary.evaluate((node) => (node.parentElement as HTMLDetailsElement).open)))
          await summary.click();
      }
      await expectAccessible(page, at("question page, material revealed"));
    });

    test("a practice attempt in each phase, over time, handing in, self-score, review and history", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const question = await practiceQuestion(page.request);
      await page.goto(`/questions/${question.id}`);
      await page.getByRole("button", { name: "Practise this question" }).click();
      await expect(page).toHaveURL(/\/practice\/attempts\/[A-Za-z0-9_-]{8,}$/);
      // Paused, so each phase stays on screen while it is checked (practice runs 200 times faster here).
      // On a phone the sticky compact timer repeats Pause/Resume; either one drives the same clock.
      await page.getByRole("button", { name: "Pause" }).first().click();
      await expect(page.getByTestId("timer-state")).toHaveText("Paused");
      await page
        .getByRole("textbox", { name: "Your answer" })
        .fill(
          "First I would ask what the business needs from the team over the next year.\n\n" +
            "Then I would shape the teams around that, and hire the managers before promoting anyone.",
        );
      await expect(page.getByTestId("save-status")).toHaveText("Saved");

      const current = page.getByTestId("current-phase");
      const shown = (await current.textContent()) ?? "";
      const start = question.phases.findIndex((phase) => phase.name === shown);
      expect(start, "the phase shown is one of the question's phases").toBeGreaterThanOrEqual(0);
      for (let index = start; index < question.phases.length; index++) {
        const phase = question.phases[index] as Question["phases"][number];
        await expect(current).toHaveText(phase.name);
        await expectAccessible(page, at(`practice attempt, phase ${index + 1} (${phase.name}), paused`));
        if (index < question.phases.length - 1)
          await page.getByRole("button", { name: "Next phase" }).click();
      }

      await page.getByRole("button", { name: "Resume" }).first().click();
      await expect(page.getByTestId("time-up")).toBeVisible({ timeout: 60_000 });
      await expectAccessible(page, at("practice attempt, over time"));

      await page.getByRole("button", { name: "Submit answer" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Hand in your answer?" });
      await expect(dialog).toBeVisible();
      await expectAccessible(page, at("practice attempt, confirming the hand-in"));
      await dialog.getByRole("button", { name: "Submit answer" }).click();

      await expect(page.getByRole("heading", { name: "Score your answer" })).toBeVisible();
      await page.getByRole("button", { name: "Save my scores and show the review" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Score every dimension first" })).toBeVisible();
      await expectAccessible(page, at("self-score, with the unscored dimensions named"));
      for (const dimension of question.rubric.dimensions) {
        await page
          .getByRole("group", { name: dimension.name })
          .getByRole("radio", { name: dimension.anchors["3"] })
          .check();
      }
      await expectAccessible(page, at("self-score, every dimension scored"));
      await page.getByRole("button", { name: "Save my scores and show the review" }).click();

      await expect(page.getByTestId("attempt-status")).toHaveText("Completed");
      await expect(page.getByTestId("example-answer")).toHaveCount(question.examples.length);
      await expectAccessible(page, at("review"));
      for (const summary of await page.getByTestId("example-answer").locator("summary").all()) {
        if (!(await summary.evaluate((node) => (node.parentElement as HTMLDetailsElement).open)))
          await summary.click();
      }
      await page.getByText("How coverage is matched").click();
      await expectAccessible(page, at("review, every example answer open"));

      await page.goto("/practice/history");
      await expect(page.getByTestId("attempt-row")).toHaveCount(1);
      await expectAccessible(page, at("practice history"));
    });

    test("the sessions home, and a session room as host, candidate and observer", async ({ browser }) => {
      test.setTimeout(180_000);
      const person = async (b: Browser) => (await b.newContext({ viewport: size })).newPage();
      const host = await person(browser);
      await host.goto("/sessions");
      await expect(host.getByRole("heading", { level: 1 })).toHaveText("Peer mock interviews");
      await expectAccessible(host, at("sessions home"));

      await host.getByRole("radio").first().check();
      await host.getByLabel("Your name").fill("Hana");
      await host.getByLabel(/candidate.s name/).fill("Cara");
      await host.getByRole("button", { name: "Create session" }).click();
      const candidateLink = await linkValue(host, "candidate-link");
      await expectAccessible(host, at("sessions home, session created"));
      await host.getByRole("button", { name: "Open my room" }).click();
      await expect(host.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
      await expect(host.getByTestId("your-role")).toHaveText("Host");
      await expectAccessible(host, at("session room, host, before the start"));

      const people = host.getByTestId("people-panel");
      await people.getByLabel("Role").selectOption("observer");
      await people.getByLabel("Their name").fill("Omar");
      await people.getByRole("button", { name: "Create link" }).click();
      const observerLink = await people
        .locator("[data-testid^='issued-link-']", { hasText: "Omar" })
        .locator("input")
        .inputValue();

      const candidate = await person(browser);
      await candidate.goto(candidateLink);
      await expect(candidate.getByTestId("your-role")).toHaveText("Candidate");
      await expect(candidate.getByTestId("waiting")).toBeVisible();
      await expectAccessible(candidate, at("session room, candidate, waiting"));

      await host.getByRole("button", { name: "Start timer and reveal" }).click();
      await expect(candidate.getByTestId("case-prompt")).toBeVisible();
      await candidate.getByTestId("answer-input").fill("First I would clarify what the CEO means by scale.");
      await expect(host.getByTestId("live-answer")).toContainText("clarify what the CEO means");
      await expectAccessible(host, at("session room, host, running"));
      await expectAccessible(candidate, at("session room, candidate, answering"));

      const observer = await person(browser);
      await observer.goto(observerLink);
      await expect(observer.getByTestId("your-role")).toHaveText("Observer", { timeout: 20_000 });
      await expect(observer.getByTestId("case-prompt")).toBeVisible();
      await expectAccessible(observer, at("session room, observer"));

      for (const page of [host, candidate, observer]) await page.context().close();
    });

    test("the calibration home, a workspace, the loop editor's coverage matrix, and analysis results", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.goto("/calibration");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Hold every interviewer to the same bar",
      );
      await expectAccessible(page, at("calibration home"));

      await page.getByLabel("Workspace name").fill("Platform director hiring");
      await page.getByLabel("Your name").fill("Maya");
      await page.getByRole("button", { name: "Create workspace" }).click();
      await expect(page.getByLabel("Your admin link")).toBeVisible();
      await expectAccessible(page, at("calibration home, workspace created"));
      await page.getByRole("button", { name: /open the workspace/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Platform director hiring");
      await expectAccessible(page, at("calibration workspace home"));

      await page.getByRole("link", { name: "New loop" }).click();
      await page.getByRole("button", { name: "Save loop" }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectAccessible(page, at("loop editor, with errors"));
      await page.getByRole("button", { name: "Start from a typical director loop" }).click();
      await page.getByLabel("Loop name").fill("Director of Engineering, Platform");
      await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
      await expect(page.getByTestId("coverage-matrix")).toBeVisible();
      await expectAccessible(page, at("loop editor, a typical loop with its coverage matrix"));
      await page.getByRole("button", { name: "Save loop" }).click();
      await expect(page.getByTestId("coverage-matrix")).toContainText("As saved.");
      await expectAccessible(page, at("loop editor, saved"));

      await page.goto("/calibration/analyze");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Analyse exported ratings");
      await expectAccessible(page, at("analysis page"));
      await page.getByRole("button", { name: "Analyse the sample" }).click();
      await expect(page.getByTestId("analysis-results")).toBeVisible();
      await expectAccessible(page, at("analysis page with results"));
    });
  });
}

test.describe("the accessibility check itself", () => {
  test("rejects a scroll region keyboard users cannot reach, and an image without a text alternative", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, "home as served");

    await page.evaluate(() => {
      const box = document.createElement("div");
      box.id = "unreachable-scroll";
      box.style.cssText = "height: 4rem; overflow-y: auto";
      // axe counts a region as scrolling only when some of its text lies outside the visible box.
      box.innerHTML = Array.from(
        { length: 20 },
        (_, i) => `<p>Line ${i + 1}, only a mouse can scroll to.</p>`,
      ).join("");
      (document.querySelector("main") as HTMLElement).append(box);
    });
    await expect(expectAccessible(page, "home with an unreachable scroll region")).rejects.toThrow(
      /scrollable-region-focusable \(serious\)[^\n]*\n\s+#unreachable-scroll/,
    );

    await page.evaluate(() => {
      document.getElementById("unreachable-scroll")?.remove();
      const image = document.createElement("img");
      image.id = "no-alt";
      image.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
      (document.querySelector("main") as HTMLElement).append(image);
    });
    await expect(expectAccessible(page, "home with an image without alt")).rejects.toThrow(
      /image-alt \(critical\).*\n\s+#no-alt/,
    );

    await page.evaluate(() => {
      document.getElementById("no-alt")?.remove();
      const heading = document.createElement("h4");
      heading.id = "skipped-level";
      heading.textContent = "A heading two levels down";
      (document.querySelector("main h1") as HTMLElement).after(heading);
    });
    await expect(expectAccessible(page, "home with a skipped heading level")).rejects.toThrow(
      /"home with a skipped heading level"[\s\S]*heading-order \(moderate\)/,
    );
    await page.evaluate(() => document.getElementById("skipped-level")?.remove());
  });
});
