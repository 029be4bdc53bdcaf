/**
 * WebSocket fan-out (issue 15): Loopwright's rooms against a bare `ws` relay
 * of the same frames to the same rooms, both as child processes, driven by one
 * load generator. Each session has three sockets (host, candidate, observer);
 * each candidate edits the answer pad once a second, sessions staggered evenly
 * over the second, so 1,000 sessions are a steady 1,000 intents/s and 3,000
 * timed deliveries/s (the event at the host and the observer, the ack at the
 * candidate). Every intent is also checked to arrive once, in seq order, at
 * all three sockets. Profile the server under this load with
 * `tsx bench/fanout/profile.ts`.
 */

import { fsyncLatencies } from "../fanout/fsync-floor.js";
import type { RoundResult } from "../fanout/load.js";
import { runScenario, type ScenarioResult, type SideResult } from "../fanout/scenario.js";
import type { BenchOptions, BenchRow, BenchSuite } from "../harness.js";

const mb = (n: number) => Math.round(n * 10) / 10;
const count = (n: number) => n.toLocaleString("en");

const allRounds = (side: SideResult): RoundResult[] => [...side.rounds, side.cycleRound];

function latencyRows(result: ScenarioResult, options: BenchOptions): BenchRow[] {
  const scale = `${count(result.sessions)} sessions × 3 sockets`;
  const ratio = result.loopwright.p99 / result.baseline.p99;
  return [
    {
      what: `p50 delivery, ${scale}`,
      unit: "ms",
      loopwright: result.loopwright.p50,
      baseline: result.baseline.p50,
      better: "lower",
    },
    {
      what: `p99 delivery, ${scale}`,
      unit: "ms",
      loopwright: result.loopwright.p99,
      baseline: result.baseline.p99,
      better: "lower",
      ...(result.sessions >= 1000 ? { target: "≤ 3× baseline", met: ratio <= 3 } : {}),
      note:
        `${count(result.sessions)} answer edits/s in all (one per session per second, staggered), ` +
        `${count(result.loopwright.rounds.at(-1)?.deliveries.length ?? 0)} timed deliveries a round; ` +
        `median over ${options.rounds} round${options.rounds === 1 ? "" : "s"} of each round's quantile`,
    },
    {
      what: `p99 ack at the sender, ${scale}`,
      unit: "ms",
      loopwright: result.loopwright.ackP99,
      baseline: result.baseline.ackP99,
      better: "lower",
      note: "the ack follows the commit (P-DUR-1); the baseline stores nothing",
    },
  ];
}

function integrityRows(results: ScenarioResult[]): BenchRow[] {
  const sum = (side: "loopwright" | "baseline", field: "lost" | "misordered" | "duplicated" | "errors") =>
    results.reduce((total, r) => total + allRounds(r[side]).reduce((t, round) => t + round[field], 0), 0);
  const intents = results.reduce(
    (total, r) => total + allRounds(r.loopwright).reduce((t, round) => t + round.intents, 0),
    0,
  );
  const rows: BenchRow[] = (["lost", "misordered", "duplicated"] as const).map((field) => {
    const ours = sum("loopwright", field) + (field === "lost" ? sum("loopwright", "errors") : 0);
    return {
      what: `events ${field}`,
      unit: "",
      loopwright: ours,
      baseline: sum("baseline", field),
      better: "lower",
      target: "0",
      met: ours === 0,
      ...(field === "lost"
        ? {
            note: `of ${count(intents * 4)} expected (${count(intents)} intents × the event at 3 sockets and the ack), every round and scale; not there 5 s after the last send, or an error frame, counts as lost`,
          }
        : {}),
    };
  });
  const dropped = results.reduce((t, r) => t + r.loopwright.dropped, 0);
  const reasons = results.flatMap((r) => r.loopwright.dropReasons);
  rows.push({
    what: "sockets dropped",
    unit: "",
    loopwright: dropped,
    baseline: results.reduce((t, r) => t + r.baseline.dropped, 0),
    better: "lower",
    target: "0",
    met: dropped === 0,
    ...(reasons.length ? { note: `close codes: ${reasons.join("; ")}` } : {}),
  });
  return rows;
}

