// @vitest-environment node
import { createServer, type Server } from "node:http";
import { QueryObserver } from "@tanstack/react-query";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiRequestError, sendJson } from "./client";
import { combineQueries } from "./combine-queries";
import { createQueryClient, retryDelay, shouldRetry } from "./query-client";

/** A real HTTP server answering each path the way a failing server or proxy would; it counts requests. */
const hits = new Map<string, number>();
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "";
    const seen = (hits.get(path) ?? 0) + 1;
    hits.set(path, seen);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (path === "/missing") json(404, { error: "not_found", message: "No such question." });
    else if (path === "/invalid")
      json(400, {
        error: "validation_failed",
        message: "The name is too long.",
        issues: [{ path: "name", message: "at most 80 characters" }],
      });
    else if (path === "/limited")
      json(429, { error: "rate_limited", message: "Slow down." }, { "retry-after": "30" });
    else if (path === "/broken") json(500, { error: "internal", message: "Something broke." });
    // Fails the first time only, asking to come back at once: what a restarting server answers.
    else if (path === "/flaky")
      seen === 1
        ? json(503, { error: "unavailable", message: "Starting." }, { "retry-after": "0" })
        : json(200, { ok: true });
    else json(200, { ok: true });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = typeof address === "object" && address ? `http://127.0.0.1:${address.port}` : "";
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const anything = { safeParse: (data: unknown) => ({ success: true as const, data }) };
/** Accepts only `{ ok: true }`, as a schema would refuse a response of another shape. */
const okOnly = {
  safeParse: (data: unknown) =>
    (data as { ok?: unknown } | null)?.ok === true
      ? { success: true as const, data: true as const }
      : { success: false as const },
};

const failure = async (url: string, parser: typeof anything | typeof okOnly = anything) => {
  try {
    await sendJson(url, parser);
  } catch (error) {
    return error;
  }
  throw new Error("expected the request to fail");
};

describe("which failures a query asks again for", () => {
  it("does not retry what asking again cannot change: 4xx, a rate limit, an unreadable answer", async () => {
    for (const path of ["/missing", "/invalid", "/limited"]) {
      const error = await failure(`${base}${path}`);
      expect(error, path).toBeInstanceOf(ApiRequestError);
      expect(shouldRetry(0, error), path).toBe(false);
    }
    expect(
      shouldRetry(0, await failure(`${base}/missing-shape`, { safeParse: () => ({ success: false }) })),
    ).toBe(false);
    expect(shouldRetry(0, new TypeError("a bug, not the network"))).toBe(false);
  });

  it("retries an unreachable server and a server error, twice at most", async () => {
    const unreachable = await failure("http://127.0.0.1:9/");
    expect((unreachable as ApiRequestError).status).toBe(0);
    const broken = await failure(`${base}/broken`);
    for (const error of [unreachable, broken]) {
      expect(shouldRetry(0, error)).toBe(true);
      expect(shouldRetry(1, error)).toBe(true);
      expect(shouldRetry(2, error)).toBe(false);
    }
  });

  it("waits as a short Retry-After asks, and backs off otherwise", async () => {
    const flaky = new ApiRequestError("Starting.", 503, "unavailable", [], 3);
    expect(retryDelay(0, flaky)).toBe(3000);
    const longWait = new ApiRequestError("Later.", 503, "unavailable", [], 120);
    expect(retryDelay(0, longWait)).toBe(1000);
    expect(retryDelay(1, await failure(`${base}/broken`))).toBe(2000);
  });
});

describe("the app's query client against a real server", () => {
  it("keeps the client's own error, message, issues and all, and asks a 4xx only once", async () => {
    const client = createQueryClient();
    const url = `${base}/invalid`;
    const before = hits.get("/invalid") ?? 0;
    await expect(
      client.fetchQuery({ queryKey: ["invalid"], queryFn: () => sendJson(url, anything) }),
    ).rejects.toMatchObject({
      name: "ApiRequestError",
      status: 400,
      message: "The name is too long.",
      issues: [{ path: "name", message: "at most 80 characters" }],
    });
    expect(hits.get("/invalid")).toBe(before + 1);
  });

  it("rides out a server that is restarting", async () => {
    const client = createQueryClient();
    const url = `${base}/flaky`;
    await expect(
      client.fetchQuery({ queryKey: ["flaky"], queryFn: () => sendJson(url, okOnly) }),
    ).resolves.toBe(true);
    expect(hits.get("/flaky")).toBe(2);
  });
});

describe("combineQueries", () => {
  /** The state a page would render for a query of this path, once it has settled. */
  async function settled(path: string) {
    const client = createQueryClient();
    const options = { queryKey: [path], queryFn: () => sendJson(`${base}${path}`, anything), retry: false };
    await client.fetchQuery(options).catch(() => {});
    return new QueryObserver(client, options).getCurrentResult();
  }

  it("has data only once every query has it, and otherwise the first error", async () => {
    const ok = await settled("/ok");
    const missing = await settled("/missing");
    const both = combineQueries([ok, ok]);
    expect(both.status).toBe("success");
    expect(both.data).toEqual([{ ok: true }, { ok: true }]);

    const oneFailed = combineQueries([ok, missing]);
    expect(oneFailed.status).toBe("error");
    expect(oneFailed.data).toBeUndefined();
    expect(oneFailed.error?.message).toBe("No such question.");
  });

  it("is pending while any query has nothing yet", () => {
    const client = createQueryClient();
    const waiting = new QueryObserver(client, {
      queryKey: ["never"],
      queryFn: () => new Promise<never>(() => {}),
    });
    const combined = combineQueries([waiting.getCurrentResult()]);
    expect(combined.status).toBe("pending");
    expect(combined.error).toBeNull();
  });
});
