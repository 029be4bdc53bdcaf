/**
 * Loopwright alone under the fanout suite's load, with `node --cpu-prof` on
 * the server, and where its CPU went while the load ran (setup excluded):
 *
 *   tsx bench/fanout/profile.ts [sessions=1000] [seconds=15] [profile-dir] [--server-dir <dir>]
 *
 * `--server-dir` runs another copy of apps/server (say, the code before a
 * change, with node_modules linked) under the same load.
 * The .cpuprofile stays in the directory (opens in Chrome DevTools).
 */
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { quantile } from "../harness.js";
import { readProfile, report, summarise } from "./cpuprofile.js";
import { Fleet } from "./load.js";
import { ChildServer } from "./processes.js";
import { createLoopwrightSessions } from "./sessions.js";

const args = process.argv.slice(2);
const serverDirAt = args.indexOf("--server-dir");
const serverDir = serverDirAt >= 0 ? args.splice(serverDirAt, 2)[1] : undefined;
const [sessionsArg, secondsArg, dirArg] = args;
const sessions = Number(sessionsArg ?? 1000);
const seconds = Number(secondsArg ?? 15);
const dir = dirArg ?? mkdtempSync(path.join(tmpdir(), "loopwright-fanout-profile-"));
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

const server = await ChildServer.loopwright({ cpuProfileDir: dir, serverDir });
let window: { fromUs: number; toUs: number };
try {
  const links = await server.explain(() => createLoopwrightSessions(server.url, sessions));
  const fleet = await Fleet.connect(server.url, links);
  await fleet.run(2); // warm-up, outside the window
  window = { fromUs: monotonicUs(), toUs: 0 };
  const round = await fleet.run(seconds);
  window.toUs = monotonicUs();
  console.log(
    `${sessions} sessions × 3 sockets, ${seconds} s: ${round.intents} intents, p50 ${quantile(round.deliveries, 0.5).toFixed(2)} ms, ` +
      `p99 ${quantile(round.deliveries, 0.99).toFixed(2)} ms, ack p99 ${quantile(round.acks, 0.99).toFixed(2)} ms, ` +
      `lost ${round.lost}, misordered ${round.misordered}, duplicated ${round.duplicated}, errors ${round.errors}, dropped ${fleet.dropped}`,
  );
  await fleet.close();
} finally {
  await server.stop();
}
// The main thread's profile is the big one; tsx's loader worker writes a small one beside it.
const file = readdirSync(dir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .map((f) => path.join(dir, f))
  .sort((a, b) => statSync(b).size - statSync(a).size)[0] as string;
console.log(`profile: ${file}\n`);
console.log(report(summarise(readProfile(file), window), 35));
