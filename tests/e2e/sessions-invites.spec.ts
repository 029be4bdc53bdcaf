import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import { peopleForEachTest } from "../support/peer-session.js";
import { screenshot } from "../support/screenshot.js";
import { expect, type Page, test } from "../support/test.js";

/**
 * Around a peer session rather than inside it: a scheduled start with its invites (text and
 * calendar file), every person seeing the start in their own zone, and the end of a session —
 * warnings while the clock runs, focus after each step, the printable report, and a swap that
 * asks first.
 */

interface Question {
  id: string;
  title: string;
  competency: string;
  phases: { id: string; name: string; minutes: number }[];
  rubric: { dimensions: { id: string; name: string }[] };
}

const person = peopleForEachTest({ viewport: { width: 1440, height: 900 }, locale: "en-GB" });

async function firstQuestion(page: Page): Promise<Question> {
  const list = await (await page.request.get("/api/questions?competency=org-design")).json();
  return (await page.request.get(`/api/questions/${list.questions[0].id}`)).json();
}

const activeTestId = (page: Page) =>
  page.evaluate(
    () =>
      (document.activeElement as HTMLElement | null)?.dataset.testid ??
      document.activeElement?.id ??
      document.activeElement?.tagName,
  );

/** The hour and minute of `instant` in `timeZone`, as Intl writes it for en-GB ("10:00"). */
function clockIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(
    new Date(instant),
  );
}

async function fillBasics(host: Page, question: Question) {
  await host.goto("/sessions");
  await host.getByLabel("Search questions").fill(question.title.split(" ").slice(0, 4).join(" "));
  await host.getByRole("radio", { name: question.title }).check();
  await host.getByRole("button", { name: "Done" }).click();
  await host.getByLabel("Your name").fill("Hana");
  await host.getByLabel(/candidate.s name/).fill("Cara");
}

