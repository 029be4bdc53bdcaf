import { readFile } from "node:fs/promises";
import { readCsvTable } from "../support/csv.js";
import { type APIRequestContext, expect, type Locator, type Page, test } from "../support/test.js";

/**
 * Every CSV the web app exports, with interviewer names, an exercise name and
 * comments that a spreadsheet would run as formulas: the exercise results, the
 * loop's pooled results and the analysis of an uploaded CSV. The set-up goes
 * through the API to stay fast; the downloads come from the buttons in
 * Chromium, so the shared writer runs in the browser bundle.
 */

const INTERVIEWERS = ['=HYPERLINK("http://x","y")', "@SUM(A1)", "-2+3"] as const;
const EXERCISE = "+cmd exercise";
const COMMENTS = ['=IMPORTXML("http://x", "//a")', "+1+1, really", '@bad "quoted"\nsecond line'];

/** The statistics columns; everything else holds text. */
const TEXT_COLUMNS = new Set(["section", "dimension", "interviewer", "answer", "flag", "message"]);
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Clicks an export button and reads the file the browser saved. */
async function readDownload(page: Page, button: Locator) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return readCsvTable(await readFile((await download.path()) as string, "utf8"));
}

/** No text cell may start a formula; the only cells starting with - are numbers in statistics columns. */
function expectNeutralised({ header, rows }: ReturnType<typeof readCsvTable>) {
  expect(header).toContain("message");
  for (const row of rows) {
    for (const [column, cell] of Object.entries(row)) {
      if (!FORMULA_START.test(cell)) continue;
      expect(TEXT_COLUMNS.has(column), `${column}: ${JSON.stringify(cell)}`).toBe(false);
      expect(cell).toMatch(NUMBER);
    }
  }
}

async function api(
  request: APIRequestContext,
  method: "GET" | "POST" | "PUT",
  url: string,
  credential?: string,
  data?: unknown,
) {
  const res = await request.fetch(url, {
    method,
    headers: credential ? { authorization: `Bearer ${credential}` } : {},
    ...(data === undefined ? {} : { data }),
  });
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return res.json();
}

