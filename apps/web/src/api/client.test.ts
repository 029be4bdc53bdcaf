// @vitest-environment node
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiRequestError, sendJson } from "./client";

/** A real HTTP server answering what a rate-limiting proxy or our own server would. */
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/ours") {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "42" });
      res.end(JSON.stringify({ error: "rate_limited", message: "Too many requests from your address." }));
    } else if (req.url === "/proxy") {
      res.writeHead(429, { "content-type": "text/html", "retry-after": "7" });
      res.end("<h1>429 Too Many Requests</h1>");
    } else {
      res.writeHead(429);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = typeof address === "object" && address ? `http://127.0.0.1:${address.port}` : "";
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The web client keeps zod out of its direct imports; any parser will do here. */
const anything = { safeParse: (data: unknown) => ({ success: true as const, data }) };

const failure = async (path: string) => {
  try {
    await sendJson(`${base}${path}`, anything);
  } catch (error) {
    return error as ApiRequestError;
  }
  throw new Error("expected the request to fail");
};

describe("sendJson and rate limits", () => {
  it("passes on the server's message and its Retry-After", async () => {
    const error = await failure("/ours");
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.message).toBe("Too many requests from your address.");
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(42);
  });

  it("explains a 429 without our JSON body, from a proxy, in words", async () => {
    const error = await failure("/proxy");
    expect(error.message).toBe("Too many requests from your address right now. Try again in 7 seconds.");
    expect(error.retryAfterSeconds).toBe(7);
    expect((await failure("/bare")).message).toBe(
      "Too many requests from your address right now. Try again in a minute.",
    );
  });
});
