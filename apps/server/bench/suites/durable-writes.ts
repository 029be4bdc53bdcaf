/**
 * What an acknowledged room change costs on disk: the same commit (the
 * sequence compare-and-set, the change as a diff of the room state, and the
 * idempotency record, in one transaction) on a SQLite file with
 * synchronous=FULL, which we ship, against the baseline synchronous=NORMAL,
 * durable across a crashed process but not across power loss.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SqliteStore } from "../../src/storage/sqlite/sqlite-store.js";
import { alternate, type BenchSuite } from "../harness.js";

async function committer(dir: string, synchronous: "FULL" | "NORMAL") {
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
  /** Mean milliseconds per commit over `count` commits. */
  const commits = async (count: number) => {
    const started = performance.now();
    for (let i = 0; i < count; i++) {
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
    }
    return (performance.now() - started) / count;
  };
  return { commits, close: () => store.close() };
}

export const suite: BenchSuite = {
  name: "durable-writes",
  file: "apps/server/bench/suites/durable-writes.ts",
  async run({ short, rounds }) {
    const dir = mkdtempSync(path.join(tmpdir(), "loopwright-bench-writes-"));
    const full = await committer(dir, "FULL");
    const normal = await committer(dir, "NORMAL");
    try {
      const count = short ? 50 : 300;
      const result = await alternate(
        rounds,
        () => full.commits(count),
        () => normal.commits(count),
      );
      return [
        {
          what: `one acknowledged room change, synchronous=FULL (mean of ${count} commits)`,
          unit: "ms",
          ...result,
          better: "lower",
          note: "baseline: the same commit with synchronous=NORMAL, which survives a crashed process but not power loss",
        },
      ];
    } finally {
      await full.close();
      await normal.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