test.describe("scheduled peer sessions and their invites", () => {
  test("a scheduled start reaches the invite, the calendar file and each person's own zone", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const host = await person(browser, "host", { timezoneId: "Europe/Berlin" });
    const question = await firstQuestion(host);
    const minutes = question.phases.reduce((sum, p) => sum + p.minutes, 0);
    await fillBasics(host, question);

    // Three days ahead, 16:00 on the host's (Berlin) wall clock.
    const date = await host.evaluate(() => {
      const d = new Date(Date.now() + 3 * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    // What the browser itself (not the app) says that wall time is in UTC.
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    const instant = await host.evaluate(
      ([year, month, day]) => new Date(year, month - 1, day, 16, 0).toISOString(),
      [y, m, d] as const,
    );
    await expect(host.getByTestId("schedule")).toContainText("In your time zone, Europe/Berlin");
    await host.getByLabel("Date", { exact: true }).fill(date);
    await host.getByLabel("Time (Europe/Berlin)").fill("16:00");
    await expect(host.getByTestId("schedule-preview")).toContainText("16:00 (Europe/Berlin)");
    await expect(host.getByTestId("duration-minutes")).toContainText("As written");
    await screenshot(host, "sessions-create-scheduled");
    await host.setViewportSize({ width: 390, height: 844 });
    await screenshot(host, "sessions-create-scheduled-phone");
    await host.setViewportSize({ width: 1440, height: 900 });

    // ── Create: focus lands on the new heading, which says what happened ──
    await host.getByRole("button", { name: "Create session" }).click();
    await expect(host.getByTestId("created-session")).toBeVisible();
    await expect.poll(() => activeTestId(host)).toBe("ps-created-title");
    await expect(host.locator("#ps-created-title")).toHaveAttribute(
      "aria-label",
      `Session created: ${question.title}`,
    );
    await expect(host.getByTestId("created-when")).toContainText("16:00 (Europe/Berlin)");
    const candidateLink = await host.getByTestId("candidate-link").locator("input").inputValue();

    // ── The invite to paste: what, when (host's zone and UTC), the link, how to join ──
    const invite = host.getByTestId("candidate-invite");
    const text = await invite.getByTestId("invite-text").inputValue();
    expect(text).toContain(candidateLink);
    expect(text).toContain(`${clockIn(instant, "Europe/Berlin")} (Europe/Berlin)`);
    expect(text).toContain(`${clockIn(instant, "UTC")} (UTC)`);
    expect(text).toContain("No account");
    expect(text).not.toContain(question.title); // the candidate learns the question at the reveal
    await invite.getByRole("button", { name: /Copy invite/ }).click();
    await expect(invite).toContainText("Invite copied");
    expect(await host.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // ── The calendar file, parsed as a calendar would ──
    const [download] = await Promise.all([
      host.waitForEvent("download"),
      invite.getByRole("button", { name: /Calendar invite/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("mock-interview-cara.ics");
    const ics = await readFile((await download.path()) as string, "utf8");
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent");
    if (!vevent) throw new Error("the .ics has no VEVENT");
    const event = new ICAL.Event(vevent);
    expect(event.startDate.toJSDate().toISOString()).toBe(instant);
    expect(event.duration.toSeconds()).toBe(minutes * 60);
    expect(event.summary).toBe("Mock interview with Hana");
    expect(vevent.getFirstPropertyValue("url")).toBe(candidateLink);
    expect(event.description).toContain(candidateLink);
    expect(event.uid).toMatch(/@loopwright$/);
    await screenshot(host, "sessions-created-invite");
    await host.setViewportSize({ width: 390, height: 844 });
    await screenshot(host, "sessions-created-invite-phone");
    await host.setViewportSize({ width: 1440, height: 900 });

    // ── Each person sees the same start, in their own zone ──
    await host.getByRole("button", { name: "Open my room" }).click();
    await expect(host.getByTestId("scheduled-start")).toHaveAttribute("data-instant", instant);
    await expect(host.getByTestId("scheduled-start")).toContainText(
      `${clockIn(instant, "Europe/Berlin")} (Europe/Berlin)`,
    );
    const candidate = await person(browser, "candidate", { timezoneId: "America/New_York" });
    await candidate.goto(candidateLink);
    await expect(candidate.getByTestId("your-role")).toHaveText("Candidate");
    await expect(candidate.getByTestId("scheduled-start")).toHaveAttribute("data-instant", instant);
    await expect(candidate.getByTestId("scheduled-start")).toContainText(
      `${clockIn(instant, "America/New_York")} (America/New_York)`,
    );

    // ── A co-interviewer added in the room gets an invite naming the question ──
    const people = host.getByTestId("people-panel");
    await people.getByLabel("Their name").fill("Cole");
    await people.getByRole("button", { name: "Create link" }).click();
    const coInvite = people.locator("[data-testid^='invite-']").filter({ hasText: "Invite for Cole" });
    const coText = await coInvite.getByTestId("invite-text").inputValue();
    expect(coText).toContain(question.title);
    expect(coText).toContain("co-interviewer");
    expect(coText).toContain("/sessions/join#token=");
    expect(coText).toContain("(Europe/Berlin)");
  });

  test("a scheduled start in the past is refused on its field", async ({ browser }) => {
    const host = await person(browser, "host", { timezoneId: "UTC" });
    const question = await firstQuestion(host);
    await fillBasics(host, question);
    await host.getByLabel("Date", { exact: true }).fill("2020-01-01");
    await host.getByLabel("Time (UTC)").fill("09:00");
    await host.getByRole("button", { name: "Create session" }).click();
    await expect(host.getByTestId("schedule")).toContainText("already passed");
    await expect(host.getByLabel("Date", { exact: true })).toBeFocused();
    await host.getByRole("button", { name: /Clear/ }).click();
    await expect(host.getByTestId("schedule-preview")).toHaveText("Not scheduled");
  });
});

test.describe("ending a peer session", () => {
  test("warns while the clock runs, moves focus, drops Live badges, prints cleanly and asks before swapping", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const host = await person(browser, "host");
    const question = await firstQuestion(host);
    await fillBasics(host, question);
    await host.getByRole("button", { name: "Create session" }).click();
    const candidateLink = await host.getByTestId("candidate-link").locator("input").inputValue();
    await host.getByRole("button", { name: "Open my room" }).click();
    await expect(host.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
    const candidate = await person(browser, "candidate");
    await candidate.goto(candidateLink);
    await host.getByRole("button", { name: "Start timer and reveal" }).click();
    await candidate
      .getByTestId("answer-input")
      .fill("## Clarify\n\n- Headcount and **budget** first.\n- Then the manager layer.");
    await expect(host.getByTestId("live-answer")).toContainText("Headcount");
    // The interviewer reads it formatted, as the pad promises, not as "## Clarify".
    await expect(host.getByTestId("live-answer").getByRole("heading", { name: "Clarify" })).toBeVisible();
    await expect(host.getByTestId("live-answer").locator("strong")).toHaveText("budget");
    await expect(host.getByTestId("live-answer")).not.toContainText("##");
    await expect(host.getByTestId("live-badge")).toHaveText("Live");
    await expect(host.getByTestId("connection-status")).toContainText("Live");

    // ── Submitting scores early is asked about, with the time left; Cancel keeps the form ──
    for (const d of question.rubric.dimensions) {
      await host.getByTestId(`dimension-${d.id}`).locator("label").nth(2).click();
    }
    await host.getByTestId("recommendation").getByText("Yes", { exact: true }).click();
    await host.getByRole("button", { name: "Submit scores" }).click();
    const dialog = host.getByRole("alertdialog");
    await expect(dialog.getByTestId("early-warning")).toContainText(/still running: \d+:\d\d of \d+:\d\d/);
    await expect(dialog.getByTestId("early-warning")).toContainText("of the interview left");
    await dialog.getByRole("button", { name: "Keep interviewing" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(host.getByRole("button", { name: "Submit scores" })).toBeVisible();
    await host.getByRole("button", { name: "Submit scores" }).click();
    await host.getByRole("alertdialog").getByRole("button", { name: "Submit now" }).click();
    await expect(host.getByTestId("scores-submitted")).toBeVisible();
    await expect.poll(() => activeTestId(host)).toBe("scores-submitted");

    // ── Releasing early is asked about too; then focus goes to the report ──
    await host.getByRole("button", { name: "Release feedback" }).click();
    await expect(host.getByRole("alertdialog").getByTestId("early-warning")).toContainText("still running");
    await host.getByRole("alertdialog").getByRole("button", { name: "Not yet" }).click();
    await expect(host.getByRole("alertdialog")).toHaveCount(0);
    await expect(host.getByTestId("report")).toHaveCount(0);
    await host.getByRole("button", { name: "Release feedback" }).click();
    await host.getByRole("alertdialog").getByRole("button", { name: "Release now" }).click();
    await expect(host.getByTestId("report")).toBeVisible();
    await expect.poll(() => activeTestId(host)).toBe("ps-report-title");

    // ── No "Live" anywhere once released ──
    for (const page of [host, candidate]) {
      await expect(page.getByTestId("connection-status")).not.toContainText("Live");
      await expect(page.getByTestId("live-badge")).toHaveCount(0);
    }
    await expect(host.getByTestId("answer-final")).toHaveText("Final answer");

    // ── The report renders the answer's Markdown ──
    const report = candidate.getByTestId("report");
    await expect(report.getByTestId("report-answer").getByRole("heading", { name: "Clarify" })).toBeVisible();
    await expect(report.getByTestId("report-answer").locator("strong")).toHaveText("budget");
    await expect(report).not.toContainText("## Clarify");
    await expect(report.getByTestId("report-meta")).toContainText("Hana (host)");
    await expect(report.getByTestId("report-meta")).toContainText("Cara (candidate)");
    await expect(report.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
    await screenshot(candidate, "session-report-screen");
    await candidate.setViewportSize({ width: 390, height: 844 });
    await screenshot(candidate, "session-report-screen-phone");
    await candidate.setViewportSize({ width: 1440, height: 900 });

    // ── Printed: the report alone, with no navigation, controls or bars ──
    for (const page of [candidate, host]) {
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
      await expect(page.locator(".site-header")).toBeHidden();
      await expect(page.locator(".site-footer")).toBeHidden();
      await expect(page.getByTestId("connection-status")).toBeHidden();
      await expect(page.getByTestId("report")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(question.title);
      const visibleButtons = await page.locator("button:visible").count();
      expect(visibleButtons).toBe(0);
    }
    await expect(candidate.getByTestId("answer-input")).toBeHidden();
    await expect(host.getByTestId("release-panel")).toBeHidden();
    await expect(host.getByTestId("scorecard")).toBeVisible();
    await screenshot(candidate, "session-report-print");
    await screenshot(host, "session-scorecard-print");
    for (const page of [candidate, host]) await page.emulateMedia({ media: "screen" });

    // ── Swap asks first, naming the question; the host may pick another or cancel ──
    await host.getByRole("button", { name: "Swap roles" }).click();
    const swapDialog = host.getByRole("alertdialog");
    await expect(swapDialog.getByRole("heading")).toHaveText(/^Swap roles on “.+”\?$/);
    const choices = swapDialog.getByTestId("swap-choice");
    await expect(choices.first()).toBeVisible();
    expect(await choices.count()).toBeGreaterThan(1);
    await expect(choices.first().getByRole("radio")).toBeChecked();
    await screenshot(host, "session-swap-dialog");
    await swapDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(host.getByTestId("swap-banner")).toHaveCount(0);

    await host.getByRole("button", { name: "Swap roles" }).click();
    const second = host.getByRole("alertdialog").getByTestId("swap-choice").nth(1);
    const chosenTitle = (await second.locator(".ps-swapq__title").textContent()) ?? "";
    await second.getByRole("radio").check();
    await expect(host.getByRole("alertdialog").getByRole("heading")).toHaveText(
      `Swap roles on “${chosenTitle}”?`,
    );
    await host.getByRole("alertdialog").getByRole("button", { name: "Swap roles" }).click();
    await expect(candidate.getByTestId("swap-banner")).toContainText("Your next session is ready");
    await candidate.getByRole("button", { name: "Join the next session" }).click();
    await expect(candidate.getByTestId("your-role")).toHaveText("Host");
    await expect(candidate.getByRole("heading", { level: 1 })).toHaveText(chosenTitle);
  });
});
