/**
 * What an acknowledged room change costs on disk: the same commit (the
 * sequence compare-and-set, the change as a diff of the room state, and the
 * idempotency record, in one transaction) on a SQLite file with synchronous=FULL, which we ship, against
 * the baseline synchronous=NORMAL, which is durable across a crashed process
 * but not across power loss. Run from the repository root: pnpm bench
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, bench, describe } from "vitest";
import { SqliteStore } from "../src/storage/sqlite/sqlite-store.js";

const dir = mkdtempSync(path.join(tmpdir(), "loopwright-bench-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function storeWith(synchronous: "FULL" | "NORMAL") {
  const store = new SqliteStore(path.join(dir, `${synchronous}.sqlite`));
  store.db.pragma(`synchronous = ${synchronous}`);
  await store.sessions.createSession(
    {
      id: "s1",
      questionId: "q1",
      state: {},
      seq: 0,
      snapshotSeq: 0,
      createdAt: new Date().toISOString(),
      expiresAt: "9999-12-31T00:00:00.000Z",
      previousSessionId: null,
    },
    [],
  );
  let seq = 0;
  return async () => {
    seq += 1;
    const note = { id: `n${seq}`, text: "Strong on spans; asked about the platform team's charter.", seq };
    await store.sessions.commitChange({
      sessionId: "s1",
      expectedSeq: seq - 1,
      seq,
      change: { kind: "add-note", diff: { notes: { length: seq, items: [[seq - 1, note]] } } },
      snapshot: null,
      op: { participantId: "p-host", opId: `op-${seq}` },
    });
  };
}

const full = await storeWith("FULL");
const normal = await storeWith("NORMAL");
const options = { iterations: 300, warmupIterations: 20, time: 0, warmupTime: 0 };

describe("one acknowledged room change, committed to a SQLite file in WAL mode", () => {
  bench("baseline: synchronous=NORMAL (survives a crash, not power loss)", normal, options);
  bench("shipped: synchronous=FULL (fsync at every commit)", full, options);
});
