/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`) and lists where the time
 * went: self time by function, and inclusive time for the functions named.
 * `window` keeps only the samples taken between two CLOCK_MONOTONIC readings
 * in microseconds (process.hrtime, the clock V8 stamps samples with), so the
 * start-up and the setup of a benchmark fall outside.
 *
 *   tsx bench/fanout/cpuprofile.ts <file.cpuprofile> [top]
 */
import { readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  sampledMs: number;
  idleMs: number;
  functions: FunctionTime[];
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName || "(anonymous)";
  const file = url.replace(/^file:\/\//, "");
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
  const where = pkg ? `${pkg}/${path.basename(file)}` : path.basename(file);
  return `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`;
}

export function summarise(profile: CpuProfile, window?: { fromUs: number; toUs: number }): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sampledUs = 0;
  let idleUs = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] as number;
    // A sample's time is the gap to the next one, the usual reading of V8's profile.
    const us = (profile.timeDeltas[i + 1] as number | undefined) ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const node = byId.get(profile.samples[i] as number) as ProfileNode;
    const name = label(node);
    sampledUs += us;
    if (node.callFrame.functionName === "(idle)") idleUs += us;
    self.set(name, (self.get(name) ?? 0) + us);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = label(byId.get(id) as ProfileNode);
      if (seen.has(frame)) continue;
      seen.add(frame);
      total.set(frame, (total.get(frame) ?? 0) + us);
    }
  }
  const functions = [...total.keys()].map((name) => ({
    name,
    selfMs: (self.get(name) ?? 0) / 1000,
    totalMs: (total.get(name) ?? 0) / 1000,
  }));
  return { sampledMs: sampledUs / 1000, idleMs: idleUs / 1000, functions };
}

export function report(summary: ProfileSummary, top = 30): string {
  const busy = summary.sampledMs - summary.idleMs;
  const pct = (ms: number) => `${((100 * ms) / summary.sampledMs).toFixed(1).padStart(5)}%`;
  const lines = [
    `sampled ${summary.sampledMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms (${pct(summary.idleMs).trim()}), busy ${busy.toFixed(0)} ms`,
    "",
    "self time:",
    ...[...summary.functions]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top)
      .map((f) => `${pct(f.selfMs)} ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.name}`),
    "",
    "inclusive time:",
    ...[...summary.functions]
      .filter((f) => !f.name.startsWith("(root)"))
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, top)
      .map((f) => `${pct(f.totalMs)} ${f.totalMs.toFixed(0).padStart(7)} ms  ${f.name}`),
  ];
  return lines.join("\n");
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error("usage: tsx bench/fanout/cpuprofile.ts <file.cpuprofile> [top]");
    process.exit(2);
  }
  console.log(report(summarise(readProfile(file)), Number(top ?? 30)));
}
