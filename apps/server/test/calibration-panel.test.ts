import { beforeAll, describe, expect, it } from "vitest";
import { callJson, getJson, type RunningServer, startServer } from "./helpers.js";

/*
 * The panel's side of an exercise over a real server and SQLite file: a due date and who is
 * late by it (the server's clock is injected and moved), re-sending an interviewer's lost
 * link, and the panel's scores beside the reference scores, for the admin's eyes only.
 */

const START = Date.parse("2026-03-02T09:00:00.000Z");
let clock = START;
const HOUR = 3_600_000;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({}, { now: () => clock });
});

const send = (method: string, path: string, credential: string | null, body?: unknown) =>
  callJson(server.url, method, path, body, credential ?? undefined);

const exchange = (token: string) => send("POST", "/api/workspaces/sessions", null, { token });

interface Person {
  id: string;
  token: string;
  credential: string;
}

let ws: string;
let admin: string;
const people: Record<string, Person> = {};
let question: any;
let exerciseId: string;

function walk(value: unknown, visit: (v: unknown) => void): void {
  visit(value);
  if (value && typeof value === "object") for (const v of Object.values(value)) walk(v, visit);
}

beforeAll(async () => {
  const created = await send("POST", "/api/workspaces", null, { name: "Panel", adminName: "Maya" });
  ws = created.body.workspace.id;
  admin = (await exchange(created.body.adminToken)).body.credential;
  for (const name of ["Ana", "Ben", "Chi"]) {
    const made = await send("POST", `/api/workspaces/${ws}/members`, admin, { name });
    const session = await exchange(made.body.token);
    people[name] = { id: made.body.member.id, token: made.body.token, credential: session.body.credential };
  }
  const list = (await getJson(`${server.url}/api/questions?competency=org-design`)).body;
  question = (await getJson(`${server.url}/api/questions/${list.questions[0].id}`)).body;
});

const person = (name: string): Person => {
  const p = people[name];
  if (!p) throw new Error(`no ${name}`);
  return p;
};
const exercisePath = () => `/api/workspaces/${ws}/exercises/${exerciseId}`;

function exerciseBody(over: Record<string, unknown> = {}) {
  return {
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
    interviewerIds: [person("Ana").id, person("Ben").id, person("Chi").id],
    ...over,
  };
}

/** Every dimension of every answer scored `score(itemIndex, dimIndex)`. */
function allScores(items: { id: string }[], score: (item: number, dim: number) => number) {
  const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
  return items.flatMap((item, i) =>
    dims.map((dimension: string, d: number) => ({ itemId: item.id, dimension, score: score(i, d) })),
  );
}

