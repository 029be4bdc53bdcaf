import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { COMPRESSION_THRESHOLD_BYTES } from "../src/plugins/compression.js";
import { type RunningServer, rawRequest, startServer } from "./helpers.js";

/**
 * The unit tests run before `pnpm build`, so the server is pointed at a small
 * built-looking directory made here: an index.html and one fingerprinted
 * script with the .br and .gz the web build writes beside it, plus a font,
 * which the build never precompresses.
 */
const dist = mkdtempSync(path.join(tmpdir(), "loopwright-web-dist-"));
const script = Buffer.from(
  `export const rounds = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `round ${i}: org design`))};\n`,
);
// At the build's levels, which differ from the server's on-the-fly brotli quality 4: a body
// byte-for-byte equal to these files can only have been read from them.
const scriptBr = brotliCompressSync(script, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const scriptGz = gzipSync(script, { level: 9 });
const font = randomBytes(4096);
mkdirSync(path.join(dist, "assets"));
writeFileSync(
  path.join(dist, "index.html"),
  '<!doctype html><html lang="en"><title>Loopwright</title><script type="module" src="/assets/app-abc123.js"></script><div id="root"></div>',
);
writeFileSync(path.join(dist, "assets", "app-abc123.js"), script);
writeFileSync(path.join(dist, "assets", "app-abc123.js.br"), scriptBr);
writeFileSync(path.join(dist, "assets", "app-abc123.js.gz"), scriptGz);
writeFileSync(path.join(dist, "assets", "font-abc123.woff2"), font);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ WEB_DIST_DIR: dist });
});

describe("the built web app", () => {
  it("sends a hashed asset cached for a year, as the precompressed brotli file", async () => {
    const res = await rawRequest(`${server.url}/assets/app-abc123.js`, { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^application\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body.equals(scriptBr)).toBe(true);
    expect(brotliDecompressSync(res.body).equals(script)).toBe(true);
  });

  it("sends the precompressed gzip file to a client without brotli, and the plain file to one without either", async () => {
    const gzip = await rawRequest(`${server.url}/assets/app-abc123.js`, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body.equals(scriptGz)).toBe(true);
    expect(gunzipSync(gzip.body).equals(script)).toBe(true);

    const plain = await rawRequest(`${server.url}/assets/app-abc123.js`, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(plain.body.equals(script)).toBe(true);
  });

  it("does not compress a font again", async () => {
    const res = await rawRequest(`${server.url}/assets/font-abc123.woff2`, { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.equals(font)).toBe(true);
  });

  it("has index.html revalidated, at / and at a client-side route", async () => {
    for (const url of ["/", "/index.html", "/questions/some-question"]) {
      const res = await rawRequest(`${server.url}${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.body.toString()).toContain('<div id="root">');
    }
  });
});

describe("API responses", () => {
  // The OpenAPI document: large JSON built per request, which nothing but the compression plugin encodes.
  it("compresses a JSON body over the threshold", async () => {
    const res = await rawRequest(`${server.url}/api/openapi.json`, { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    const json = brotliDecompressSync(res.body);
    expect(json.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    expect(res.body.length).toBeLessThan(json.length);
    expect(JSON.parse(json.toString()).openapi).toMatch(/^3\./);

    const gzip = await rawRequest(`${server.url}/api/openapi.json`, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(json)).toBe(true);

    const plain = await rawRequest(`${server.url}/api/openapi.json`, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(json)).toBe(true);
  });

  it("sends a body under the threshold as it is", async () => {
    const res = await rawRequest(`${server.url}/api/health`, { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(res.body.toString()).status).toBe("ok");
  });

  it("still upgrades a WebSocket, from a client that accepts compressed responses", async () => {
    const list = JSON.parse((await rawRequest(`${server.url}/api/questions`)).body.toString());
    const created = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ questionId: list.questions[0].id, hostName: "Ada", candidateName: "Grace" }),
    });
    expect(created.status).toBe(201);
    const { sessionId } = (await created.json()) as { sessionId: string };

    const ws = new WebSocket(`${server.url.replace(/^http/, "ws")}/ws/sessions/${sessionId}`, {
      headers: { "accept-encoding": "br, gzip" },
    });
    const opened = await new Promise<boolean>((resolve, reject) => {
      ws.once("open", () => resolve(true));
      ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once("error", reject);
    });
    expect(opened).toBe(true);
    ws.close();
  });
});
