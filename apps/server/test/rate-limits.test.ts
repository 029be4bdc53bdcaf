import { beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITED_ROUTES, type RateLimitTier } from "../src/plugins/rate-limits.js";
import { getJson, type RunningServer, startServer } from "./helpers.js";

const TIER_MAX = 3;
const tiers = Object.keys(RATE_LIMITED_ROUTES) as RateLimitTier[];

/** A made-up client address per test case, so every case starts with empty buckets. */
let nextAddress = 1;
const freshAddress = () => `203.0.113.${nextAddress++}`;

function call(server: RunningServer, route: string, address?: string) {
  const [method, path] = route.split(" ") as [string, string];
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (address) headers["x-forwarded-for"] = address;
  return fetch(`${server.url}${path.replace(/:[A-Za-z]+/g, "AAAAAAAAAAAAAAAAAAAAAA")}`, {
    method,
    headers,
    body: "{}",
  });
}

describe("rate limits behind a trusted proxy", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      TRUST_PROXY: "true",
      RATE_LIMIT_CREATE_PER_MINUTE: String(TIER_MAX),
      RATE_LIMIT_EXCHANGE_PER_MINUTE: String(TIER_MAX),
      RATE_LIMIT_ANALYZE_PER_MINUTE: String(TIER_MAX),
    });
  });

  it("lists only routes that exist, and every route that creates something is limited", async () => {
    const doc = (await getJson(`${server.url}/api/openapi.json`)).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const documented = new Set<string>();
    const creating = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const route = `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`;
        documented.add(route);
        if (op.responses["201"]) creating.add(route);
      }
    }
    const limited = tiers.flatMap((t) => RATE_LIMITED_ROUTES[t]);
    expect(limited.filter((r) => !documented.has(r))).toEqual([]);
    expect([...creating].filter((r) => !limited.includes(r))).toEqual([]);
  });

  for (const tier of tiers) {
    for (const route of RATE_LIMITED_ROUTES[tier]) {
      it(`${route} (${tier}) answers 429 with Retry-After and a readable message past ${TIER_MAX} a minute`, async () => {
        const address = freshAddress();
        for (let i = 0; i < TIER_MAX; i++) {
          const res = await call(server, route, address);
          expect(res.status, `request ${i + 1} of ${TIER_MAX}`).not.toBe(429);
          await res.arrayBuffer();
        }
        const limited = await call(server, route, address);
        expect(limited.status).toBe(429);
        const retryAfter = Number(limited.headers.get("retry-after"));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(60);
        const body = (await limited.json()) as { error: string; message: string };
        expect(body.error).toBe("rate_limited");
        expect(body.message).toMatch(
          /^Too many requests from your address: at most 3 a minute here\. Try again in \d+ seconds?\.$/,
        );
        // Another browser behind the same proxy has its own bucket.
        const other = await call(server, route, freshAddress());
        expect(other.status).not.toBe(429);
        await other.arrayBuffer();
      });
    }
  }

  it("counts a tier as one bucket: spending it on one route limits the others", async () => {
    const address = freshAddress();
    const [first, second] = RATE_LIMITED_ROUTES.create;
    for (let i = 0; i < TIER_MAX; i++) await (await call(server, first as string, address)).arrayBuffer();
    expect((await call(server, second as string, address)).status).toBe(429);
    // Other tiers are untouched.
    expect((await call(server, RATE_LIMITED_ROUTES.exchange[0] as string, address)).status).not.toBe(429);
  });

  it("never limits the health check, whatever the tier limits", async () => {
    for (let i = 0; i < 20; i++) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe("rate limits without a trusted proxy", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: "5", RATE_LIMIT_CREATE_PER_MINUTE: "2" });
  });

  it("ignores a forged X-Forwarded-For, so a client cannot escape its bucket", async () => {
    const route = "POST /api/practitioners";
    expect((await call(server, route, freshAddress())).status).toBe(201);
    expect((await call(server, route, freshAddress())).status).toBe(201);
    const res = await call(server, route, freshAddress());
    expect(res.status).toBe(429);
  });

  it("limits every other route at the global rate, except health and static assets", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${server.url}/api/questions`)).status);
    // The three practitioner requests above spent three of the five.
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    const res = await fetch(`${server.url}/api/questions/anything`);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });
});

describe("rate limits turned off", () => {
  it("lets everything through when a limit is 0", async () => {
    const server = await startServer({ RATE_LIMIT_PER_MINUTE: "0", RATE_LIMIT_CREATE_PER_MINUTE: "0" });
    for (let i = 0; i < 30; i++) {
      expect((await fetch(`${server.url}/api/practitioners`, { method: "POST" })).status).toBe(201);
    }
  });
});
