/**
 * Two copies of Loopwright under the fanout suite's load, in alternating
 * rounds, to measure a change against the code before it on a noisy machine:
 *
 *   tsx bench/fanout/compare.ts <other apps/server dir> [sessions=1000] [seconds=8] [rounds=4]
 *
 * The other directory is a copy of apps/server (src, package.json) with its
 * node_modules linked to this one's, e.g. the changed files checked out from
 * git HEAD; this checkout runs as "this".
 */
import { readFileSync } from "node:fs";
import { median, quantile } from "../harness.js";
import { Fleet } from "./load.js";
import { ChildServer } from "./processes.js";
import { createLoopwrightSessions } from "./sessions.js";

const [otherDir, sessionsArg, secondsArg, roundsArg] = process.argv.slice(2);
if (!otherDir) {
  console.error("usage: tsx bench/fanout/compare.ts <other apps/server dir> [sessions] [seconds] [rounds]");
  process.exit(2);
}
const sessions = Number(sessionsArg ?? 1000);
const seconds = Number(secondsArg ?? 8);
const rounds = Number(roundsArg ?? 4);

const variants = [
  { name: "other", serverDir: otherDir },
  { name: "this", serverDir: undefined },
];
const runs = [];
for (const variant of variants) {
  const server = await ChildServer.loopwright({ serverDir: variant.serverDir });
  const links = await server.explain(() => createLoopwrightSessions(server.url, sessions));
  const fleet = await Fleet.connect(server.url, links);
  runs.push({
    ...variant,
    server,
    fleet,
    p50: [] as number[],
    p99: [] as number[],
    ack: [] as number[],
    lost: 0,
  });
}
for (const run of runs) await run.fleet.run(2);
for (let r = 0; r < rounds; r++) {
  // Who goes first alternates, as in the harness.
  for (const run of r % 2 ? [...runs].reverse() : runs) {
    const round = await run.fleet.run(seconds);
    run.p50.push(quantile(round.deliveries, 0.5));
    run.p99.push(quantile(round.deliveries, 0.99));
    run.ack.push(quantile(round.acks, 0.99));
    run.lost += round.lost + round.errors;
    const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    console.log(
      `${run.name.padEnd(6)} round ${r + 1}: p50 ${run.p50.at(-1)?.toFixed(2)} ms, p99 ${run.p99.at(-1)?.toFixed(2)} ms, lost ${round.lost} (load ${load})`,
    );
  }
}
for (const run of runs) {
  console.log(
    `${run.name.padEnd(6)} median: p50 ${median(run.p50).toFixed(2)} ms, p99 ${median(run.p99).toFixed(2)} ms, ack p99 ${median(run.ack).toFixed(2)} ms, lost ${run.lost}, dropped ${run.fleet.dropped}`,
  );
  await run.fleet.close();
  await run.server.stop();
}
