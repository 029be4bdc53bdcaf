import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, ServerProcess } from "./server-process.js";

describe("a practice attempt across a server crash", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "loopwright-restart-"));
  let server: ServerProcess;

  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("resumes with the answer and the clock intact after kill -9 and restart", async () => {
    server = new ServerProcess(await freePort(), { DATA_DIR: dataDir });
    await server.start();
    const post = (p: string, key?: string, body?: unknown, method = "POST") =>
      fetch(`${server.url}${p}`, {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(body ? { "content-type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      }).then((r) => r.json() as Promise<any>);

    const { key } = await post("/api/practitioners");
    const questions: any = await (await fetch(`${server.url}/api/questions`)).json();
    const attempt = await post("/api/attempts", key, { questionId: questions.questions[0].id });
    const text = "Clarify first: how many engineers, which teams, what deadline.\n\nThen the org design.";
    const saved = await post(`/api/attempts/${attempt.id}/answer`, key, { text, revision: 7 }, "PUT");
    expect(saved.applied).toBe(true);
    const paused = await post(`/api/attempts/${attempt.id}/clock`, key, { action: "pause" });
    expect(paused.clock.pausedAt).toBeTypeOf("number");

    await server.kill();
    await server.start();

    const after: any = await (
      await fetch(`${server.url}/api/attempts/${attempt.id}`, { headers: { authorization: `Bearer ${key}` } })
    ).json();
    expect(after.answer).toMatchObject({ text, revision: 7 });
    expect(after.status).toBe("active");
    expect(after.clock).toEqual(paused.clock);

    // The clock carries on from where it was: resuming works and time keeps counting.
    const resumed = await post(`/api/attempts/${attempt.id}/clock`, key, { action: "resume" });
    expect(resumed.clock.pausedAt).toBeNull();
    expect(resumed.clock.startedAt).toBe(attempt.clock.startedAt);
    expect(resumed.clock.pausedMs).toBeGreaterThan(0);
  });
});
