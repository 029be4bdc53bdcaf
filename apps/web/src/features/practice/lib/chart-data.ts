import { type AttemptSummary, COMPETENCIES, COMPETENCY_LABELS, type Competency } from "@loopwright/schema";
import { timeAxisFormatter } from "../../../lib/datetime";

/** Shapes the history into what the progress chart draws and what its text summary says. */

export interface ChartRow {
  /** Epoch ms of the self-score (completion), the x value. */
  t: number;
  attemptId: string;
  title: string;
  competency: Competency;
  /** One key per competency; only the attempt's own competency is set, so each line skips the others. */
  scores: Partial<Record<Competency, number>>;
}

export interface CompetencyTrend {
  competency: Competency;
  label: string;
  count: number;
  first: number;
  latest: number;
  best: number;
}

export interface ProgressData {
  rows: ChartRow[];
  competencies: Competency[];
  domain: [number, number];
  ticks: number[];
  trends: CompetencyTrend[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

const round2 = (n: number) => Math.round(n * 100) / 100;

export function progressData(attempts: readonly AttemptSummary[]): ProgressData {
  const rows: ChartRow[] = attempts
    .filter((a) => a.meanSelfScore !== null)
    .map((a) => ({
      t: Date.parse(a.completedAt ?? a.createdAt),
      attemptId: a.id,
      title: a.questionTitle,
      competency: a.competency,
      scores: { [a.competency]: round2(a.meanSelfScore as number) },
    }))
    .filter((row) => Number.isFinite(row.t))
    .sort((a, b) => a.t - b.t);

  const present = new Set(rows.map((r) => r.competency));
  const competencies = COMPETENCIES.filter((c) => present.has(c));

  const trends = competencies.map((competency): CompetencyTrend => {
    const values = rows.filter((r) => r.competency === competency).map((r) => r.scores[competency] as number);
    return {
      competency,
      label: COMPETENCY_LABELS[competency],
      count: values.length,
      first: values[0] as number,
      latest: values.at(-1) as number,
      best: Math.max(...values),
    };
  });

  const domain = timeDomain(rows.map((r) => r.t));
  return { rows, competencies, domain, ticks: axisTicks(domain), trends };
}

/** The x range with a margin, so the first and last points sit inside the plot; a lone point gets a day. */
export function timeDomain(times: readonly number[]): [number, number] {
  if (times.length === 0) {
    const now = Date.now();
    return [now - DAY, now];
  }
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = max - min;
  const margin = span > 0 ? Math.max(span * 0.08, 1000) : 12 * HOUR;
  return [min - margin, max + margin];
}

/** Up to `count` evenly spaced ticks across the domain. */
export function timeTicks([start, end]: [number, number], count = 5): number[] {
  if (!(end > start)) return [start];
  const step = (end - start) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(start + i * step));
}

/**
 * Evenly spaced ticks that each read differently: over a short span several would fall in the same
 * minute and print the same label twice, so only the first of each label is kept.
 */
export function axisTicks(domain: [number, number], count = 5): number[] {
  const label = timeAxisFormatter(domain);
  const seen = new Set<string>();
  return timeTicks(domain, count).filter((t) => {
    const text = label(t);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

const score = (n: number) => n.toFixed(1);

/** One sentence per competency, for the chart's accessible summary. */
export function trendSentences(trends: readonly CompetencyTrend[]): string[] {
  return trends.map((t) => {
    if (t.count === 1) return `${t.label}: 1 scored attempt, mean self-score ${score(t.latest)} of 4.`;
    const change = round2(t.latest - t.first);
    const direction =
      change > 0
        ? `up ${score(change)} from the first`
        : change < 0
          ? `down ${score(-change)} from the first`
          : "level with the first";
    return `${t.label}: ${t.count} scored attempts, latest ${score(t.latest)} of 4, ${direction} (${score(t.first)}); best ${score(t.best)}.`;
  });
}
