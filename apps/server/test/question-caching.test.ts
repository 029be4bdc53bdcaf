import { createHash } from "node:crypto";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { questionListSchema, questionSchema } from "@loopwright/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { getJson, type RunningServer, rawRequest, startServer } from "./helpers.js";

let server: RunningServer;
let questionId: string;
beforeAll(async () => {
  server = await startServer();
  questionId = (await getJson(`${server.url}/api/questions`)).body.questions[0].id;
});

/** A request to this server, the body as sent (see rawRequest). */
function raw(path: string, headers: Record<string, string> = {}, method = "GET") {
  return rawRequest(`${server.url}${path}`, headers, method);
}

/**
 * A strong validator must change whenever the bytes do (RFC 9110 §8.8.3), so the
 * server's is a digest of the exact body: the first 22 base64url characters
 * (128 bits) of its SHA-256, quoted. Worked out here from the received bytes alone.
 */
function expectedEtag(bytes: Buffer): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 22)}"`;
}

const paths = () => [
  "/api/questions",
  `/api/questions/${questionId}`,
  "/api/questions?competency=org-design&level=vp",
  "/api/questions?q=budget",
];

describe("bank responses carry a strong ETag of their exact bytes", () => {
  it("on the list, a question, a filtered list and a search", async () => {
    for (const path of paths()) {
      const res = await raw(path);
      expect(res.status, path).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(res.headers.etag, path).toBe(expectedEtag(res.body));
      expect(res.headers["cache-control"]).toBe("public, no-cache");
      expect(res.headers.vary).toBe("accept-encoding");
    }
  });

  it("sends the same bytes every time, exactly the JSON of what the schema describes", async () => {
    const list = await raw("/api/questions");
    expect((await raw("/api/questions")).body.equals(list.body)).toBe(true);
    const parsed = questionListSchema.parse(JSON.parse(list.body.toString("utf8")));
    expect(list.body.toString("utf8")).toBe(JSON.stringify(questionListSchema.encode(parsed)));
    expect(parsed.total).toBe((await getJson(`${server.url}/api/health`)).body.questions);

    const one = await raw(`/api/questions/${questionId}`);
    expect((await raw(`/api/questions/${questionId}`)).body.equals(one.body)).toBe(true);
    const question = questionSchema.parse(JSON.parse(one.body.toString("utf8")));
    expect(one.body.toString("utf8")).toBe(JSON.stringify(questionSchema.encode(question)));
  });

  it("gives a query with the same words in another order and case the same body", async () => {
    const a = await raw(`/api/questions?q=${encodeURIComponent("plan budget")}`);
    const b = await raw(`/api/questions?q=${encodeURIComponent("Budget  PLAN")}`);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.body.equals(a.body)).toBe(true);
  });
});

describe("If-None-Match", () => {
  it("with the current ETag is a 304 with no body, the same ETag and the security headers", async () => {
    for (const path of paths()) {
      const { headers } = await raw(path);
      const etag = headers.etag as string;
      const res = await raw(path, { "if-none-match": etag });
      expect(res.status, path).toBe(304);
      expect(res.body.length).toBe(0);
      expect(res.headers.etag).toBe(etag);
      expect(res.headers["cache-control"]).toBe("public, no-cache");
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("matches by weak comparison, anywhere in a list", async () => {
    const etag = (await raw("/api/questions")).headers.etag as string;
    expect((await raw("/api/questions", { "if-none-match": `W/${etag}` })).status).toBe(304);
    expect((await raw("/api/questions", { "if-none-match": `"stale", W/"x,y", ${etag}` })).status).toBe(304);
  });

  it("with any other tag, strong or weak, is a 200 with the body", async () => {
    const current = await raw("/api/questions");
    const etag = current.headers.etag as string;
    for (const other of [
      `"${etag.slice(1, -2)}"`,
      `W/"${etag.slice(1, -2)}"`,
      '"a", "b"',
      etag.slice(1, -1),
    ]) {
      const res = await raw("/api/questions", { "if-none-match": other });
      expect(res.status, other).toBe(200);
      expect(res.body.equals(current.body)).toBe(true);
    }
  });

  it("with * is a 304 for a question that exists", async () => {
    const res = await raw(`/api/questions/${questionId}`, { "if-none-match": "*" });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
  });

  it("on HEAD answers like GET, without a body", async () => {
    const get = await raw(`/api/questions/${questionId}`);
    const head = await raw(`/api/questions/${questionId}`, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.body.length).toBe(0);
    const etag = get.headers.etag as string;
    expect((await raw(`/api/questions/${questionId}`, { "if-none-match": etag }, "HEAD")).status).toBe(304);
  });
});

describe("compressed bank responses", () => {
  it("decode to the plain bytes and carry the strong ETag of the bytes actually sent", async () => {
    const plain = await raw("/api/questions");
    for (const [accept, coding, decode] of [
      ["br, gzip", "br", brotliDecompressSync],
      ["gzip", "gzip", gunzipSync],
      ["gzip;q=1, br;q=0.5", "gzip", gunzipSync],
    ] as const) {
      const res = await raw("/api/questions", { "accept-encoding": accept });
      expect(res.headers["content-encoding"], accept).toBe(coding);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(res.headers.vary).toBe("accept-encoding");
      expect(decode(res.body).equals(plain.body)).toBe(true);
      expect(res.headers.etag).toBe(expectedEtag(res.body));
      expect(res.headers.etag).not.toBe(plain.headers.etag);
      const again = await raw("/api/questions", {
        "accept-encoding": accept,
        "if-none-match": res.headers.etag as string,
      });
      expect(again.status).toBe(304);
    }
  });

  it("falls back to the plain body when no coding the server has is acceptable", async () => {
    const plain = await raw("/api/questions");
    const res = await raw("/api/questions", { "accept-encoding": "deflate, br;q=0" });
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.equals(plain.body)).toBe(true);
  });
});

describe("errors are not cached bodies", () => {
  it("an unknown id is still a plain JSON 404 without an ETag", async () => {
    const res = await raw("/api/questions/no-such-question", { "if-none-match": "*" });
    expect(res.status).toBe(404);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(res.body.toString("utf8"))).toEqual({
      error: "not_found",
      message: "No question has the id 'no-such-question'.",
    });
  });

  it("a bad query is still a 400 without an ETag", async () => {
    const res = await raw("/api/questions?competency=astrology");
    expect(res.status).toBe(400);
    expect(res.headers.etag).toBeUndefined();
  });
});
