import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3197);
// A second server with tight creation limits, for the test of what a rate-limited person sees.
const limitedPort = port + 1;
process.env.E2E_LIMITED_PORT = String(limitedPort);
// Each run gets empty data directories so tests never see a previous run's state.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "loopwright-e2e-"));
process.env.E2E_DATA_DIR = dataDir;
const limitedDataDir = mkdtempSync(path.join(tmpdir(), "loopwright-e2e-limited-"));

/** Every browser here is 127.0.0.1, so the per-address limits would trip on ordinary test set-up. */
const GENEROUS_LIMITS = {
  RATE_LIMIT_PER_MINUTE: "100000",
  RATE_LIMIT_CREATE_PER_MINUTE: "100000",
  RATE_LIMIT_EXCHANGE_PER_MINUTE: "100000",
  RATE_LIMIT_ANALYZE_PER_MINUTE: "100000",
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        // A hostname other than localhost, as a colleague's browser on the LAN would use.
        "--host-resolver-rules=MAP lan.test 127.0.0.1",
      ],
    },
    trace: "retain-on-failure",
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  // `pnpm test:e2e` builds first, so both servers run the built bundle directly and never race to build it.
  webServer: [
    {
      command: "pnpm --filter @loopwright/server serve",
      cwd: "..",
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      // Practice phases run 200 times faster so a whole timed attempt fits in a test.
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        PRACTICE_TIME_SCALE: "0.005",
        ...GENEROUS_LIMITS,
      },
    },
    {
      command: "pnpm --filter @loopwright/server serve",
      cwd: "..",
      url: `http://127.0.0.1:${limitedPort}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(limitedPort),
        HOST: "127.0.0.1",
        DATA_DIR: limitedDataDir,
        LOG_LEVEL: "warn",
        ...GENEROUS_LIMITS,
        RATE_LIMIT_CREATE_PER_MINUTE: "2",
      },
    },
  ],
});
