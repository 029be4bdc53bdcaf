import type { Coverage } from "./match.js";

/** A run of the answer and the talking points whose matches cover all of it. */
export interface Segment {
  text: string;
  pointIds: string[];
}

interface Edge {
  at: number;
  point: number;
  delta: 1 | -1;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Splits the answer into consecutive segments that cover it exactly once, so
 * a renderer can wrap each in a mark without juggling overlapping ranges. Each
 * segment lists every point whose matches cover it, in the order of
 * coverage.points; adjacent segments with the same ids are merged. An empty
 * answer gives no segments.
 */
export function highlightSegments(answer: string, coverage: Coverage): Segment[] {
  const length = answer.length;
  if (length === 0) return [];

  // A sweep over start/end edges with a counter per point handles overlaps
  // between points (and any coverage built by hand) in one pass.
  const edges: Edge[] = [];
  coverage.points.forEach((point, index) => {
    for (const match of point.matches) {
      // Clamp so that a coverage computed for another text cannot break the exact-cover guarantee.
      const start = Math.max(0, Math.min(length, match.start));
      const end = Math.max(start, Math.min(length, match.end));
      if (start === end) continue;
      edges.push({ at: start, point: index, delta: 1 }, { at: end, point: index, delta: -1 });
    }
  });
  edges.sort((a, b) => a.at - b.at);

  const depth = coverage.points.map(() => 0);
  const segments: Segment[] = [];
  let cursor = 0;
  let i = 0;
  while (cursor < length) {
    for (let e = edges[i]; e !== undefined && e.at <= cursor; e = edges[++i]) {
      depth[e.point] = (depth[e.point] ?? 0) + e.delta;
    }
    const next = edges[i]?.at ?? length;
    const ids = [...new Set(coverage.points.filter((_, p) => (depth[p] ?? 0) > 0).map((p) => p.id))];
    const text = answer.slice(cursor, next);
    const previous = segments.at(-1);
    if (previous !== undefined && sameIds(previous.pointIds, ids)) previous.text += text;
    else segments.push({ text, pointIds: ids });
    cursor = next;
  }
  return segments;
}
