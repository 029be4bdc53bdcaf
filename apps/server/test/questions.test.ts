import { COMPETENCIES } from "@loopwright/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { getJson, type RunningServer, startServer } from "./helpers.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});

describe("GET /api/health", () => {
  it("reports ok with the question count and the storage kind", async () => {
    const { status, body } = await getJson(`${server.url}/api/health`);
    expect(status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.storage).toBe("sqlite");
    expect(body.questions).toBeGreaterThan(0);
  });
});

describe("GET /api/questions", () => {
  it("lists every question in the bank as summaries", async () => {
    const { status, body } = await getJson(`${server.url}/api/questions`);
    expect(status).toBe(200);
    expect(body.total).toBe(body.questions.length);
    expect(body.total).toBeGreaterThan(0);
    const first = body.questions[0];
    expect(Object.keys(first).sort()).toEqual(
      ["competency", "durationMinutes", "id", "levels", "summary", "title"].sort(),
    );
  });

  it("filters by competency", async () => {
    const all = (await getJson(`${server.url}/api/questions`)).body;
    const competency = all.questions[0].competency;
    const { status, body } = await getJson(`${server.url}/api/questions?competency=${competency}`);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    expect(body.questions.every((q: { competency: string }) => q.competency === competency)).toBe(true);
    expect(body.total).toBe(
      all.questions.filter((q: { competency: string }) => q.competency === competency).length,
    );
  });

  it("filters by level", async () => {
    const { body } = await getJson(`${server.url}/api/questions?level=vp`);
    expect(body.questions.every((q: { levels: string[] }) => q.levels.includes("vp"))).toBe(true);
  });

  it("searches titles and prompts, requiring every word", async () => {
    const all = (await getJson(`${server.url}/api/questions`)).body;
    const target = all.questions[0];
    const word = target.title.split(/\s+/).find((w: string) => w.length > 5) ?? target.title;
    const { body } = await getJson(`${server.url}/api/questions?q=${encodeURIComponent(word.toUpperCase())}`);
    expect(body.questions.map((q: { id: string }) => q.id)).toContain(target.id);
    const none = await getJson(`${server.url}/api/questions?q=${encodeURIComponent(`${word} zzqxnotaword`)}`);
    expect(none.body.total).toBe(0);
  });

  it("rejects an unknown competency with a 400 naming the parameter", async () => {
    const { status, body } = await getJson(`${server.url}/api/questions?competency=astrology`);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_request");
    expect(body.message).toContain("competency");
    expect(body.issues[0].path).toBe("competency");
  });

  it("rejects an unknown level, an over-long search and unknown parameters", async () => {
    const level = await getJson(`${server.url}/api/questions?level=cto`);
    expect(level.status).toBe(400);
    expect(level.body.message).toContain("level");

    const long = await getJson(`${server.url}/api/questions?q=${"a".repeat(201)}`);
    expect(long.status).toBe(400);
    expect(long.body.message).toContain("200 characters");

    const unknown = await getJson(`${server.url}/api/questions?sort=title`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain("sort");
  });

  it("rejects a repeated parameter instead of failing", async () => {
    const { status, body } = await getJson(
      `${server.url}/api/questions?competency=${COMPETENCIES[0]}&competency=${COMPETENCIES[1]}`,
    );
    expect(status).toBe(400);
    expect(body.message).toContain("competency");
  });
});

describe("GET /api/questions/:id", () => {
  it("returns the whole question", async () => {
    const list = (await getJson(`${server.url}/api/questions`)).body;
    const id = list.questions[0].id;
    const { status, body } = await getJson(`${server.url}/api/questions/${id}`);
    expect(status).toBe(200);
    expect(body.id).toBe(id);
    expect(body.rubric.dimensions.length).toBeGreaterThanOrEqual(3);
    expect(body.guide.probes.length).toBeGreaterThanOrEqual(3);
    expect(body.phases.length).toBeGreaterThanOrEqual(2);
  });

  it("answers 404 with a JSON error for an unknown id", async () => {
    const { status, body } = await getJson(`${server.url}/api/questions/no-such-question`);
    expect(status).toBe(404);
    expect(body).toEqual({ error: "not_found", message: "No question has the id 'no-such-question'." });
  });

  it("answers 400 for an id that cannot exist", async () => {
    const { status, body } = await getJson(`${server.url}/api/questions/${encodeURIComponent("Bad Id!")}`);
    expect(status).toBe(400);
    expect(body.message).toContain("id");
  });
});

describe("everything else", () => {
  it("answers unknown API paths and methods with a JSON 404", async () => {
    const get = await getJson(`${server.url}/api/nope`);
    expect(get.status).toBe(404);
    expect(get.body.error).toBe("not_found");
    const post = await getJson(`${server.url}/api/questions`, { method: "POST", body: "{}" });
    expect(post.status).toBe(404);
    expect(post.body.message).toContain("POST");
  });

  it("serves the web app for client-side routes but 404s a missing file", async () => {
    const page = await fetch(`${server.url}/practice/history`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const asset = await fetch(`${server.url}/assets/missing-abc123.js`);
    expect(asset.status).toBe(404);
  });

  it("serves an OpenAPI document describing the question routes", async () => {
    const { status, body } = await getJson(`${server.url}/api/openapi.json`);
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(["/api/questions", "/api/questions/{id}"]),
    );
    const params = body.paths["/api/questions"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["competency", "level", "q"]));
  });

  it("sends no Referer to other sites", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
