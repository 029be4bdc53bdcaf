import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import helmet from "helmet";
import { describe, expect, it } from "vitest";
import { HELMET_OPTIONS } from "../src/plugins/security-headers.js";
import { startServer } from "./helpers.js";

/** node:http rather than fetch, which will not send a Host header of our choosing. */
function headersOf(url: string, headers: Record<string, string> = {}): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.headers as Record<string, string>));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("security headers over plain HTTP", () => {
  it("never tell a browser on a LAN hostname to upgrade to https or pin HSTS", async () => {
    const server = await startServer();
    for (const path of ["/", "/api/health", "/api/questions"]) {
      const headers = await headersOf(`${server.url}${path}`, { host: "team-laptop.local:3000" });
      expect(headers["content-security-policy"]).toContain("script-src 'self'");
      expect(headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
      expect(headers["strict-transport-security"]).toBeUndefined();
      // Browsers ignore it over http, with a console error on every page.
      expect(headers["cross-origin-opener-policy"]).toBeUndefined();
      expect(headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("ignore X-Forwarded-Proto from a proxy that is not trusted", async () => {
    const server = await startServer();
    const headers = await headersOf(`${server.url}/`, { "x-forwarded-proto": "https" });
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });
});

describe("security headers, computed once", () => {
  it("are exactly the headers helmet's own middleware sends on a plain node:http server with the same options", async () => {
    // The independent computation: helmet run per request, as Express would, on a real server.
    const middleware = helmet(HELMET_OPTIONS);
    const reference = createServer((req, res) => middleware(req, res, () => res.end()));
    await new Promise<void>((resolve) => reference.listen(0, "127.0.0.1", resolve));
    try {
      const expected = await headersOf(`http://127.0.0.1:${(reference.address() as AddressInfo).port}/`);
      const server = await startServer();
      // A bank route, a JSON error and the web app: every kind of reply carries them.
      for (const path of ["/api/questions", "/api/questions/no-such-question", "/"]) {
        const actual = await headersOf(`${server.url}${path}`);
        const helmetNames = Object.keys(expected).filter(
          (name) =>
            !["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(name),
        );
        expect(helmetNames.length).toBeGreaterThan(8);
        for (const name of helmetNames)
          expect([path, name, actual[name]]).toEqual([path, name, expected[name]]);
      }
    } finally {
      await new Promise((resolve) => reference.close(resolve));
    }
  });
});

describe("security headers over https", () => {
  it("add HSTS and upgrade-insecure-requests for requests to an https PUBLIC_ORIGIN", async () => {
    const server = await startServer({ PUBLIC_ORIGIN: "https://loopwright.example.com/" });
    const headers = await headersOf(`${server.url}/`, { host: "loopwright.example.com" });
    expect(headers["strict-transport-security"]).toBe("max-age=15552000; includeSubDomains");
    expect(headers["content-security-policy"]).toMatch(/;upgrade-insecure-requests$/);
    expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
    // The same server reached directly by its LAN name is still plain HTTP.
    const direct = await headersOf(`${server.url}/`, { host: "10.0.0.5:3000" });
    expect(direct["strict-transport-security"]).toBeUndefined();
    expect(direct["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  for (const trust of ["127.0.0.1", "1"]) {
    it(`add them behind a TLS-terminating proxy trusted as TRUST_PROXY=${trust} that says https`, async () => {
      const server = await startServer({ TRUST_PROXY: trust });
      const headers = await headersOf(`${server.url}/api/health`, { "x-forwarded-proto": "https" });
      expect(headers["strict-transport-security"]).toBe("max-age=15552000; includeSubDomains");
      expect(headers["content-security-policy"]).toContain("upgrade-insecure-requests");
      const plain = await headersOf(`${server.url}/api/health`, { "x-forwarded-proto": "http" });
      expect(plain["strict-transport-security"]).toBeUndefined();
    });
  }
});
