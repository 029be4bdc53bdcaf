import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOM_STATE_VERSION } from "@loopwright/schema";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { pastState } from "../../src/features/sessions/room-log.js";
import { SQLITE_MIGRATIONS } from "../../src/storage/sqlite/migrations.js";
import { SqliteStore } from "../../src/storage/sqlite/sqlite-store.js";

const dir = mkdtempSync(path.join(tmpdir(), "loopwright-upgrade-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A room state as saved before states were versioned and before mini loops. */
const oldState = {
  sessionId: "s1",
  questionId: "q1",
  promptRevealed: true,
  clock: {
    phases: [],
    startedAt: 1,
    pausedAt: null,
    pausedMs: 0,
    advances: [],
    extensionsMs: [],
    stoppedAt: null,
  },
  curveballs: [],
  answer: { text: "Split the platform team.", revision: 2 },
  notes: [],
  scores: [],
  selfScore: null,
  released: false,
  swappedTo: null,
};

describe("a SQLite database written before the change log", () => {
  it("opens with its sessions intact: the saved state becomes the snapshot at its seq", async () => {
    const file = path.join(dir, "old.sqlite");
    const db = new Database(file);
    db.exec(
      "CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))",
    );
    for (const m of SQLITE_MIGRATIONS.filter((m) => m.id < "0005")) {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (id) VALUES (?)").run(m.id);
    }
    db.prepare(
      "INSERT INTO peer_sessions (id, question_id, state_json, seq, created_at, expires_at) VALUES ('s1', 'q1', ?, 7, 'x', '9999')",
    ).run(JSON.stringify(oldState));
    db.prepare(
      "INSERT INTO peer_events (session_id, seq, recipient_id, kind, patch_json) VALUES ('s1', 7, 'p1', 'answer', '{}')",
    ).run();
    db.close();

    const store = new SqliteStore(file);
    try {
      expect(await store.sessions.getSession("s1")).toMatchObject({ seq: 7, snapshotSeq: 7 });
      const state = await pastState(store.sessions, "s1", 7);
      expect(state).toMatchObject({
        version: ROOM_STATE_VERSION,
        answer: { text: "Split the platform team.", revision: 2 },
      });
      // Nothing before the upgrade can be replayed: a reconnect from there gets a fresh snapshot.
      expect(await pastState(store.sessions, "s1", 6)).toBeNull();
    } finally {
      await store.close();
    }
  });
});
