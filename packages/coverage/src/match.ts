import type { TalkingPoint } from "@loopwright/schema";
import { compilePhrase } from "./phrase.js";

/**
 * Which talking points a written answer addresses, with the passages that
 * show it. This is a prompt for self-review, not a grade: a point counts as
 * covered as soon as one of its phrases appears, however it is used.
 */

export interface PhraseMatch {
  /** The phrase, as written in the question bank, that produced this match. */
  phrase: string;
  /** Offsets into the original answer, [start, end); text === answer.slice(start, end). */
  start: number;
  end: number;
  text: string;
}

export interface PointCoverage {
  id: string;
  point: string;
  covered: boolean;
  /** Sorted by start; never overlapping. */
  matches: PhraseMatch[];
}

export interface Coverage {
  points: PointCoverage[];
  coveredCount: number;
  total: number;
}

function findAll(answer: string, phrase: string): PhraseMatch[] {
  const regex = compilePhrase(phrase);
  if (regex === null) return [];
  return Array.from(answer.matchAll(regex), (m) => ({
    phrase,
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

/**
 * Several phrases of one point often hit the same words ("platform team" and
 * "platform"); highlighting both would double-count a single passage. Scanning
 * left to right and keeping the longest match at each position mirrors how a
 * reader would underline it.
 */
function withoutOverlaps(matches: PhraseMatch[]): PhraseMatch[] {
  // Array.prototype.sort is stable, so ties keep the bank's phrase order.
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseMatch[] = [];
  let lastEnd = 0;
  for (const match of sorted) {
    if (kept.length > 0 && match.start < lastEnd) continue;
    kept.push(match);
    lastEnd = match.end;
  }
  return kept;
}

export function matchTalkingPoints(answer: string, points: TalkingPoint[]): Coverage {
  // Points of one question sometimes share a phrase; scan the answer once per distinct phrase.
  const byPhrase = new Map<string, PhraseMatch[]>();
  const matchesOf = (phrase: string): PhraseMatch[] => {
    let found = byPhrase.get(phrase);
    if (found === undefined) {
      found = findAll(answer, phrase);
      byPhrase.set(phrase, found);
    }
    return found;
  };

  const covered = points.map((point): PointCoverage => {
    const matches = withoutOverlaps(point.phrases.flatMap(matchesOf));
    return { id: point.id, point: point.point, covered: matches.length > 0, matches };
  });
  return {
    points: covered,
    coveredCount: covered.filter((p) => p.covered).length,
    total: covered.length,
  };
}
