import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  ANALYZE_MAX_DIMENSIONS,
  ANALYZE_MAX_RATERS,
  ANALYZE_MAX_RATINGS,
  ANALYZE_MAX_SCALE_POINTS,
  ANALYZE_MAX_SUBJECTS,
  type RatingInput,
} from "@loopwright/schema";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnalysisPool, defaultAnalysisThreads } from "../src/lib/analysis/analysis-pool.js";
import { analysisWithFlags } from "../src/lib/analysis/analysis-task.js";
import { installErrorHandling } from "../src/plugins/errors.js";
import { modelRatings, ratingsCsv } from "./analysis-data.js";
import { getJson, postJson, type RunningServer, startServer } from "./helpers.js";
import { freePort, ServerProcess } from "./server-process.js";

type Scale = { min: number; max: number };

const POLL_MS = 10;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});

const postCsv = (url: string, csv: string) =>
  getJson(url, { method: "POST", headers: { "content-type": "text/csv" }, body: csv });

describe("an analysis at every bound at once", () => {
  it("is answered while /api/health, polled every 10 ms, keeps being answered throughout", async () => {
    const scale = { min: 1, max: ANALYZE_MAX_SCALE_POINTS };
    const ratings = modelRatings();
    // Encoded up front so the client's own work stays out of the measurement.
    const body = new TextEncoder().encode(JSON.stringify({ scale, ratings }));

    // A monitor keeps its connection open; the first request's set-up is not the server's latency.
    await (await fetch(`${server.url}/api/health`)).arrayBuffer();
    const latencies: number[] = [];
    let polls = 0;
    let analysing = true;
    const poll = (async () => {
      let due = performance.now();
      while (analysing) {
        const res = await fetch(`${server.url}/api/health`);
        await res.arrayBuffer();
        polls++;
        // Timed from when the poll was due, so a stalled event loop (this process is the server
        // too) counts; and the polls the stall kept from being sent would have waited as well.
        const latency = performance.now() - due;
        latencies.push(latency);
        for (let missed = latency - POLL_MS; missed >= POLL_MS; missed -= POLL_MS) latencies.push(missed);
        due = Math.max(performance.now(), due + POLL_MS);
        await new Promise((r) => setTimeout(r, due - performance.now()));
      }
    })();

    const started = performance.now();
    const res = await fetch(`${server.url}/api/calibration/analyze`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const elapsed = performance.now() - started;
    // Stop polling before this process parses the large answer: the budget is the server's, not the test's.
    analysing = false;
    await poll;
    const analysis = (await res.json()) as any;

    expect(res.status).toBe(200);
    expect(analysis.raters).toHaveLength(ANALYZE_MAX_RATERS);
    expect(analysis.dimensions).toHaveLength(ANALYZE_MAX_DIMENSIONS);
    expect(analysis.dimensions.reduce((n: number, d: { ratings: number }) => n + d.ratings, 0)).toBe(
      ANALYZE_MAX_RATINGS,
    );
    expect(new Set(analysis.heatmap.map((h: { subject: string }) => h.subject)).size).toBe(
      ANALYZE_MAX_SUBJECTS,
    );
    // The statistics were not skipped: the model's raters get Rasch severities.
    expect(analysis.raters.every((r: { severity: number | null }) => r.severity !== null)).toBe(true);

    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    console.info(
      `maximal analysis: ${Math.round(elapsed)} ms; /api/health, ${polls} polls: ` +
        `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
    );
    // Relative, not a time budget (the machine is shared): on the event loop, the analysis would
    // hold every poll for its whole duration; on a worker, no poll waits more than a fraction of it.
    expect(sorted.at(-1) ?? 0).toBeLessThan(elapsed / 4);
    expect(polls).toBeGreaterThan(50);
  }, 120_000);
});

describe("each bound exceeded by one", () => {
  const within = modelRatings({ ratings: 40, raters: 4, subjects: 10, dimensions: 2, points: 4 });
  const cases: { bound: string; scale: Scale; ratings: RatingInput[]; message: string }[] = [
    {
      bound: "ratings",
      scale: { min: 1, max: 4 },
      // 200 raters × 501 subjects, one dimension: only the rating count is over.
      ratings: Array.from({ length: ANALYZE_MAX_RATINGS + 1 }, (_, i) => ({
        rater: `r${i % 200}`,
        subject: `s${Math.floor(i / 200)}`,
        dimension: "d",
        score: 1 + (i % 4),
      })),
      message: "at most 100,000 ratings per analysis, got 100,001",
    },
    {
      bound: "raters",
      scale: { min: 1, max: 4 },
      ratings: Array.from({ length: ANALYZE_MAX_RATERS + 1 }, (_, i) => ({
        rater: `r${i}`,
        subject: "s",
        dimension: "d",
        score: 2,
      })),
      message: "at most 200 raters per analysis, got 201",
    },
    {
      bound: "subjects",
      scale: { min: 1, max: 4 },
      ratings: Array.from({ length: ANALYZE_MAX_SUBJECTS + 1 }, (_, i) => ({
        rater: "r",
        subject: `s${i}`,
        dimension: "d",
        score: 2,
      })),
      message: "at most 2,000 subjects per analysis, got 2,001",
    },
    {
      bound: "dimensions",
      scale: { min: 1, max: 4 },
      ratings: Array.from({ length: ANALYZE_MAX_DIMENSIONS + 1 }, (_, i) => ({
        rater: "r",
        subject: "s",
        dimension: `d${i}`,
        score: 2,
      })),
      message: "at most 20 dimensions per analysis, got 21",
    },
    {
      bound: "scale points",
      scale: { min: 1, max: ANALYZE_MAX_SCALE_POINTS + 1 },
      ratings: within,
      message: "a scale has at most 11 points (max − min + 1), got 12 (1–12)",
    },
  ];

  for (const { bound, scale, ratings, message } of cases) {
    it(`refuses one too many ${bound} with a 400 naming the limit and the count, as JSON and as CSV`, async () => {
      const json = await postJson(`${server.url}/api/calibration/analyze`, { scale, ratings });
      expect(json.status).toBe(400);
      expect(json.body.error).toBe("invalid_request");
      expect(json.body.message).toContain(message);

      const csv = await postCsv(
        `${server.url}/api/calibration/analyze/csv?min=${scale.min}&max=${scale.max}`,
        ratingsCsv(ratings),
      );
      expect(csv.status).toBe(400);
      expect(csv.body.message).toBe(message);
    }, 30_000);
  }
});

describe("the pool", () => {
  it("answers exactly what the analysis computes in-process on the same ratings", async () => {
    const scale = { min: 1, max: 5 };
    const ratings = modelRatings({ ratings: 3_000, raters: 25, subjects: 150, dimensions: 4, points: 5 });
    const { status, body } = await postJson(`${server.url}/api/calibration/analyze`, { scale, ratings });
    expect(status).toBe(200);

    // Through JSON as the API sends it (-0 becomes 0), nothing else.
    const expected = JSON.parse(JSON.stringify(analysisWithFlags(ratings, scale)));
    expect(body).toEqual(expected);
  }, 30_000);

  it("carries an AgreementError thrown on a worker back as a 400 invalid_ratings", async () => {
    const analyzer = createAnalysisPool({ maxQueue: 1, maxThreads: 1, timeoutMs: 30_000 });
    // The routes' schemas refuse duplicates before any analysis, so a bare route
    // feeds the worker what only the statistics package rejects.
    const app = Fastify();
    installErrorHandling(app);
    app.post("/unchecked", async (request) => {
      const { ratings, scale } = request.body as { ratings: RatingInput[]; scale: Scale };
      return analyzer.analyze(ratings, scale);
    });
    try {
      const twice = { rater: "ann", subject: "s1", dimension: "depth", score: 3 };
      await expect(analyzer.analyze([twice, twice], { min: 1, max: 4 })).rejects.toMatchObject({
        name: "AgreementError",
        message: "rater 'ann' scored subject 's1' on 'depth' more than once",
      });
      const res = await app.inject({
        method: "POST",
        url: "/unchecked",
        payload: { ratings: [twice, twice], scale: { min: 1, max: 4 } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: "invalid_ratings",
        message: "rater 'ann' scored subject 's1' on 'depth' more than once",
      });
    } finally {
      await app.close();
      await analyzer.close();
    }
  }, 30_000);
});

describe("with every thread busy and no room to wait (ANALYSIS_QUEUE_LIMIT=0)", () => {
  let busy: RunningServer;
  beforeAll(async () => {
    busy = await startServer({ ANALYSIS_QUEUE_LIMIT: "0" });
  });

  it("turns the next analysis away with a 503, Retry-After and a readable message, then takes work again", async () => {
    const scale = { min: 1, max: 11 };
    const body = { scale, ratings: modelRatings({ ratings: 30_000, subjects: 600 }) };
    const threads = defaultAnalysisThreads();
    const answers = await Promise.all(
      Array.from({ length: threads + 2 }, () =>
        fetch(`${busy.url}/api/calibration/analyze`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }).then(async (res) => ({
          status: res.status,
          retryAfter: res.headers.get("retry-after"),
          body: await res.json(),
        })),
      ),
    );
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((a) => a.status !== 503).every((a) => a.status === 200)).toBe(true);
    for (const answer of refused) {
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(answer.body).toEqual({
        error: "analysis_busy",
        message: expect.stringMatching(
          /^The server is running as many analyses as it can .*Try again in \d+ seconds\.$/,
        ),
      });
    }

    const again = await postJson(`${busy.url}/api/calibration/analyze`, body);
    expect(again.status).toBe(200);
  }, 120_000);
});

describe("an analysis past its deadline (ANALYSIS_TIMEOUT_SECONDS)", () => {
  let slow: RunningServer;
  beforeAll(async () => {
    slow = await startServer({ ANALYSIS_TIMEOUT_SECONDS: "1" });
  });

  it("is stopped with a 422 that says why, and the pool takes the next analysis", async () => {
    const scale = { min: 1, max: 11 };
    // A maximal analysis takes several seconds here; the deadline is one.
    const big = await postJson(`${slow.url}/api/calibration/analyze`, { scale, ratings: modelRatings() });
    expect(big.status).toBe(422);
    expect(big.body).toEqual({
      error: "analysis_too_slow",
      message: expect.stringMatching(
        /^This analysis was stopped after 1 second\. Its ratings are probably too sparse/,
      ),
    });
    // The stopped thread was replaced: a small analysis goes through. Its deadline also counts
    // the new thread starting, which on a loaded machine can itself pass one second, so it may
    // take a second try; a pool left broken would refuse every one.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4 && statuses.at(-1) !== 200; attempt++) {
      const small = await postJson(`${slow.url}/api/calibration/analyze`, {
        scale: { min: 1, max: 4 },
        ratings: modelRatings({ ratings: 8, raters: 2, subjects: 4, dimensions: 1, points: 4 }),
      });
      statuses.push(small.status);
    }
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.every((s) => s === 200 || s === 422)).toBe(true);
  }, 60_000);
});

describe("a server started as `node --import tsx src/main.ts`", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "loopwright-pool-"));
  let child: ServerProcess;
  beforeAll(async () => {
    child = new ServerProcess(await freePort(), { DATA_DIR: dataDir });
    await child.start();
  });
  afterAll(async () => {
    await child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("loads its .ts worker and analyses a CSV upload", async () => {
    const csv = ratingsCsv(
      modelRatings({ ratings: 200, raters: 10, subjects: 20, dimensions: 2, points: 4 }),
    );
    const { status, body } = await postCsv(`${child.url}/api/calibration/analyze/csv?min=1&max=4`, csv);
    expect(status).toBe(200);
    expect(body.raters).toHaveLength(10);
  }, 60_000);
});
