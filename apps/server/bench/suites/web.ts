/**
 * What a browser pays to open Loopwright: the home page's JavaScript (the entry
 * script and its modulepreloads, gzip, as index.html names them), every byte a
 * real Chromium fetches for the home page with compression against the same
 * load with compression refused, and Lighthouse's performance and
 * accessibility scores and CLS for the home, a question and a session page.
 *
 * It measures the build in apps/web/dist, so `pnpm build` must have run. The
 * app runs in-process with an empty data directory and no rate limits, and the
 * browser is Debian's Chromium (CHROMIUM_PATH); Playwright and Lighthouse come
 * from the tests package, which is where they are installed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type App, buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { type BenchRow, type BenchSuite, median } from "../harness.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const distDir = path.join(repoRoot, "apps/web/dist");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** The e2e suite's flags, plus headless: this runs on servers without a display. */
const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
const KB = 1000;
const JS_TARGET_KB = 120;

const requireFromTests = createRequire(path.join(repoRoot, "tests/package.json"));

/** Imports a package installed for the tests package, with a message saying so when it is missing. */
async function importFromTests<T>(name: string, from = requireFromTests): Promise<T> {
  let resolved: string;
  try {
    resolved = from.resolve(name);
  } catch {
    throw new Error(`${name} is not installed; the web bench uses the tests package's copy (pnpm install).`);
  }
  return (await import(pathToFileURL(resolved).href)) as T;
}

interface Browser {
  newContext(options: { viewport: { width: number; height: number } }): Promise<BrowserContext>;
  close(): Promise<void>;
}
interface BrowserContext {
  newPage(): Promise<Page>;
  newCDPSession(page: Page): Promise<CdpSession>;
  close(): Promise<void>;
}
interface Page {
  goto(url: string, options: { waitUntil: "networkidle" }): Promise<unknown>;
}
interface CdpSession {
  send(method: string, params?: object): Promise<unknown>;
  on(event: string, listener: (event: { encodedDataLength: number }) => void): void;
}
interface LighthouseResult {
  lhr: {
    runtimeError?: { message: string };
    categories: Record<"performance" | "accessibility", { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
}
type Lighthouse = (url: string, flags: object) => Promise<LighthouseResult | undefined>;
interface LaunchedChrome {
  port: number;
  kill(): void;
}

/** The real app, as `pnpm start` builds it, on a free port with fresh storage. */
async function startApp(): Promise<{ app: App; base: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "loopwright-bench-web-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    WEB_DIST_DIR: distDir,
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    RATE_LIMIT_CREATE_PER_MINUTE: "0",
    RATE_LIMIT_EXCHANGE_PER_MINUTE: "0",
    RATE_LIMIT_ANALYZE_PER_MINUTE: "0",
  });
  const app = await buildApp({ config });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address !== "object") throw new Error("the app did not bind a port");
  return {
    app,
    base: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A GET with exactly this Accept-Encoding (fetch picks its own), returning the body as sent. */
function bytesSent(
  url: string,
  acceptEncoding: string,
): Promise<{ body: Buffer; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        if (res.statusCode !== 200) reject(new Error(`GET ${url} answered ${res.statusCode}`));
        else resolve({ body: Buffer.concat(chunks), encoding: res.headers["content-encoding"] });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/** The entry script and every modulepreload the built index.html names: what the home page must fetch before it runs. */
function homeScripts(): string[] {
  const html = readFileSync(path.join(distDir, "index.html"), "utf8");
  const entry = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  if (entry.length === 0) throw new Error("apps/web/dist/index.html has no module script");
  return [...entry, ...preloads];
}

/** Bytes Chromium received (headers and bodies, as encoded) for everything the home page loads. */
async function homeTransferBytes(
  browser: Browser,
  base: string,
  refuseCompression: boolean,
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (refuseCompression) {
      await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "identity" } });
    }
    let bytes = 0;
    cdp.on("Network.loadingFinished", (event) => {
      bytes += event.encodedDataLength;
    });
    await page.goto(`${base}/`, { waitUntil: "networkidle" });
    return bytes;
  } finally {
    await context.close();
  }
}

