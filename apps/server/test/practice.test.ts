import { beforeAll, describe, expect, it } from "vitest";
import { callJson, getJson, type RunningServer, startServer } from "./helpers.js";

let server: RunningServer;
let key: string;
let otherKey: string;
let questionId: string;
let dimensions: string[];

const auth = (k: string) => ({ authorization: `Bearer ${k}`, "content-type": "application/json" });
const call = (method: string, path: string, k: string | null, body?: unknown) =>
  callJson(server.url, method, path, body, k ?? undefined);

beforeAll(async () => {
  // 1/600 of the bank's durations: a 40-minute question runs in 4 seconds.
  server = await startServer({ PRACTICE_TIME_SCALE: String(1 / 600) });
  key = (await call("POST", "/api/practitioners", null)).body.key;
  otherKey = (await call("POST", "/api/practitioners", null)).body.key;
  const list = (await getJson(`${server.url}/api/questions?competency=org-design`)).body;
  questionId = list.questions[0].id;
  const question = (await getJson(`${server.url}/api/questions/${questionId}`)).body;
  dimensions = question.rubric.dimensions.map((d: { id: string }) => d.id);
});

describe("practitioner keys", () => {
  it("are at least 128 bits of URL-safe randomness and differ every time", () => {
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes
    expect(key).not.toBe(otherKey);
  });

  it("are required, and an unknown one is refused with 401", async () => {
    const none = await call("GET", "/api/attempts", null);
    expect(none.status).toBe(401);
    expect(none.body.message).toContain("Authorization");
    const unknown = await call("GET", "/api/attempts", "A".repeat(43));
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toContain("not known");
  });
});

