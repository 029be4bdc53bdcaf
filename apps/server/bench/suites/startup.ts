/**
 * How long until a new server answers: the compiled server (what `pnpm start`
 * runs) against a bare Fastify process answering one route, both from spawn
 * to the first 200; and `pnpm start` itself when nothing has changed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer } from "../../scripts/build.js";
import { alternate, type BenchSuite, freePort } from "../harness.js";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const repoRoot = path.resolve(serverDir, "../..");

const BARE_FASTIFY = `
import Fastify from "fastify";
const app = Fastify();
app.get("/api/health", async () => ({ status: "ok" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
`;

/** Milliseconds from spawning `command` until GET /api/health on `port` answers 200; the process is then stopped. */
async function timeToReady(
  command: string,
  args: string[],
  port: number,
  env: Record<string, string>,
  cwd: string,
) {
  const started = performance.now();
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} exited before it was ready:\n${output}`);
      if (performance.now() - started > 60_000)
        throw new Error(`${command} was not ready in 60 s:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return { ms: performance.now() - started, output };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    // The whole group: `pnpm start` runs the server as a grandchild.
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  }
}

export const suite: BenchSuite = {
  name: "startup",
  file: "apps/server/bench/suites/startup.ts",
  async run({ rounds }) {
    await buildServer();
    const bare = async () =>
      (
        await timeToReady(
          process.execPath,
          ["--input-type=module", "-e", BARE_FASTIFY],
          await freePort(),
          {},
          serverDir,
        )
      ).ms;
    const startCompiled = async (dataDir: string) =>
      (
        await timeToReady(
          process.execPath,
          [path.join(serverDir, "dist/main.js")],
          await freePort(),
          { DATA_DIR: dataDir },
          serverDir,
        )
      ).ms;
    // A fresh data directory each time: the migrations run and the bank is parsed, as on a first start.
    const firstStart = async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "loopwright-bench-start-"));
      try {
        return await startCompiled(dataDir);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    };
    // One data directory started once before: what every later start (a deploy, a crash) pays.
    const restartDir = mkdtempSync(path.join(tmpdir(), "loopwright-bench-restart-"));
    const compiled = () => startCompiled(restartDir);
    const underTsx = async () =>
      (
        await timeToReady(
          process.execPath,
          ["--import", "tsx", "src/main.ts"],
          await freePort(),
          {},
          serverDir,
        )
      ).ms;
    await compiled();
    const start = await alternate(rounds, compiled, bare);
    const first = await alternate(rounds, firstStart, bare);
    const tsx = await alternate(rounds, underTsx, bare);

    // `pnpm start` twice: the first may build; the second must find both builds up to date.
    let pnpmOutput = "";
    const pnpmStart = async () => {
      const run = await timeToReady("pnpm", ["start"], await freePort(), {}, repoRoot);
      pnpmOutput = run.output;
      return run.ms;
    };
    await pnpmStart();
    const again = await alternate(Math.min(rounds, 3), pnpmStart, compiled);
    rmSync(restartDir, { recursive: true, force: true });
    const skipped = (pnpmOutput.match(/up to date, not rebuilt/g) ?? []).length === 2;
    return [
      {
        what: "server start to /api/health (compiled; bank validated, database migrated)",
        unit: "ms",
        ...start,
        better: "lower",
        target: "< 400 ms",
        met: start.loopwright < 400,
        note: "a restart on a data directory used before: migrations checked, every question schema-checked, the YAML parse of unchanged files remembered (DATA_DIR/cache); baseline: a bare Fastify process answering one route, spawned the same way",
      },
      {
        what: "first start on an empty data directory",
        unit: "ms",
        ...first,
        better: "lower",
        note: "every migration run and every question file parsed",
      },
      {
        what: "the same server under tsx (how it started before)",
        unit: "ms",
        ...tsx,
        better: "lower",
      },
      {
        what: "`pnpm start` to ready with nothing changed",
        unit: "ms",
        loopwright: again.loopwright,
        baseline: again.baseline,
        better: "lower",
        target: "skips both builds",
        met: skipped,
        note: "baseline: the compiled server alone, restarting on a data directory used before (pnpm start uses ./data); the difference is pnpm and tsx starting and the two fingerprints",
      },
    ];
  },
};