function memoryRows(result: ScenarioResult): BenchRow[] {
  const sockets = count(result.sessions * 3);
  const ours = result.loopwright.memory;
  const theirs = result.baseline.memory;
  const row = (what: string, pick: (m: SideResult["memory"]) => number, extra: Partial<BenchRow> = {}) => ({
    what,
    unit: "MB",
    loopwright: mb(pick(ours)),
    baseline: mb(pick(theirs)),
    better: "lower" as const,
    ...extra,
  });
  const grew = ours.afterLoad.rssMb - ours.fresh.rssMb;
  const heapGrew = ours.afterLoad.heapMb - ours.fresh.heapMb;
  return [
    row(`server RSS idle (${count(result.sessions)} sessions, no socket yet)`, (m) => m.fresh.rssMb, {
      note: `every idle and after-close figure is read after a full garbage collection (forced through the inspector); ${mb(ours.fresh.beforeGcMb)} MB just before this one`,
    }),
    row(`server RSS with ${sockets} sockets connected`, (m) => m.connectedMb, {
      note: `read after the load rounds, the sockets still open, garbage and all; ${mb(ours.connected.rssMb)} MB live (baseline ${mb(theirs.connected.rssMb)} MB)`,
    }),
    row(`server RSS after they closed`, (m) => m.afterLoad.rssMb, {
      target: `≤ 1.1 × idle (${mb(ours.fresh.rssMb * 1.1)} MB)`,
      met: ours.afterLoad.rssMb <= ours.fresh.rssMb * 1.1,
      note: `${grew >= 0 ? "+" : ""}${mb(grew)} MB on idle, of which the JS heap ${heapGrew >= 0 ? "+" : ""}${mb(heapGrew)} MB (the rooms stay loaded, ROOM_IDLE_SECONDS=3600, each now with a 1 KB answer); outside it, SQLite's page cache (up to 16 MB with better-sqlite3's default) fills as the load grows the database`,
    }),
    row(`server RSS after a second ${sockets}-socket cycle closed`, (m) => m.afterCycle.rssMb, {
      target: `≤ 1.1 × the figure before it (${mb(ours.afterLoad.rssMb * 1.1)} MB)`,
      met: ours.afterCycle.rssMb <= ours.afterLoad.rssMb * 1.1,
      note: `connect, ${result.cycleSeconds} s of the same load, close (${mb(ours.cycleConnectedMb)} MB while connected): only what sockets leave behind differs from the figure before`,
    }),
  ];
}

export const suite: BenchSuite = {
  name: "fanout",
  file: "apps/server/bench/suites/fanout.ts",
  async run(options) {
    const scales = options.short
      ? [{ sessions: 100, seconds: 2, cycleSeconds: 1 }]
      : [
          { sessions: 100, seconds: 6, cycleSeconds: 2 },
          { sessions: 1000, seconds: 8, cycleSeconds: 2 },
        ];
    const results: ScenarioResult[] = [];
    for (const scale of scales) results.push(await runScenario({ ...scale, rounds: options.rounds }));
    const fsync = fsyncLatencies(options.short ? 200 : 1000);
    return [
      ...results.flatMap((r) => latencyRows(r, options)),
      {
        what: "fdatasync of one WAL frame on the data directory's disk, p99",
        unit: "ms",
        loopwright: fsync.p99,
        baseline: null,
        better: "lower",
        note: `p50 ${fsync.p50.toFixed(2)} ms; every ack waits for one (P-DUR-1, synchronous=FULL) and the bare relay for none, so a change arriving mid-commit waits up to two: the floor under Loopwright's delivery p99 whatever its own code costs`,
      },
      ...integrityRows(results),
      ...memoryRows(results.at(-1) as ScenarioResult),
    ];
  },
};
