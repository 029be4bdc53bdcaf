import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { GENEROUS_LIMITS } from "./helpers.js";

describe("request log", () => {
  it("writes one line per request, after the response, with method, path, status and time", async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        for (const line of String(chunk).split("\n")) if (line) lines.push(JSON.parse(line));
        callback();
      },
    });
    const dataDir = mkdtempSync(path.join(tmpdir(), "loopwright-log-"));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", ...GENEROUS_LIMITS });
    const app = await buildApp({ config, logger: { level: "info", stream } });
    afterAll(async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    if (!address || typeof address !== "object") throw new Error("no port");
    const url = `http://127.0.0.1:${address.port}`;

    expect((await fetch(`${url}/api/questions`)).status).toBe(200);
    expect((await fetch(`${url}/api/questions/no-such-question`)).status).toBe(404);
    const requests = lines.filter((line) => line.msg === "request");
    expect(requests.map((r) => [r.method, r.url, r.statusCode])).toEqual([
      ["GET", "/api/questions", 200],
      ["GET", "/api/questions/no-such-question", 404],
    ]);
    for (const r of requests) {
      expect(typeof r.ms).toBe("number");
      expect(r.reqId).toBeTruthy();
    }
    // Fastify's own two lines a request are off.
    expect(lines.some((line) => line.msg === "incoming request" || line.msg === "request completed")).toBe(
      false,
    );
  });
});
