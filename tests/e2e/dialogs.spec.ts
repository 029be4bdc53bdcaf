import { expect, type Locator, type Page, test } from "../support/test.js";

/**
 * The modal contract of the ui/ dialogs, in real Chromium: while a dialog is
 * open, Tab and Shift+Tab cycle through its own controls and never reach the
 * page behind; Escape closes it; and focus goes back to the control that
 * opened it.
 */

/** Whether the focused element sits inside `dialog`. */
const focusInside = (dialog: Locator) => dialog.evaluate((node) => node.contains(document.activeElement));

/** The accessible name (here: the text) of the focused element. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

/**
 * Presses `key` more times than the dialog has controls, checking after each
 * press that focus stayed inside, and returns the order it visited them in.
 */
async function cycle(page: Page, dialog: Locator, key: "Tab" | "Shift+Tab", presses: number) {
  const visited: string[] = [];
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press(key);
    expect(await focusInside(dialog), `focus stays in the dialog after ${key} ×${i + 1}`).toBe(true);
    visited.push(await focusedText(page));
  }
  return visited;
}

/** Checks trapping both ways for a dialog whose controls are [first, second], starting on `first`. */
async function expectTrapped(page: Page, dialog: Locator, first: string, second: string) {
  await expect(dialog.getByRole("button", { name: first })).toBeFocused();
  // Forward from the first control: second, then round to the first again, and so on.
  expect(await cycle(page, dialog, "Tab", 4)).toEqual([second, first, second, first]);
  // Backward from the first control: wraps to the last.
  expect(await cycle(page, dialog, "Shift+Tab", 4)).toEqual([second, first, second, first]);
}

test.describe("dialogs", () => {
  test("a practice confirmation traps focus, closes on Escape and hands focus back", async ({ page }) => {
    await page.goto("/practice");
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem("loopwright.practitionerKey")))
      .toBeTruthy();
    const key = await page.evaluate(() => localStorage.getItem("loopwright.practitionerKey"));
    const started = await page.request.post("/api/attempts", {
      headers: { authorization: `Bearer ${key}` },
      data: { competency: "org-design" },
    });
    expect(started.ok()).toBe(true);

    await page.goto("/practice/history");
    const trigger = page
      .getByTestId("attempt-row")
      .first()
      .getByRole("button", { name: /^Delete attempt/ });
    await trigger.focus();
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("alertdialog", { name: "Delete this attempt?" });
    await expect(dialog).toBeVisible();
    // A destructive question starts on the safe answer.
    await expectTrapped(page, dialog, "Cancel", "Delete attempt");

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
    // Escape cancelled: nothing was deleted.
    await expect(page.getByTestId("attempt-row")).toHaveCount(1);

    // Opened again with the mouse, cancelled with the button: focus still comes back.
    await trigger.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
  });

  test("a calibration confirmation traps focus, closes on Escape and hands focus back", async ({ page }) => {
    await page.goto("/calibration");
    await page.getByLabel("Workspace name").fill("Dialog checks");
    await page.getByLabel("Your name").fill("Maya");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.getByRole("button", { name: /open the workspace/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dialog checks");

    await page.getByLabel("Interviewer’s name").fill("Dee");
    await page.getByRole("button", { name: "Create interviewer link" }).click();
    await page.getByRole("button", { name: /Done/ }).click();

    const trigger = page.getByRole("button", { name: "Revoke Dee’s link" });
    await trigger.focus();
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("alertdialog", { name: "Revoke Dee’s link?" });
    await expect(dialog).toBeVisible();
    await expectTrapped(page, dialog, "Cancel", "Revoke link");

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
    await expect(page.getByTestId("member-row").filter({ hasText: "Dee" })).not.toContainText("Revoked");
  });
});