describe("a whole attempt", () => {
  let attemptId: string;

  it("starts with a running server-side clock scaled by configuration", async () => {
    const { status, body } = await call("POST", "/api/attempts", key, { questionId });
    expect(status).toBe(201);
    attemptId = body.id;
    expect(body.status).toBe("active");
    expect(body.clock.startedAt).toBeTypeOf("number");
    expect(Math.abs(body.serverNow - Date.now())).toBeLessThan(5000);
    const question = (await getJson(`${server.url}/api/questions/${questionId}`)).body;
    expect(body.clock.phases.map((p: { durationMs: number }) => p.durationMs)).toEqual(
      question.phases.map((p: { minutes: number }) => Math.max(1, Math.round((p.minutes * 60_000) / 600))),
    );
    expect(body.review).toBeNull();
  });

  it("autosaves by revision: retries and late saves never duplicate or roll back text", async () => {
    const first = await call("PUT", `/api/attempts/${attemptId}/answer`, key, { text: "One.", revision: 1 });
    expect(first.body).toMatchObject({ applied: true, revision: 1 });
    const second = await call("PUT", `/api/attempts/${attemptId}/answer`, key, {
      text: "One. Two.",
      revision: 2,
    });
    expect(second.body.applied).toBe(true);
    const retry = await call("PUT", `/api/attempts/${attemptId}/answer`, key, {
      text: "One. Two.",
      revision: 2,
    });
    expect(retry.body).toMatchObject({ applied: false, revision: 2 });
    const late = await call("PUT", `/api/attempts/${attemptId}/answer`, key, { text: "One.", revision: 1 });
    expect(late.body).toMatchObject({ applied: false, revision: 2 });
    const { body } = await call("GET", `/api/attempts/${attemptId}`, key);
    expect(body.answer).toMatchObject({ text: "One. Two.", revision: 2 });
  });

  it("pauses, resumes and moves on to the next phase", async () => {
    const paused = await call("POST", `/api/attempts/${attemptId}/clock`, key, { action: "pause" });
    expect(paused.status).toBe(200);
    expect(paused.body.clock.pausedAt).toBeTypeOf("number");
    const again = await call("POST", `/api/attempts/${attemptId}/clock`, key, { action: "pause" });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain("already paused");
    const resumed = await call("POST", `/api/attempts/${attemptId}/clock`, key, { action: "resume" });
    expect(resumed.body.clock.pausedAt).toBeNull();
    expect(resumed.body.clock.pausedMs).toBeGreaterThanOrEqual(0);
    const advanced = await call("POST", `/api/attempts/${attemptId}/clock`, key, { action: "advance" });
    expect(advanced.body.clock.advances.length).toBeGreaterThanOrEqual(1);
  });

  it("refuses scoring before submission", async () => {
    const scores = Object.fromEntries(dimensions.map((d) => [d, 3]));
    const early = await call("PUT", `/api/attempts/${attemptId}/self-score`, key, { scores });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain("Submit");
  });

  it("submits atomically with the final text and freezes the clock and answer", async () => {
    const text =
      "I would set a span of control of about six to eight direct reports per manager and sequence the hiring plan.";
    const submitted = await call("POST", `/api/attempts/${attemptId}/submit`, key, {
      answer: { text, revision: 3 },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe("review");
    expect(submitted.body.clock.stoppedAt).toBeTypeOf("number");
    expect(submitted.body.answer.text).toBe(text);
    const after = await call("PUT", `/api/attempts/${attemptId}/answer`, key, {
      text: "changed",
      revision: 4,
    });
    expect(after.status).toBe(409);
    const retriedOldSave = await call("PUT", `/api/attempts/${attemptId}/answer`, key, { text, revision: 3 });
    expect(retriedOldSave.status).toBe(200);
    expect(retriedOldSave.body.applied).toBe(false);
  });

  it("rejects self-scores with unknown dimensions, out-of-range values or missing dimensions", async () => {
    const good = Object.fromEntries(dimensions.map((d) => [d, 3]));
    const unknown = await call("PUT", `/api/attempts/${attemptId}/self-score`, key, {
      scores: { ...good, charisma: 2 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain("'charisma' is not a rubric dimension");

    const range = await call("PUT", `/api/attempts/${attemptId}/self-score`, key, {
      scores: { ...good, [dimensions[0] as string]: 5 },
    });
    expect(range.status).toBe(400);
    expect(range.body.message).toContain("scores run from 1 to 4");

    const missing = await call("PUT", `/api/attempts/${attemptId}/self-score`, key, {
      scores: { [dimensions[0] as string]: 2 },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain("missing");
  });

  it("reveals examples, the gap to the closest and talking-point coverage only after self-scoring", async () => {
    const before = await call("GET", `/api/attempts/${attemptId}`, key);
    expect(before.body.review).toBeNull();
    const scores = Object.fromEntries(dimensions.map((d) => [d, 2]));
    const { status, body } = await call("PUT", `/api/attempts/${attemptId}/self-score`, key, {
      scores,
      reflection: "Too tactical on sequencing.",
    });
    expect(status).toBe(200);
    expect(body.status).toBe("completed");
    expect(body.review.examples.length).toBeGreaterThanOrEqual(2);
    const closest = body.review.examples.find((e: { id: string }) => e.id === body.review.closestExampleId);
    for (const d of dimensions) expect(body.review.gaps[d]).toBe(2 - closest.scores[d]);
    expect(body.review.coverage.total).toBeGreaterThanOrEqual(3);
    expect(body.review.matchingRules.length).toBeGreaterThan(0);
    for (const point of body.review.coverage.points) {
      for (const m of point.matches) expect(body.answer.text.slice(m.start, m.end)).toBe(m.text);
    }
    const twice = await call("PUT", `/api/attempts/${attemptId}/self-score`, key, { scores });
    expect(twice.status).toBe(409);
  });

  it("appears in history with time per phase and scores, and exports as JSON and Markdown", async () => {
    const { body } = await call("GET", "/api/attempts", key);
    const entry = body.attempts.find((a: { id: string }) => a.id === attemptId);
    expect(entry.status).toBe("completed");
    expect(entry.meanSelfScore).toBe(2);
    expect(entry.phaseTimes.length).toBeGreaterThanOrEqual(2);

    const json = await fetch(`${server.url}/api/attempts/export?format=json`, { headers: auth(key) });
    expect(json.headers.get("content-disposition")).toContain(".json");
    const exported: any = await json.json();
    expect(exported.attempts.map((a: { id: string }) => a.id)).toContain(attemptId);

    const md = await fetch(`${server.url}/api/attempts/export?format=markdown`, { headers: auth(key) });
    const text = await md.text();
    expect(md.headers.get("content-type")).toContain("text/markdown");
    expect(text).toContain("# Loopwright practice history");
    expect(text).toContain("Too tactical on sequencing.");
  });

  it("is invisible and untouchable to another practitioner's key", async () => {
    const read = await call("GET", `/api/attempts/${attemptId}`, otherKey);
    expect(read.status).toBe(404);
    const write = await call("PUT", `/api/attempts/${attemptId}/answer`, otherKey, {
      text: "x",
      revision: 99,
    });
    expect(write.status).toBe(404);
    const del = await call("DELETE", `/api/attempts/${attemptId}`, otherKey);
    expect(del.status).toBe(404);
    expect((await call("GET", "/api/attempts", otherKey)).body.attempts).toEqual([]);
    expect((await call("GET", `/api/attempts/${attemptId}`, key)).status).toBe(200);
  });
});

describe("starting from a competency or as a mock loop", () => {
  it("offers a question of the competency not yet attempted", async () => {
    const fresh = (await call("POST", "/api/practitioners", null)).body.key;
    const all = (await getJson(`${server.url}/api/questions?competency=org-design`)).body.questions;
    const seen = new Set<string>();
    for (let i = 0; i < all.length; i++) {
      const { body } = await call("POST", "/api/attempts", fresh, { competency: "org-design" });
      expect(body.competency).toBe("org-design");
      expect(seen.has(body.questionId)).toBe(false);
      seen.add(body.questionId);
    }
    expect(seen.size).toBe(all.length);
  });

  it("runs rounds back to back: the next starts only when the earlier is handed in", async () => {
    const { status, body } = await call("POST", "/api/practice-loops", key, {
      rounds: [{ competency: "org-design" }, { competency: "strategic-leadership" }],
    });
    expect(status).toBe(201);
    expect(body.loop.rounds).toHaveLength(2);
    expect(body.loop.rounds.map((r: { status: string }) => r.status)).toEqual(["active", "pending"]);
    const second = body.loop.rounds[1].attemptId;
    const early = await call("POST", `/api/attempts/${second}/start`, key);
    expect(early.status).toBe(409);
    await call("POST", `/api/attempts/${body.id}/submit`, key, {});
    const started = await call("POST", `/api/attempts/${second}/start`, key);
    expect(started.status).toBe(200);
    expect(started.body.status).toBe("active");
    expect(started.body.competency).toBe("strategic-leadership");
  });

  it("rejects loops that are too short and unknown questions", async () => {
    const short = await call("POST", "/api/practice-loops", key, { rounds: [{ competency: "org-design" }] });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain("2 to 6 rounds");
    const unknown = await call("POST", "/api/attempts", key, { questionId: "no-such-question" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain("no-such-question");
  });
});

describe("bad input", () => {
  it("rejects an oversized answer with the limit named", async () => {
    const { body: attempt } = await call("POST", "/api/attempts", key, { questionId });
    const res = await call("PUT", `/api/attempts/${attempt.id}/answer`, key, {
      text: "x".repeat(50_001),
      revision: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("50,000 characters");
  });

  it("rejects malformed JSON and unknown attempt ids readably", async () => {
    const res = await fetch(`${server.url}/api/attempts`, {
      method: "POST",
      headers: auth(key),
      body: "{nope",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).message).toContain("not valid JSON");
    const unknown = await call("GET", "/api/attempts/AAAAAAAAAAAAAAAA", key);
    expect(unknown.status).toBe(404);
    const malformed = await call("GET", "/api/attempts/..%2F..", key);
    expect(malformed.status).toBe(400);
  });

  it("deletes one attempt, then the whole history", async () => {
    const { body: attempt } = await call("POST", "/api/attempts", key, { questionId });
    expect((await call("DELETE", `/api/attempts/${attempt.id}`, key)).body.deleted).toBe(1);
    expect((await call("GET", `/api/attempts/${attempt.id}`, key)).status).toBe(404);
    const all = await call("DELETE", "/api/attempts", key);
    expect(all.body.deleted).toBeGreaterThan(0);
    expect((await call("GET", "/api/attempts", key)).body.attempts).toEqual([]);
  });
});
