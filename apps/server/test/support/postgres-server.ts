import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A real PostgreSQL for tests: the server at DATABASE_URL when it is set,
 * otherwise a throwaway cluster started here from Debian's binaries, as a
 * non-root user (initdb refuses root), on a free port, removed at the end.
 * Each store gets a database of its own.
 */
export interface TestPostgres {
  /** A connection string to a new, empty database. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function findBinaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest) {
    throw new Error(
      "These tests need PostgreSQL: set DATABASE_URL to a server where the user may CREATE DATABASE, or install Debian's `postgresql` package (bash .ci/run does).",
    );
  }
  return path.join(root, newest, "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The uid/gid to run PostgreSQL as: ourselves, or the `postgres` account when we are root. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error(
      "Running as root needs a `postgres` account to run PostgreSQL as (Debian's package makes one).",
    );
  }
}

async function waitUntilReady(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited at start:\n${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL did not start in 30 s: ${String(error)}\n${output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function databaseFactory(adminUrl: string) {
  const created: string[] = [];
  return {
    created,
    async createDatabase(): Promise<string> {
      const name = `loopwright_test_${randomBytes(6).toString("hex")}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      created.push(name);
      return withDatabase(adminUrl, name);
    },
  };
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const factory = databaseFactory(external);
    return {
      createDatabase: factory.createDatabase,
      async stop() {
        // Someone else's server: leave it as it was found.
        const client = new pg.Client({ connectionString: external });
        await client.connect();
        for (const name of factory.created) {
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        }
        await client.end();
      },
    };
  }

  const bin = findBinaries();
  const user = serverUser();
  const dir = mkdtempSync(path.join(tmpdir(), "loopwright-pg-"));
  const data = path.join(dir, "data");
  if (user) chownSync(dir, user.uid, user.gid);
  const asUser = { ...(user ?? {}), env: { ...process.env, LC_ALL: "C.UTF-8" } };
  execFileSync(path.join(bin, "initdb"), ["-D", data, "-U", "loopwright", "--auth=trust", "-E", "UTF8"], {
    ...asUser,
    stdio: "pipe",
  });
  const port = await freePort();
  let output = "";
  const server = spawn(
    path.join(bin, "postgres"),
    [
      "-D",
      data,
      "-p",
      String(port),
      "-k",
      dir,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=300",
      // A throwaway cluster: nothing here must survive the machine losing power, and the tests
      // kill app instances, never PostgreSQL, so skipping fsync only makes them faster.
      "-c",
      "fsync=off",
    ],
    { ...asUser, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const adminUrl = `postgresql://loopwright@127.0.0.1:${port}/postgres`;
  await waitUntilReady(adminUrl, server, () => output);
  const factory = databaseFactory(adminUrl);
  return {
    createDatabase: factory.createDatabase,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGINT"); // fast shutdown: disconnects clients, no waiting for them
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
