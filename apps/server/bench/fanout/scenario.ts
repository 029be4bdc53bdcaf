import { alternate, median, quantile } from "../harness.js";
import { Fleet, type RoundResult, type SessionLinks } from "./load.js";
import { ChildServer } from "./processes.js";
import { bareSessions, createLoopwrightSessions } from "./sessions.js";

/** MB, read after a full garbage collection: what the server keeps (see ChildServer.liveMemory). */
export interface LiveMemory {
  rssMb: number;
  heapMb: number;
  beforeGcMb: number;
}

export interface SideResult {
  /** The alternating rounds, the harness's warm-up first. */
  rounds: RoundResult[];
  /** The second socket cycle's round (see runScenario). */
  cycleRound: RoundResult;
  /** Medians over the measured rounds of each round's quantile, ms. */
  p50: number;
  p99: number;
  ackP99: number;
  dropped: number;
  dropReasons: string[];
  memory: {
    /** Sessions created and their rooms loaded, no socket yet. */
    fresh: LiveMemory;
    /** RSS with every socket open, just after the load, garbage and all. */
    connectedMb: number;
    connected: LiveMemory;
    /** The sockets closed after the load: idle again, with whatever the load left (data, caches). */
    afterLoad: LiveMemory;
    /** RSS with the second cycle's sockets open. */
    cycleConnectedMb: number;
    /** Those closed too: against afterLoad, only what sockets leave behind differs. */
    afterCycle: LiveMemory;
  };
}

export interface ScenarioResult {
  sessions: number;
  cycleSeconds: number;
  loopwright: SideResult;
  baseline: SideResult;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Long enough for the server to have handled every close; its presence timers then hold a few bytes each. */
const CLOSE_SETTLE_MS = 1_000;

interface Side {
  server: ChildServer;
  links: SessionLinks[];
  fleets: Fleet[];
  rounds: RoundResult[];
}

/**
 * One scale: Loopwright and the bare relay as child processes, `sessions`
 * rooms of three sockets on each, the same answer-edit load on both in
 * alternating rounds, then memory as the sockets close. Memory is read twice
 * over: after the load's sockets close, which also counts what the load
 * stored (the answers, SQLite's page cache filling with a larger database),
 * and after a second cycle of as many sockets (connect, one round, close),
 * which differs from the first reading only by what sockets leave behind.
 */
export async function runScenario(options: {
  sessions: number;
  seconds: number;
  /** How long the second socket cycle drives load. */
  cycleSeconds: number;
  rounds: number;
}): Promise<ScenarioResult> {
  const [loopwright, bare] = await Promise.all([ChildServer.loopwright(), ChildServer.bare()]);
  try {
    const ours: Side = {
      server: loopwright,
      links: await loopwright.explain(() => createLoopwrightSessions(loopwright.url, options.sessions)),
      fleets: [],
      rounds: [],
    };
    const theirs: Side = { server: bare, links: bareSessions(options.sessions), fleets: [], rounds: [] };
    const both = [ours, theirs];
    const fresh = [await loopwright.liveMemory(), await bare.liveMemory()];

    for (const side of both)
      side.fleets.push(await side.server.explain(() => Fleet.connect(side.server.url, side.links)));
    const round = (side: Side) => async () => {
      side.rounds.push(await (side.fleets[0] as Fleet).run(options.seconds));
      return 0;
    };
    await alternate(options.rounds, round(ours), round(theirs));
    const connectedMb = both.map((side) => side.server.rssMb());
    const connected = [await loopwright.liveMemory(), await bare.liveMemory()];
    for (const side of both) await (side.fleets[0] as Fleet).close();
    await sleep(CLOSE_SETTLE_MS);
    const afterLoad = [await loopwright.liveMemory(), await bare.liveMemory()];

    const cycleRounds: RoundResult[] = [];
    const cycleConnectedMb: number[] = [];
    for (const side of both) {
      const fleet = await side.server.explain(() =>
        Fleet.connect(side.server.url, side.links, { continueFrom: side.fleets[0] }),
      );
      side.fleets.push(fleet);
      cycleRounds.push(await fleet.run(options.cycleSeconds));
      cycleConnectedMb.push(side.server.rssMb());
      await fleet.close();
    }
    await sleep(CLOSE_SETTLE_MS);
    const afterCycle = [await loopwright.liveMemory(), await bare.liveMemory()];

    const result = (side: Side, i: number): SideResult => {
      // The first round is the harness's unrecorded warm-up; its counts still count.
      const measured = side.rounds.slice(1);
      return {
        rounds: side.rounds,
        cycleRound: cycleRounds[i] as RoundResult,
        p50: median(measured.map((r) => quantile(r.deliveries, 0.5))),
        p99: median(measured.map((r) => quantile(r.deliveries, 0.99))),
        ackP99: median(measured.map((r) => quantile(r.acks, 0.99))),
        dropped: side.fleets.reduce((total, fleet) => total + fleet.dropped, 0),
        dropReasons: side.fleets.flatMap((fleet) => fleet.dropReasons),
        memory: {
          fresh: fresh[i] as LiveMemory,
          connectedMb: connectedMb[i] as number,
          connected: connected[i] as LiveMemory,
          afterLoad: afterLoad[i] as LiveMemory,
          cycleConnectedMb: cycleConnectedMb[i] as number,
          afterCycle: afterCycle[i] as LiveMemory,
        },
      };
    };
    return {
      sessions: options.sessions,
      cycleSeconds: options.cycleSeconds,
      loopwright: result(ours, 0),
      baseline: result(theirs, 1),
    };
  } finally {
    await Promise.all([bare.stop(), loopwright.stop()]);
  }
}
