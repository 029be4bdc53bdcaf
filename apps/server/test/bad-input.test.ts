import { beforeAll, describe, expect, it } from "vitest";
import { getJson, type RunningServer, startServer } from "./helpers.js";

let server: RunningServer;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  server = await startServer();
  const doc = (await getJson(`${server.url}/api/openapi.json`)).body;
  routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
});

const garbageBodies: (string | undefined)[] = [
  undefined,
  "",
  "{",
  "null",
  "[]",
  '{"unexpected": true}',
  JSON.stringify({ questionId: 42, scores: "all of them", rounds: {}, text: ["x"], token: "!" }),
];

describe("every documented route, fed garbage", () => {
  it("answers 4xx with a readable JSON error and never 500", async () => {
    expect(routes.length).toBeGreaterThan(25);
    const failures: string[] = [];
    for (const { method, path } of routes) {
      for (const idValue of ["x", "AAAAAAAAAAAAAAAA", "../../etc/passwd"]) {
        const url = `${server.url}${path.replace(/\{[^}]+\}/g, encodeURIComponent(idValue))}?bogus=1`;
        for (const body of method === "GET" || method === "DELETE" ? [undefined] : garbageBodies) {
          for (const authorization of [undefined, "Bearer not-a-real-secret-at-all-xxxxxx", "Basic Zm9v"]) {
            const headers: Record<string, string> = {};
            if (body !== undefined) headers["content-type"] = "application/json";
            if (authorization) headers.authorization = authorization;
            const res = await fetch(url, { method, headers, body });
            const text = await res.text();
            const label = `${method} ${path} id=${idValue} body=${body} auth=${authorization}`;
            if (res.status >= 500) failures.push(`${label} → ${res.status} ${text.slice(0, 200)}`);
            else if (res.status >= 400) {
              let json: { message?: unknown } | null = null;
              try {
                json = JSON.parse(text);
              } catch {
                failures.push(`${label} → ${res.status} non-JSON error body`);
              }
              if (json && (typeof json.message !== "string" || json.message.length < 10)) {
                failures.push(
                  `${label} → ${res.status} error without a readable message: ${text.slice(0, 120)}`,
                );
              }
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
