import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { hostSession, linkValue, peopleForEachTest } from "../support/peer-session.js";
import { screenshot } from "../support/screenshot.js";
import { expect, type Page, test } from "../support/test.js";

/**
 * Lost links: the host re-issues a participant's link after reloading the
 * tab (the links this browser created survive the reload), the old link is
 * refused with a clear message, the new one joins as the same candidate; after
 * release the candidate keeps the feedback in their practice history.
 */

interface Question {
  id: string;
  title: string;
  rubric: { dimensions: { id: string; name: string }[] };
}

/** A close-up of one part of a page, beside the full-page screenshots. */
const shotPath = (name: string) => path.join(import.meta.dirname, "..", "screenshots", `${name}.png`);

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const person = peopleForEachTest({ viewport: DESKTOP });

/** No serious or critical accessibility violation inside `selector`. */
async function expectAccessible(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function createSession(
  host: Page,
): Promise<{ candidateLink: string; sessionId: string; question: Question }> {
  const { candidateLink, sessionId } = await hostSession(host);
  const title = (await host.getByRole("heading", { level: 1 }).textContent()) ?? "";
  const list = await (await host.request.get("/api/questions")).json();
  const found = list.questions.find((q: { title: string }) => q.title === title);
  const question: Question = await (await host.request.get(`/api/questions/${found.id}`)).json();
  expect(question.title).toBe(title);
  return { candidateLink, sessionId, question };
}

test.describe("lost links", () => {
  test("the host re-issues the candidate's link after a reload; the candidate saves the released feedback to their history", async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const host = await person(browser, "host");
    const { candidateLink, sessionId, question } = await createSession(host);

    // ── The candidate joins and writes part of an answer ──
    const candidate = await person(browser, "candidate");
    await candidate.goto(candidateLink);
    // The first join of a run also loads the room's code: a loaded machine may take a while.
    await expect(candidate.getByTestId("your-role")).toHaveText("Candidate", { timeout: 20_000 });
    await host.getByRole("button", { name: "Start timer and reveal" }).click();
    const answer = "## Clarify\nWho owns the roadmap, and what does scale mean here?";
    await candidate.getByTestId("answer-input").fill(answer);
    await expect(candidate.getByTestId("answer-sync")).toHaveText("Saved");

    // ── The host adds an observer, then reloads the tab ──
    const people = host.getByTestId("people-panel");
    await people.getByLabel("Role").selectOption("observer");
    await people.getByLabel("Their name").fill("Omar");
    await people.getByRole("button", { name: "Create link" }).click();
    const observerLink = await people
      .locator("[data-testid^='issued-link-']", { hasText: "Omar" })
      .locator("input")
      .inputValue();
    await host.reload();
    await expect(host.getByTestId("connection-status")).toHaveAttribute("data-status", "live");

    // Every participant is listed with role and status; the links created on this browser survived.
    const rows = people.getByTestId("person");
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: "Hana" })).toContainText("Host");
    const cara = rows.filter({ hasText: "Cara" });
    await expect(cara).toContainText("Candidate · here");
    await expect(rows.filter({ hasText: "Omar" })).toContainText("Observer · not here");
    await expect(
      people.locator("[data-testid^='issued-link-']", { hasText: "Cara" }).locator("input"),
    ).toHaveValue(candidateLink);
    await expect(
      people.locator("[data-testid^='issued-link-']", { hasText: "Omar" }).locator("input"),
    ).toHaveValue(observerLink);
    await expect(cara.getByRole("button", { name: "Copy link for Cara" })).toBeVisible();
    await people.scrollIntoViewIfNeeded();
    await expectAccessible(host, "[data-testid='people-panel']");
    await screenshot(host, "sessions-links-host-panel-desktop");
    await people.screenshot({ path: shotPath("sessions-links-people-panel-desktop") });

    // ── Re-issue from the list, by keyboard: the dialog says what happens first ──
    const reissueButton = cara.getByRole("button", { name: "Re-issue link for Cara" });
    await reissueButton.focus();
    await host.keyboard.press("Enter");
    const dialog = host.getByRole("alertdialog", { name: "Re-issue Cara’s link?" });
    await expect(dialog).toContainText("stops working immediately");
    await expect(dialog).toContainText("everything they wrote is kept");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await host.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Re-issue link" })).toBeFocused();
    await host.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(host.getByTestId("people-notice")).toContainText("New link for Cara");
    await expect(cara).toContainText("link re-issued at");
    const caraLink = people.locator("[data-testid^='issued-link-']", { hasText: "Cara" }).locator("input");
    await expect(caraLink).not.toHaveValue(candidateLink);
    const newLink = await caraLink.inputValue();
    expect(newLink).toMatch(/\/sessions\/join#token=[A-Za-z0-9_-]{40,}$/);

    // The candidate's open page is disconnected with the reason; the old link says it was replaced.
    await expect(candidate.getByRole("heading", { name: "Your link was replaced" })).toBeVisible();
    await expect(candidate.locator("body")).toContainText("replaced by the host");
    const stranger = await person(browser, "old link");
    await stranger.goto(candidateLink);
    await expect(stranger.getByTestId("join-error")).toContainText("This link was replaced");
    await expect(stranger.getByTestId("join-error")).toContainText("Ask the host for your new link");

    // ── The new link joins as the same candidate, the answer intact ──
    await candidate.goto(newLink);
    await expect(candidate).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
    await expect(candidate.getByTestId("your-role")).toHaveText("Candidate");
    await expect(candidate.getByTestId("answer-input")).toHaveValue(answer);
    await expect(rows.filter({ hasText: "Cara" })).toContainText("Candidate · here");
    await expect(rows).toHaveCount(3);

    // ── Score, release; the candidate keeps the feedback ──
    const feedback = "Clear structure; quantify the trade-offs next time.";
    for (const d of question.rubric.dimensions) {
      await host.getByTestId(`dimension-${d.id}`).locator("label").nth(2).click();
    }
    await host.getByTestId("recommendation").getByText("Yes", { exact: true }).click();
    await host.getByLabel("Written feedback for the candidate").fill(feedback);
    // The clock is still running, so both steps ask first (sessions-invites.spec checks those dialogs).
    await host.getByRole("button", { name: "Submit scores" }).click();
    await host.getByRole("alertdialog").getByRole("button", { name: "Submit now" }).click();
    await expect(host.getByTestId("scores-submitted")).toBeVisible();
    await host.getByRole("button", { name: "Release feedback" }).click();
    await host.getByRole("alertdialog").getByRole("button", { name: "Release now" }).click();
    await expect(candidate.getByTestId("report")).toBeVisible();
    await candidate
      .getByTestId("save-to-history")
      .screenshot({ path: shotPath("sessions-links-save-desktop") });

    const save = candidate.getByTestId("save-to-history");
    await save.getByRole("button", { name: "Save to my practice history" }).click();
    await expect(save.getByTestId("saved-to-history")).toHaveText("Saved — see it in your history");
    await expectAccessible(candidate, "[data-testid='save-to-history']");
    // Saving again (after a reload) does not duplicate it.
    await candidate.reload();
    await candidate.getByRole("button", { name: "Save to my practice history" }).click();
    await expect(candidate.getByTestId("saved-to-history")).toHaveText(
      "Already saved — see it in your history",
    );
    await candidate.getByRole("link", { name: "see it in your history" }).click();

    // ── The history entry and its detail ──
    const detail = candidate.getByTestId("peer-session");
    await expect(detail.getByRole("heading", { level: 1 })).toHaveText(question.title);
    await expect(detail).toContainText("Peer session");
    await expect(detail.getByTestId("peer-verdict")).toHaveText(["HanaYes"]);
    await expect(detail.getByTestId("peer-feedback")).toContainText(feedback);
    await expect(detail.getByTestId("peer-answer").getByRole("heading", { name: "Clarify" })).toBeVisible();
    await expect(detail.getByRole("row", { name: question.rubric.dimensions[0]?.name })).toContainText("3");
    await expectAccessible(candidate, "[data-testid='peer-session']");
    await screenshot(candidate, "sessions-links-history-detail-desktop");

    await candidate.getByRole("link", { name: "History" }).click();
    const entries = candidate.getByTestId("peer-session-row");
    await expect(entries).toHaveCount(1);
    await expect(entries).toContainText("Peer session");
    await expect(entries).toContainText(question.title);
    await expect(entries).toContainText("Hana: Yes");
    // The export carries the saved session even with no solo attempt yet.
    await expect(candidate.getByRole("button", { name: "Export Markdown" })).toBeEnabled();
    await expectAccessible(candidate, "[data-testid='peer-session-list']");
    await screenshot(candidate, "sessions-links-history-desktop");

    await candidate.setViewportSize(PHONE);
    await screenshot(candidate, "sessions-links-history-phone");
    await entries.getByRole("link", { name: question.title }).click();
    await expect(detail).toBeVisible();
    const overflow = await candidate.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(candidate, "sessions-links-history-detail-phone");

    // ── Deleting it from the history, by keyboard; "Delete all history" then has nothing left ──
    await candidate.goBack();
    const remove = entries.getByRole("button", {
      name: `Delete saved peer session: ${question.title}`,
      exact: false,
    });
    await remove.focus();
    await candidate.keyboard.press("Enter");
    const ask = candidate.getByRole("alertdialog", { name: "Delete this saved peer session?" });
    await expect(ask).toContainText("the session itself");
    await ask.getByRole("button", { name: "Delete saved session" }).click();
    await expect(ask).toHaveCount(0);
    await expect(entries).toHaveCount(0);
    await expect(candidate.getByRole("button", { name: "Delete all history" })).toBeDisabled();
    await candidate.reload();
    await expect(candidate.getByRole("heading", { name: "No practice yet" })).toBeVisible();
    await expect(entries).toHaveCount(0);
  });

  test("a host on another device sees everyone, cannot copy links it never had, and can re-issue them", async ({
    browser,
  }) => {
    const host = await person(browser, "host");
    await host.goto("/sessions");
    await host.getByRole("radio").first().check();
    await host.getByLabel("Your name").fill("Hana");
    await host.getByLabel(/candidate.s name/).fill("Cara");
    await host.getByRole("button", { name: "Create session" }).click();
    const hostLink = await linkValue(host, "host-link");
    const candidateLink = await linkValue(host, "candidate-link");

    const phone = await person(browser, "host on a phone");
    await phone.setViewportSize(PHONE);
    await phone.goto(hostLink);
    await expect(phone.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
    const people = phone.getByTestId("people-panel");
    const cara = people.getByTestId("person").filter({ hasText: "Cara" });
    await expect(cara).toContainText("Candidate · not here");
    await expect(cara.getByRole("button", { name: /Copy link/ })).toHaveCount(0);
    await expect(cara).toContainText("This browser doesn’t have Cara’s link");
    await people.scrollIntoViewIfNeeded();
    await screenshot(phone, "sessions-links-host-panel-phone");

    await cara.getByRole("button", { name: "Re-issue link for Cara" }).click();
    await phone.getByRole("alertdialog").getByRole("button", { name: "Re-issue link" }).click();
    await expect(cara.getByRole("button", { name: "Copy link for Cara" })).toBeVisible();
    const newLink = await people
      .locator("[data-testid^='issued-link-']", { hasText: "Cara" })
      .locator("input")
      .inputValue();
    expect(newLink).not.toBe(candidateLink);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, "sessions-links-host-panel-phone-reissued");
    await people.screenshot({ path: shotPath("sessions-links-people-panel-phone") });

    const candidate = await person(browser, "candidate");
    await candidate.goto(candidateLink);
    await expect(candidate.getByTestId("join-error")).toContainText("This link was replaced");
    await candidate.goto(newLink);
    await expect(candidate.getByTestId("your-role")).toHaveText("Candidate");
  });
});