test.describe("CSV exports", () => {
  test("neutralise formula-like names and comments in exercise, loop and upload results", async ({
    page,
  }) => {
    const { request } = page;
    /* ── A workspace, a loop, an exercise and three interviewers with hostile names ── */
    const created = await api(request, "POST", "/api/workspaces", undefined, {
      name: "CSV safety",
      adminName: "Maya",
    });
    const ws: string = created.workspace.id;
    const admin = (
      await api(request, "POST", "/api/workspaces/sessions", undefined, { token: created.adminToken })
    ).credential as string;
    const interviewers = [];
    for (const name of INTERVIEWERS) {
      const made = await api(request, "POST", `/api/workspaces/${ws}/members`, admin, { name });
      const session = await api(request, "POST", "/api/workspaces/sessions", undefined, {
        token: made.token,
      });
      interviewers.push({ id: made.member.id as string, credential: session.credential as string });
    }
    const loop = await api(request, "POST", `/api/workspaces/${ws}/loops`, admin, {
      name: "Director loop",
      rounds: [{ name: "Org design", durationMinutes: 45, competencies: ["org-design"] }],
    });
    const list = await api(request, "GET", "/api/questions?competency=org-design");
    const question = await api(request, "GET", `/api/questions/${list.questions[0].id}`);
    const exercise = await api(request, "POST", `/api/workspaces/${ws}/exercises`, admin, {
      name: EXERCISE,
      loopId: loop.id,
      items: question.examples.slice(0, 2).map((e: { id: string }) => ({
        kind: "example",
        questionId: question.id,
        exampleId: e.id,
      })),
      interviewerIds: interviewers.map((i) => i.id),
    });

    /* ── Everyone scores, the last one harsher, each leaving one comment; submitting reveals ── */
    const dims: string[] = question.rubric.dimensions.map((d: { id: string }) => d.id);
    for (const [n, interviewer] of interviewers.entries()) {
      const scores = exercise.items.flatMap((item: { id: string }, i: number) =>
        dims.map((dimension, d) => ({
          itemId: item.id,
          dimension,
          score: n === 2 ? 1 : Math.min(4, 2 + ((i + d) % 3)),
          comment: i === 0 && d === 0 ? (COMMENTS[n] ?? "") : "",
        })),
      );
      await api(
        request,
        "PUT",
        `/api/workspaces/${ws}/exercises/${exercise.id}/scores`,
        interviewer.credential,
        {
          round: 1,
          scores,
          submit: true,
        },
      );
    }

    /* ── The admin signs in with the link in the browser and exports the exercise's results ── */
    await page.goto(`/calibration/join#token=${created.adminToken}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("CSV safety");
    await page.goto(`/calibration/w/${ws}/exercises/${exercise.id}/results`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(EXERCISE);
    await expect(page.getByText(COMMENTS[0] ?? "")).toBeVisible();
    const results = await readDownload(page, page.getByRole("button", { name: "Export CSV" }));
    expectNeutralised(results);
    const interviewerCells = results.rows
      .filter((r) => r.section === "interviewer")
      .map((r) => r.interviewer);
    expect(interviewerCells.sort()).toEqual(INTERVIEWERS.map((name) => `'${name}`).sort());
    const comments = results.rows.filter((r) => r.section === "comment");
    expect(comments.map((r) => r.message).sort()).toEqual(COMMENTS.map((c) => `'${c}`).sort());
    const firstDimension = question.rubric.dimensions[0].name as string;
    for (const row of comments) {
      expect(row.round).toBe("1");
      expect(row.answer).toBe("Answer A");
      expect(row.dimension).toBe(firstDimension);
    }
    expect(comments.map((r) => r.interviewer).sort()).toEqual(interviewerCells.sort());
    // A flag message starts with the interviewer's name, so it needs neutralising too.
    const flagged = results.rows.filter((r) => r.section === "flag" && r.flag === "rater-offset");
    expect(flagged.map((r) => r.message)).toContainEqual(expect.stringMatching(/^'-2\+3 scores /));

    /* ── The loop's pooled results label each answer with the exercise's name ── */
    await page.goto(`/calibration/w/${ws}/loops/${loop.id}/results`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Director loop");
    const pooled = await readDownload(page, page.getByRole("button", { name: "Export CSV" }));
    expectNeutralised(pooled);
    const answers = pooled.rows.filter((r) => r.section === "answer_mean").map((r) => r.answer);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer).toMatch(/^'\+cmd exercise · Answer [AB]$/);

    /* ── An uploaded CSV: the server analyses it, the browser writes the export ── */
    await page.goto("/calibration/analyze");
    const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const upload = ["rater,subject,dimension,score"];
    for (const [r, rater] of INTERVIEWERS.entries()) {
      for (let s = 1; s <= 3; s++) {
        for (const [d, dimension] of ["@Depth", "Trade-offs"].entries()) {
          upload.push(
            [rater, `=Candidate ${s}`, dimension, String(r === 2 ? 1 : ((s + d) % 4) + 1)]
              .map(quoted)
              .join(","),
          );
        }
      }
    }
    await page.getByLabel("Or paste the CSV").fill(upload.join("\n"));
    await page.getByRole("button", { name: "Analyse pasted CSV" }).click();
    const analysis = page.getByTestId("analysis-results");
    await expect(analysis).toBeVisible();
    const uploaded = await readDownload(page, analysis.getByRole("button", { name: "Export CSV" }));
    expectNeutralised(uploaded);
    expect(
      uploaded.rows
        .filter((r) => r.section === "interviewer")
        .map((r) => r.interviewer)
        .sort(),
    ).toEqual(INTERVIEWERS.map((name) => `'${name}`).sort());
    expect(uploaded.rows.filter((r) => r.section === "dimension").map((r) => r.dimension)).toContain(
      "'@Depth",
    );
    expect(uploaded.rows.filter((r) => r.section === "answer_mean").map((r) => r.answer)).toContain(
      "'=Candidate 1",
    );
  });
});
