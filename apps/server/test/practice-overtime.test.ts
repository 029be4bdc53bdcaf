import { beforeAll, describe, expect, it } from "vitest";
import { callJson, getJson, type RunningServer, startServer } from "./helpers.js";

let server: RunningServer;
let key: string;

const call = (method: string, path: string, k: string, body?: unknown) =>
  callJson(server.url, method, path, body, k);

beforeAll(async () => {
  // 1/60,000 of the bank's durations: a 40-minute question is planned in 40 ms, so it runs over at once.
  server = await startServer({ PRACTICE_TIME_SCALE: String(1 / 60_000) });
  key = (await getJson(`${server.url}/api/practitioners`, { method: "POST" })).body.key;
});

describe("the practice clock in overtime", () => {
  it("pauses and resumes once the planned time is used up, freezing the overrun while paused", async () => {
    const started = await call("POST", "/api/attempts", key, { competency: "org-design" });
    expect(started.status).toBe(201);
    const id = started.body.id;
    await new Promise((resolve) => setTimeout(resolve, 200));

    const paused = await call("POST", `/api/attempts/${id}/clock`, key, { action: "pause" });
    expect(paused.status).toBe(200);
    expect(paused.body.clock.pausedAt).toBeTypeOf("number");
    expect(paused.body.overrunMs).toBeGreaterThan(0);

    // Paused past the plan, the overrun stands still.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const later = await call("GET", `/api/attempts/${id}`, key);
    expect(later.body.overrunMs).toBe(paused.body.overrunMs);

    const resumed = await call("POST", `/api/attempts/${id}/clock`, key, { action: "resume" });
    expect(resumed.status).toBe(200);
    expect(resumed.body.clock.pausedAt).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const running = await call("GET", `/api/attempts/${id}`, key);
    expect(running.body.overrunMs).toBeGreaterThan(paused.body.overrunMs);
  });
});
