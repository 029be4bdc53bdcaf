import { mkdtempSync, rmSync } from "node:fs";
import { type IncomingHttpHeaders, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { type App, buildApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import type { Store } from "../src/storage/store.js";

export interface RunningServer {
  app: App;
  url: string;
  config: Config;
  close(): Promise<void>;
}

/**
 * Every test file talks to its server from 127.0.0.1, so the production limits
 * (a few creations a minute per address) would trip on ordinary set-up. The
 * limiter still runs; rate-limits.test.ts passes the tight limits it tests.
 */
export const GENEROUS_LIMITS = {
  RATE_LIMIT_PER_MINUTE: "100000",
  RATE_LIMIT_CREATE_PER_MINUTE: "100000",
  RATE_LIMIT_EXCHANGE_PER_MINUTE: "100000",
  RATE_LIMIT_ANALYZE_PER_MINUTE: "100000",
};

/**
 * Starts a real server on an ephemeral port with its own data directory, and
 * closes it (and removes the directory) when the test file finishes. A store
 * passed in is the caller's to close; `now` is the clock calibration judges due dates by.
 */
export async function startServer(
  env: Record<string, string> = {},
  { store, now }: { store?: Store; now?: () => number } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "loopwright-test-"));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", ...GENEROUS_LIMITS, ...env });
  const app = await buildApp({ config, store, now });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address !== "object") throw new Error("server did not bind a port");
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  afterAll(close);
  return { app, url: `http://127.0.0.1:${address.port}`, config, close };
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON; tests assert on the raw text
  }
  return { status: res.status, body };
}

/** One API call as a client makes it: an optional JSON body and bearer credential; answers like getJson. */
export function callJson(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  bearer?: string,
): Promise<{ status: number; body: any }> {
  return getJson(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** POSTs a JSON body and answers like getJson. */
export function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  return getJson(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent, still encoded. */
  body: Buffer;
}

/** node:http rather than fetch, which picks its own Accept-Encoding and decodes the body. */
export function rawRequest(
  url: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}
