import { statSync } from "node:fs";
import path from "node:path";
import { NOTE_MAX_CHARS } from "@loopwright/schema";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { getJson, postJson, startServer } from "./helpers.js";
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

describe("a session's storage", () => {
  it("grows linearly with its notes: 400 notes of 2,000 characters add well under 5 MB", async () => {
    const server = await startServer({ ROOM_IDLE_SECONDS: "0.05" });
    const post = async (p: string, body: unknown) => (await postJson(`${server.url}${p}`, body)).body;
    const questionId = (await getJson(`${server.url}/api/questions`)).body.questions[0].id;
    const created = await post("/api/sessions", { questionId, hostName: "Hana", candidateName: "Cara" });
    const { credential } = await post("/api/sessions/exchange", { token: created.host.token });
    const host = await TestClient.join(server.url, created.sessionId, credential);
    const before = databaseBytes(server.config.DATA_DIR);
    for (let i = 0; i < 400; i++) {
      const text = `${i} `.padEnd(NOTE_MAX_CHARS, "evidence ");
      const ack = await host.intent({ type: "add-note", text, shared: i % 2 === 0 });
      expect(ack.type).toBe("ack");
      // Under the per-socket limit of 20 messages a second (P-LIM-2).
      await new Promise((r) => setTimeout(r, 55));
    }
    const added = databaseBytes(server.config.DATA_DIR) - before;
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
