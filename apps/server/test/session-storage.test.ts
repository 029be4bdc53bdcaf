import { statSync } from "node:fs";
import path from "node:path";
import { NOTE_MAX_CHARS } from "@loopwright/schema";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { getJson, postJson, type RunningServer, startServer } from "./helpers.js";
import { startTestPostgres } from "./support/postgres-server.js";
import { TestClient } from "./ws-client.js";

/**
 * The database file's size once the write-ahead log is folded into it (a
 * second connection may checkpoint while the server's stays open): what the
 * session keeps, not the WAL's transient page copies.
 */
function databaseBytes(dataDir: string): number {
  const file = path.join(dataDir, "loopwright.sqlite");
  const db = new Database(file);
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return statSync(file).size;
}

/** What a backend's database holds now, in bytes. */
type Measure = () => Promise<number>;

interface Backend {
  name: string;
  open(): Promise<{ server: RunningServer; bytes: Measure; stop(): Promise<void> }>;
}

const sqlite: Backend = {
  name: "SQLite",
  async open() {
    const server = await startServer({ ROOM_IDLE_SECONDS: "0.05" });
    return { server, bytes: async () => databaseBytes(server.config.DATA_DIR), stop: server.close };
  },
};

const postgres: Backend = {
  name: "PostgreSQL",
  async open() {
    const cluster = await startTestPostgres();
    const url = await cluster.createDatabase();
    const server = await startServer({ ROOM_IDLE_SECONDS: "0.05", DATABASE_URL: url });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      server,
      // Tables, indexes and TOAST of this database; PostgreSQL's WAL is the cluster's, not the session's.
      bytes: async () =>
        Number((await client.query("SELECT pg_database_size(current_database()) AS n")).rows[0].n),
      async stop() {
        await client.end();
        await server.close();
        await cluster.stop();
      },
    };
  },
};

// The two backends run side by side: each test paces its notes under the socket's rate limit.
describe.concurrent.each([sqlite, postgres])("a session's storage on $name", (backend) => {
  it("grows linearly with its notes: 400 notes of 2,000 characters add well under 5 MB", async ({
    onTestFinished,
  }) => {
    const { server, bytes, stop } = await backend.open();
    onTestFinished(stop);
    const post = async (p: string, body: unknown) => (await postJson(`${server.url}${p}`, body)).body;
    const questionId = (await getJson(`${server.url}/api/questions`)).body.questions[0].id;
    const created = await post("/api/sessions", { questionId, hostName: "Hana", candidateName: "Cara" });
    const { credential } = await post("/api/sessions/exchange", { token: created.host.token });
    const host = await TestClient.join(server.url, created.sessionId, credential);
    const before = await bytes();
    for (let i = 0; i < 400; i++) {
      const text = `${i} `.padEnd(NOTE_MAX_CHARS, "evidence ");
      const ack = await host.intent({ type: "add-note", text, shared: i % 2 === 0 });
      expect(ack.type).toBe("ack");
      // Under the per-socket limit of 20 messages a second (P-LIM-2).
      await new Promise((r) => setTimeout(r, 55));
    }
    const added = (await bytes()) - before;
    // 0.8 MB of text; per-recipient view patches used to add about 179 MB.
    expect(added).toBeLessThan(5 * 1024 * 1024);

    // Unloaded and loaded again from the last snapshot and the changes after it, nothing is lost.
    host.close();
    await new Promise((r) => setTimeout(r, 300));
    const back = await TestClient.join(server.url, created.sessionId, credential);
    const welcome = back.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.view?.notes?.length).toBe(400);
    expect(welcome?.type === "welcome" && welcome.view?.seq).toBe(400);
    // A reconnect from seq 150 replays the 250 notes since, from the snapshot at 100 onwards.
    const replaying = await TestClient.join(server.url, created.sessionId, credential, 150);
    await replaying.waitFor((m) => m.type === "event" && m.event.seq === 400);
    const events = replaying.messages.filter((m) => m.type === "event");
    expect(events).toHaveLength(250);
    back.close();
    replaying.close();
  }, 60_000);
});