/** A fresh peer session's host link: the room a host opens from it is the session page. */
async function sessionPageUrl(base: string, questionId: string): Promise<string> {
  const res = await fetch(`${base}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ questionId, hostName: "Ada", candidateName: "Grace" }),
  });
  if (res.status !== 201) throw new Error(`creating a session answered ${res.status}: ${await res.text()}`);
  const created = (await res.json()) as { host: { token: string } };
  return `${base}/sessions/join#token=${created.host.token}`;
}

interface PageScores {
  performance: number[];
  accessibility: number[];
  cls: number[];
}

export const suite: BenchSuite = {
  name: "web",
  file: "apps/server/bench/suites/web.ts",
  async run({ short, rounds }) {
    if (!existsSync(path.join(distDir, "index.html"))) {
      throw new Error(
        "apps/web/dist is missing: the web bench measures the built client, so run `pnpm build` first.",
      );
    }
    const server = await startApp();
    const rows: BenchRow[] = [];
    try {
      const { base } = server;

      // The home page's JavaScript, from the files the built index.html names, as the server sends them.
      let gzipBytes = 0;
      let rawBytes = 0;
      const scripts = homeScripts();
      for (const src of scripts) {
        const gzip = await bytesSent(`${base}${src}`, "gzip");
        if (gzip.encoding !== "gzip") throw new Error(`${src} was not sent gzip-encoded (${gzip.encoding})`);
        gzipBytes += gzip.body.length;
        rawBytes += (await bytesSent(`${base}${src}`, "identity")).body.length;
      }
      rows.push({
        what: "home page JS, entry + modulepreloads (gzip)",
        unit: "kB",
        loopwright: gzipBytes / KB,
        baseline: null,
        better: "lower",
        target: `≤ ${JS_TARGET_KB} kB`,
        met: gzipBytes / KB <= JS_TARGET_KB,
        note: `${scripts.length} file${scripts.length === 1 ? "" : "s"}, ${Math.round(rawBytes / KB)} kB uncompressed; 1 kB = 1000 bytes, as Vite reports`,
      });

      // Bytes over the wire for a real home-page load, and the same load with compression refused.
      type Playwright = { chromium: { launch(options: object): Promise<Browser> } };
      // CommonJS: imported, its exports arrive on `default` (named ones only when Node can detect them).
      const playwright = await importFromTests<Playwright & { default?: Playwright }>("@playwright/test");
      const { chromium } = playwright.default ?? playwright;
      const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS.slice(1) });
      try {
        const compressed: number[] = [];
        const identity: number[] = [];
        // Byte counts barely move between loads, so the quick pass takes one of each.
        for (let i = 0; i < (short ? 1 : Math.min(rounds, 3)); i++) {
          compressed.push(await homeTransferBytes(browser, base, false));
          identity.push(await homeTransferBytes(browser, base, true));
        }
        rows.push({
          what: "home page load, bytes over the wire (Chromium, cache off)",
          unit: "kB",
          loopwright: median(compressed) / KB,
          baseline: median(identity) / KB,
          better: "lower",
          note: "everything the page fetches (document, scripts, CSS, fonts, API, icon), headers included; baseline: the same load sending Accept-Encoding: identity",
        });
      } finally {
        await browser.close();
      }

      // Lighthouse: mobile, simulated throttling (its defaults), against the same Chromium.
      const list = (await (await fetch(`${base}/api/questions`)).json()) as { questions: { id: string }[] };
      const questionId = list.questions[0]?.id;
      if (!questionId) throw new Error("the question bank is empty");
      const lighthouse = (await importFromTests<{ default: Lighthouse }>("lighthouse")).default;
      const chromeLauncher = await importFromTests<{
        launch(options: { chromePath: string; chromeFlags: string[] }): Promise<LaunchedChrome>;
      }>("chrome-launcher", createRequire(requireFromTests.resolve("lighthouse")));
      const pages: { name: string; url: () => Promise<string> }[] = [
        { name: "home", url: async () => `${base}/` },
        { name: "question", url: async () => `${base}/questions/${questionId}` },
        { name: "session", url: () => sessionPageUrl(base, questionId) },
      ];
      // The quick pass keeps to one run of the home page so it stays well under a minute.
      const measured = short ? pages.slice(0, 1) : pages;
      const runs = short ? 1 : rounds;
      const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: CHROMIUM_FLAGS });
      const scores = new Map<string, PageScores>();
      try {
        for (let run = 0; run < runs; run++) {
          for (const page of measured) {
            const result = await lighthouse(await page.url(), {
              port: chrome.port,
              output: "json",
              logLevel: "error",
              onlyCategories: ["performance", "accessibility"],
            });
            if (!result) throw new Error(`Lighthouse returned nothing for the ${page.name} page`);
            const { lhr } = result;
            if (lhr.runtimeError)
              throw new Error(`Lighthouse on the ${page.name} page: ${lhr.runtimeError.message}`);
            const entry = scores.get(page.name) ?? { performance: [], accessibility: [], cls: [] };
            entry.performance.push(Math.round((lhr.categories.performance.score ?? 0) * 100));
            entry.accessibility.push(Math.round((lhr.categories.accessibility.score ?? 0) * 100));
            entry.cls.push(lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN);
            scores.set(page.name, entry);
          }
        }
      } finally {
        chrome.kill();
      }

      const spread = (values: number[], digits = 0) =>
        runs === 1
          ? short
            ? "short pass: home page only, one run"
            : "one run"
          : `median of ${runs} runs, range ${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
      for (const page of measured) {
        const s = scores.get(page.name) as PageScores;
        const performance = median(s.performance);
        const accessibility = median(s.accessibility);
        const cls = median(s.cls);
        rows.push(
          {
            what: `Lighthouse performance, ${page.name} (mobile, simulated)`,
            unit: "",
            loopwright: performance,
            baseline: null,
            better: "higher",
            target: "≥ 95",
            met: performance >= 95,
            note: spread(s.performance),
          },
          {
            what: `Lighthouse accessibility, ${page.name}`,
            unit: "",
            loopwright: accessibility,
            baseline: null,
            better: "higher",
            target: "100",
            met: accessibility === 100,
            note: spread(s.accessibility),
          },
          {
            what: `CLS, ${page.name} (Lighthouse)`,
            unit: "",
            loopwright: cls,
            baseline: null,
            better: "lower",
            target: "≤ 0.05",
            met: cls <= 0.05,
            note: spread(s.cls, 3),
          },
        );
      }
    } finally {
      await server.close();
    }
    return rows;
  },
};