describe("an exercise's due date", () => {
  it("is refused when it is not a date, or already past by the server's clock", async () => {
    const notDate = await send(
      "POST",
      `/api/workspaces/${ws}/exercises`,
      admin,
      exerciseBody({ dueAt: "Friday" }),
    );
    expect(notDate.status).toBe(400);
    expect(notDate.body.message).toContain("the due date must be a date and time");

    const past = await send(
      "POST",
      `/api/workspaces/${ws}/exercises`,
      admin,
      exerciseBody({ dueAt: new Date(START - HOUR).toISOString() }),
    );
    expect(past.status).toBe(400);
    expect(past.body.message).toContain("The due date has already passed");
    expect(past.body.issues?.[0]?.path ?? "").toContain("dueAt");
  });

  it("is kept in UTC from an instant given with the reader's offset, and shown to everyone", async () => {
    const created = await send(
      "POST",
      `/api/workspaces/${ws}/exercises`,
      admin,
      exerciseBody({ dueAt: "2026-03-04T18:00:00+01:00" }),
    );
    expect(created.status).toBe(201);
    exerciseId = created.body.id;
    expect(created.body.dueAt).toBe("2026-03-04T17:00:00.000Z");
    const asAna = await send("GET", exercisePath(), person("Ana").credential);
    expect(asAna.body.dueAt).toBe("2026-03-04T17:00:00.000Z");
    expect(asAna.body.progress.map((p: { state: string; late: boolean }) => [p.state, p.late])).toEqual([
      ["not-started", false],
      ["not-started", false],
      ["not-started", false],
    ]);
    // An exercise made without one has none.
    const without = await send("POST", `/api/workspaces/${ws}/exercises`, admin, exerciseBody());
    expect(without.body.dueAt).toBeNull();
  });

  it("can be moved or cleared by the admin only", async () => {
    const byAna = await send("PUT", `${exercisePath()}/due`, person("Ana").credential, {
      dueAt: "2026-03-05T17:00:00Z",
    });
    expect(byAna.status).toBe(403);
    const past = await send("PUT", `${exercisePath()}/due`, admin, { dueAt: "2026-03-01T17:00:00Z" });
    expect(past.status).toBe(400);
    const cleared = await send("PUT", `${exercisePath()}/due`, admin, { dueAt: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.dueAt).toBeNull();
    const missing = await send("PUT", `${exercisePath()}/due`, admin, {});
    expect(missing.status).toBe(400);
    const set = await send("PUT", `${exercisePath()}/due`, admin, { dueAt: "2026-03-04T17:00:00Z" });
    expect(set.status).toBe(200);
    expect(set.body.dueAt).toBe("2026-03-04T17:00:00.000Z");
    const unknown = await send("PUT", `/api/workspaces/${ws}/exercises/nosuchexercise1234/due`, admin, {
      dueAt: null,
    });
    expect(unknown.status).toBe(404);
  });

  it("marks who is late once it passes: not finished by then; never those who submitted", async () => {
    const items = (await send("GET", exercisePath(), admin)).body.items;
    // Ana finishes, Ben has started, Chi has not.
    const ana = await send("PUT", `${exercisePath()}/scores`, person("Ana").credential, {
      round: 1,
      scores: allScores(items, () => 3),
      submit: true,
    });
    expect(ana.status).toBe(200);
    const ben = await send("PUT", `${exercisePath()}/scores`, person("Ben").credential, {
      round: 1,
      scores: allScores(items, () => 2).slice(0, 2),
    });
    expect(ben.status).toBe(200);

    const states = async () =>
      (await send("GET", exercisePath(), admin)).body.progress.map(
        (p: { name: string; state: string; late: boolean }) => [p.name, p.state, p.late],
      );
    expect(await states()).toEqual([
      ["Ana", "finished", false],
      ["Ben", "in-progress", false],
      ["Chi", "not-started", false],
    ]);

    clock = Date.parse("2026-03-04T17:00:00.000Z");
    expect(await states()).toEqual([
      ["Ana", "finished", false],
      ["Ben", "in-progress", true],
      ["Chi", "not-started", true],
    ]);
    const summary = (await send("GET", `/api/workspaces/${ws}/exercises`, admin)).body.exercises.find(
      (e: { id: string }) => e.id === exerciseId,
    );
    expect(summary).toMatchObject({ dueAt: "2026-03-04T17:00:00.000Z", lateCount: 2, submittedCount: 1 });
    // The panel sees the same progress.
    const asChi = await send("GET", exercisePath(), person("Chi").credential);
    expect(asChi.body.progress.filter((p: { late: boolean }) => p.late)).toHaveLength(2);
  });
});

describe("re-sending an interviewer's link", () => {
  it("is the admin's alone, and not for a revoked member or the admin's own link", async () => {
    const byBen = await send(
      "POST",
      `/api/workspaces/${ws}/members/${person("Chi").id}/link`,
      person("Ben").credential,
    );
    expect(byBen.status).toBe(403);
    const own = await send(
      "POST",
      `/api/workspaces/${ws}/members/${(await send("GET", `/api/workspaces/${ws}`, admin)).body.me.id}/link`,
      admin,
    );
    expect(own.status).toBe(409);
    const unknown = await send("POST", `/api/workspaces/${ws}/members/nosuchmember12345/link`, admin);
    expect(unknown.status).toBe(404);
  });

  it("issues a new link that signs in, while the old one is refused as replaced", async () => {
    const chi = person("Chi");
    const reissued = await send("POST", `/api/workspaces/${ws}/members/${chi.id}/link`, admin);
    expect(reissued.status).toBe(201);
    expect(reissued.body.member).toMatchObject({ id: chi.id, name: "Chi", revoked: false });
    expect(reissued.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reissued.body.token).not.toBe(chi.token);

    const old = await exchange(chi.token);
    expect(old.status).toBe(401);
    expect(old.body.message).toContain("This link has been replaced");
    // Whoever held the old link is signed out too.
    const stale = await send("GET", `/api/workspaces/${ws}`, chi.credential);
    expect(stale.status).toBe(401);

    const fresh = await exchange(reissued.body.token);
    expect(fresh.status).toBe(201);
    expect(fresh.body.member.id).toBe(chi.id);
    chi.credential = fresh.body.credential;
    chi.token = reissued.body.token;
    // Still on the same exercise, with the same progress.
    const exercise = await send("GET", exercisePath(), chi.credential);
    expect(exercise.status).toBe(200);
    expect(exercise.body.invited).toBe(true);
    // The member list still has Chi once, active.
    const view = await send("GET", `/api/workspaces/${ws}`, admin);
    expect(view.body.members.filter((m: { name: string }) => m.name === "Chi")).toEqual([
      expect.objectContaining({ revoked: false }),
    ]);
  });

  it("refuses a revoked member's old and replaced links as revoked", async () => {
    const made = await send("POST", `/api/workspaces/${ws}/members`, admin, { name: "Dee" });
    const reissued = await send("POST", `/api/workspaces/${ws}/members/${made.body.member.id}/link`, admin);
    expect(reissued.status).toBe(201);
    expect((await send("DELETE", `/api/workspaces/${ws}/members/${made.body.member.id}`, admin)).status).toBe(
      200,
    );
    const again = await send("POST", `/api/workspaces/${ws}/members/${made.body.member.id}/link`, admin);
    expect(again.status).toBe(404);
    expect(again.body.message).toContain("revoked link cannot be re-issued");
    expect((await exchange(made.body.token)).body.message).toContain("revoked");
    expect((await exchange(reissued.body.token)).body.message).toContain("revoked");
  });
});

describe("the panel's scores beside the reference scores", () => {
  it("are in the admin's results, per answer and dimension of a bank example, and nowhere in the panel's", async () => {
    const items = (await send("GET", exercisePath(), admin)).body.items;
    for (const [name, score] of [
      ["Ben", 2],
      ["Chi", 4],
    ] as const) {
      const res = await send("PUT", `${exercisePath()}/scores`, person(name).credential, {
        round: 1,
        scores: allScores(items, () => score),
        submit: true,
      });
      expect(res.status).toBe(200);
    }
    const asAdmin = await send("GET", `${exercisePath()}/results`, admin);
    expect(asAdmin.status).toBe(200);
    const comparison = asAdmin.body.rounds[0].referenceComparison;
    const example = question.examples[0];
    const dims = question.rubric.dimensions;
    // Only the bank example has reference scores; the pasted transcript has none.
    expect(comparison).toHaveLength(dims.length);
    for (const dim of dims) {
      const row = comparison.find((c: { dimension: string }) => c.dimension === dim.name);
      const reference = example.scores[dim.id];
      expect(row).toEqual({
        subject: items[0].id,
        dimension: dim.name,
        reference,
        scores: [2, 3, 4],
        panelMean: 3,
        difference: 3 - reference,
      });
    }

    const asPanel = await send("GET", `${exercisePath()}/results`, person("Ana").credential);
    expect(asPanel.status).toBe(200);
    expect(asPanel.body.rounds[0]).not.toHaveProperty("referenceComparison");
    // Nothing in the panel's answer says which answer is graded or what it was called.
    const text = JSON.stringify(asPanel.body);
    expect(text).not.toContain("referenceComparison");
    expect(text).not.toContain("Candidate K");
    expect(text).not.toContain(`"${example.id}"`);
    expect(text).not.toContain(example.rationale.slice(0, 40));
    const exerciseText = JSON.stringify((await send("GET", exercisePath(), person("Ana").credential)).body);
    expect(exerciseText).not.toContain("Candidate K");
    walk(asPanel.body, (v) => {
      if (v && typeof v === "object" && "reference" in v)
        throw new Error("a reference score reached the panel");
    });
  });
});
