import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const repoRoot = path.resolve(serverDir, "../..");
/**
 * Every server under test listens for the inspector on a port of its own, so
 * the benchmark can ask V8 for a full garbage collection before reading
 * memory (liveMemory). Idle, it costs nothing: nothing is attached.
 */
const INSPECT = "--inspect=127.0.0.1:0";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * A server under test in its own OS process, so its CPU time and memory are
 * its own and the load generator's work does not land on its event loop.
 */
export class ChildServer {
  private output = "";
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly cleanup: () => void,
  ) {
    // Kept whole up to a bound: at LOG_LEVEL=warn a healthy run prints next to nothing.
    const keep = (d: Buffer) => {
      if (this.output.length < 1_000_000) this.output += d;
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** What the server printed; warnings and errors only, at LOG_LEVEL=warn. */
  get log(): string {
    return this.output;
  }

  /**
   * Loopwright as production runs it (`node --import tsx src/main.ts`) on
   * SQLite in a fresh data directory. `cpuProfileDir` adds --cpu-prof: a
   * profile per thread (tsx's loader has one) is written there when the
   * process exits after SIGTERM.
   */
  static async loopwright(
    options: {
      cpuProfileDir?: string;
      env?: Record<string, string>;
      /** Another copy of apps/server to run instead, e.g. the code before a change, to measure both. */
      serverDir?: string;
    } = {},
  ): Promise<ChildServer> {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), "loopwright-fanout-"));
    const profile = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
    const child = spawn(process.execPath, [...profile, INSPECT, "--import", "tsx", "src/main.ts"], {
      cwd: options.serverDir ?? serverDir,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        // The load generator is one address opening thousands of sessions; the HTTP limits would be what it measured.
        RATE_LIMIT_PER_MINUTE: "0",
        RATE_LIMIT_CREATE_PER_MINUTE: "0",
        RATE_LIMIT_EXCHANGE_PER_MINUTE: "0",
        RATE_LIMIT_ANALYZE_PER_MINUTE: "0",
        // Rooms stay loaded between rounds, so every round measures the same warm rooms.
        ROOM_IDLE_SECONDS: "3600",
        // The bank and web build are found from the copy's own path otherwise.
        ...(options.serverDir
          ? {
              BANK_DIR: path.join(repoRoot, "question-bank"),
              WEB_DIST_DIR: path.join(repoRoot, "apps/web/dist"),
            }
          : {}),
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const server = new ChildServer(child, port, () => rmSync(dataDir, { recursive: true, force: true }));
    await server.waitUntilListening("/api/health");
    return server;
  }

  /** The bare `ws` relay in bare-server.ts. */
  static async bare(): Promise<ChildServer> {
    const port = await freePort();
    const child = spawn(process.execPath, [INSPECT, "--import", "tsx", "bench/fanout/bare-server.ts"], {
      cwd: serverDir,
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const server = new ChildServer(child, port, () => undefined);
    await server.waitUntilListening("/health");
    return server;
  }

  private async waitUntilListening(healthPath: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the server exited early:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}${healthPath}`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.stop();
    throw new Error(`the server did not start listening:\n${this.output}`);
  }

  /** Runs `work`; if it fails, the error says what the server logged meanwhile. */
  async explain<T>(work: () => Promise<T>): Promise<T> {
    const from = this.output.length;
    try {
      return await work();
    } catch (error) {
      const log = this.output.slice(from).trim();
      if (log && error instanceof Error) error.message += `\nThe server logged:\n${log.slice(0, 4000)}`;
      throw error;
    }
  }

  /** Calls inspector (Chrome DevTools protocol) methods in the server, one after another. */
  private async inspector(methods: string[]): Promise<unknown[]> {
    const url = /Debugger listening on (ws:\/\/\S+)/.exec(this.output)?.[1];
    if (!url) throw new Error(`the server did not open the inspector:\n${this.output.slice(0, 2000)}`);
    const cdp = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      cdp.once("open", () => resolve());
      cdp.once("error", reject);
    });
    try {
      const results: unknown[] = [];
      for (const [id, method] of methods.entries()) {
        results.push(
          await new Promise((resolve, reject) => {
            const onMessage = (data: WebSocket.RawData) => {
              const reply = JSON.parse(String(data)) as {
                id?: number;
                result?: unknown;
                error?: { message: string };
              };
              if (reply.id !== id) return;
              cdp.off("message", onMessage);
              if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
              else resolve(reply.result);
            };
            cdp.on("message", onMessage);
            cdp.send(JSON.stringify({ id, method }));
          }),
        );
      }
      return results;
    } finally {
      cdp.close();
    }
  }

  /**
   * A full garbage collection in the server, then its memory. Without the
   * collection RSS counts whatever garbage V8 has had no reason to collect
   * yet: an idle server allocates nothing, so it may never, and readings
   * before and after would compare garbage rather than what the server keeps.
   * Twice: what only finalizers or weak references held goes in the second.
   */
  async liveMemory(): Promise<{ rssMb: number; heapMb: number; beforeGcMb: number }> {
    const beforeGcMb = this.rssMb();
    const [, , heap] = (await this.inspector([
      "HeapProfiler.collectGarbage",
      "HeapProfiler.collectGarbage",
      "Runtime.getHeapUsage",
    ])) as [unknown, unknown, { usedSize: number }];
    // Freed pages go back to the OS a moment after the collection.
    await new Promise((r) => setTimeout(r, 500));
    return { rssMb: this.rssMb(), heapMb: heap.usedSize / 2 ** 20, beforeGcMb };
  }

  /** Resident set size now, in MB, from /proc (the benchmark runs on Linux). */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return kb / 1024;
  }

  /** SIGTERM and wait: a graceful exit is what writes a CPU profile. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill("SIGTERM");
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 15_000);
      await this.exited;
      clearTimeout(timer);
    }
    this.cleanup();
  }
}
