import { expect, type Page, test } from "../support/test.js";

/**
 * The home page is what most people open first, so it loads the entry script
 * alone: zod and the shared schemas (the `schema` chunk) and every other
 * page's code arrive only with the pages that use them (issue 15: 201 kB of JS
 * on the home page, 107 kB after splitting). A schema module imported from the
 * home page, directly or through a shared component, would pull the chunk back
 * in; the bench reports the size, this catches the regression.
 */

/** The paths of every script the page fetched while loading. */
async function scriptsLoadedBy(page: Page, path: string): Promise<string[]> {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  return scripts;
}

const isSchemaChunk = (path: string) => /^\/assets\/schema-[\w-]+\.js$/.test(path);

test("the home page loads neither the schemas nor another page's code", async ({ page }) => {
  const scripts = await scriptsLoadedBy(page, "/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(scripts.filter(isSchemaChunk)).toEqual([]);
  expect(scripts.filter((path) => /Page-[\w-]+\.js$/.test(path))).toEqual([]);
});

test("a question page loads the schemas it validates its answer with", async ({ page }) => {
  const list = await (await page.request.get("/api/questions")).json();
  const scripts = await scriptsLoadedBy(page, `/questions/${list.questions[0].id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(list.questions[0].title);
  expect(scripts.filter(isSchemaChunk)).toHaveLength(1);
  expect(scripts.some((path) => /\/QuestionPage-[\w-]+\.js$/.test(path))).toBe(true);
});
