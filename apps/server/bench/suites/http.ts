import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Fastify, { type FastifyInstance } from "fastify";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { alternate, type BenchRow, type BenchSuite } from "../harness.js";

const CONNECTIONS = 20;
const TARGET = 0.8;

interface Load {
  url: string;
  headers?: Record<string, string>;
  /** Every response must be of this class, or the run measured something else. */
  status: "2xx" | "3xx";
}

/**
 * Requests per second over `seconds`. The load generator runs on a worker
 * thread so that it does not share the server's event loop: in-thread, its
 * own cost per request would be added to both sides and flatter the ratio.
 */
async function requestsPerSecond(load: Load, seconds: number): Promise<number> {
  const result = await autocannon({
    url: load.url,
    headers: load.headers,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    workers: 1,
  });
  const total = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  if (result.errors || result.timeouts || result[load.status] !== total || total === 0) {
    // A benchmark of errors (a 429 from the limiter, a 404 from a wrong path) is meaningless.
    throw new Error(
      `${load.url}: expected only ${load.status}, got 2xx=${result["2xx"]} 3xx=${result["3xx"]} 4xx=${result["4xx"]} 5xx=${result["5xx"]} errors=${result.errors} timeouts=${result.timeouts}`,
    );
  }
  return total / result.duration;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address !== "object") throw new Error("server did not bind a port");
  return `http://127.0.0.1:${address.port}`;
}

interface Captured {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** The plain body, as autocannon (which sends no Accept-Encoding) will be served it. */
async function capture(url: string): Promise<Captured> {
  const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return {
    body: Buffer.from(await res.arrayBuffer()),
    contentType: res.headers.get("content-type") ?? "",
    etag: res.headers.get("etag") ?? "",
  };
}

/** Fastify with nothing registered, serving the bytes Loopwright served, and a 304 for the exact ETag. */
function bareFastify(list: Captured, questionId: string, question: Captured): FastifyInstance {
  const bare = Fastify();
  bare.get("/api/questions", async (_request, reply) => reply.type(list.contentType).send(list.body));
  bare.get<{ Params: { id: string } }>("/api/questions/:id", async (request, reply) => {
    if (request.params.id !== questionId) return reply.code(404).send();
    if (request.headers["if-none-match"] === question.etag) {
      return reply.code(304).header("etag", question.etag).send();
    }
    return reply.type(question.contentType).send(question.body);
  });
  return bare;
}

export const suite: BenchSuite = {
  name: "http",
  file: "apps/server/bench/suites/http.ts",
  async run({ short, rounds }) {
    const seconds = short ? 1.5 : 5;
    const dataDir = mkdtempSync(path.join(tmpdir(), "loopwright-bench-http-"));
    const config = loadConfig({
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: "0",
      // One load generator is one client address: any per-address limit would answer 429s.
      RATE_LIMIT_PER_MINUTE: "0",
      RATE_LIMIT_CREATE_PER_MINUTE: "0",
      RATE_LIMIT_EXCHANGE_PER_MINUTE: "0",
      RATE_LIMIT_ANALYZE_PER_MINUTE: "0",
    });
    // As in production (main.ts: info logs one line a request), written to /dev/null so
    // the cost of building each line is measured but not a terminal's.
    const app = await buildApp({ config, logger: { level: "info", file: "/dev/null" } });
    let bare: FastifyInstance | undefined;
    try {
      const ours = await listen(app);
      const list = await capture(`${ours}/api/questions`);
      const questionId = (JSON.parse(list.body.toString("utf8")) as { questions: { id: string }[] })
        .questions[0]?.id;
      if (!questionId) throw new Error("the bank is empty");
      const question = await capture(`${ours}/api/questions/${questionId}`);
      bare = bareFastify(list, questionId, question);
      const theirs = await listen(bare);

      const measure = async (what: string, load: Omit<Load, "url"> & { path: string }, note: string) => {
        const at = (base: string) => ({ ...load, url: `${base}${load.path}` });
        const { loopwright, baseline } = await alternate(
          rounds,
          () => requestsPerSecond(at(ours), seconds),
          () => requestsPerSecond(at(theirs), seconds),
        );
        const row: BenchRow = {
          what,
          unit: "req/s",
          loopwright,
          baseline,
          better: "higher",
          target: `≥ ${TARGET}× baseline`,
          met: loopwright >= TARGET * baseline,
          note,
        };
        return row;
      };
      const production =
        "the real app at LOG_LEVEL=info (one log line a request, to /dev/null), helmet's headers, rate limits off (RATE_LIMIT_*=0: one load generator is one address), no Accept-Encoding so the plain bytes";
      return [
        await measure(
          `GET /api/questions req/s (${CONNECTIONS} connections)`,
          { path: "/api/questions", status: "2xx" },
          `${list.body.length.toLocaleString("en")} bytes; ${production}; baseline: bare Fastify sending the same bytes`,
        ),
        await measure(
          "GET /api/questions/:id req/s",
          { path: `/api/questions/${questionId}`, status: "2xx" },
          `${questionId}, ${question.body.length.toLocaleString("en")} bytes`,
        ),
        await measure(
          "GET /api/questions/:id with If-None-Match (304) req/s",
          {
            path: `/api/questions/${questionId}`,
            headers: { "if-none-match": question.etag },
            status: "3xx",
          },
          "baseline: bare Fastify comparing the header to the same ETag",
        ),
      ];
    } finally {
      await bare?.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
