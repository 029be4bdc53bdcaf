import { createServer } from "node:net";
/**
 * The benchmark harness behind `pnpm bench`. Every suite measures Loopwright
 * and a bare baseline doing the same work, in the same process run, on the
 * same machine, alternating over several rounds; the table reports medians
 * and their ratio. Nothing here asserts a time: a target is printed as met or
 * not, and BENCHMARKS.md records the latest table.
 */

export interface BenchOptions {
  /** A quick pass for CI, so the suite cannot rot: fewer rounds, smaller loads. */
  short: boolean;
  rounds: number;
}

export interface BenchRow {
  /** The measurement, e.g. "GET /api/questions req/s (20 connections)". */
  what: string;
  unit: string;
  loopwright: number;
  /** The bare baseline's median, when the row has one. */
  baseline: number | null;
  /** How the ratio should be read: "higher" when Loopwright should be as large as the baseline. */
  better: "higher" | "lower";
  /** The target in words, e.g. "≥ 0.8 of baseline" or "< 400 ms". */
  target?: string;
  met?: boolean;
  note?: string;
}

export interface BenchSuite {
  name: string;
  /** Where the suite lives, for the table's heading. */
  file: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The q-quantile (0..1) by nearest rank, e.g. 0.99 for p99. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/**
 * Runs `subject` and `baseline` alternately for `rounds` rounds (after one
 * unrecorded warm-up of each) and returns the medians of what they measured,
 * so drift on a shared machine falls on both alike.
 */
export async function alternate(
  rounds: number,
  subject: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<{ loopwright: number; baseline: number }> {
  await subject();
  await baseline();
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Who goes first alternates too: the second runner in a round can inherit a warm cache.
    if (i % 2 === 0) {
      ours.push(await subject());
      theirs.push(await baseline());
    } else {
      theirs.push(await baseline());
      ours.push(await subject());
    }
  }
  return { loopwright: median(ours), baseline: median(theirs) };
}

/** Loopwright relative to the baseline: above 1 means more (req/s) or slower (ms). */
export function ratio(row: BenchRow): number | null {
  if (row.baseline === null || row.baseline === 0) return null;
  return row.loopwright / row.baseline;
}

const number = (n: number) =>
  Number.isNaN(n)
    ? "—"
    : n >= 100
      ? Math.round(n).toLocaleString("en")
      : n.toPrecision(3).replace(/\.?0+$/, "");

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ["what", "Loopwright", "baseline", "ratio", "target", "met"];
  const body = rows.map((row) => {
    const r = ratio(row);
    return [
      row.what,
      `${number(row.loopwright)} ${row.unit}`,
      row.baseline === null ? "—" : `${number(row.baseline)} ${row.unit}`,
      r === null ? "—" : `${r.toFixed(2)}×`,
      row.target ?? "—",
      row.met === undefined ? "—" : row.met ? "yes" : "**no**",
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((cells) => (cells[i] as string).length)),
  );
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.what}: ${r.note}`);
  return [line(header), rule, ...body.map(line), ...(notes.length ? ["", ...notes] : [])].join("\n");
}

/** A port nothing listens on right now, for a server the suite starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}
