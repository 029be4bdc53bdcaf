import type { Segment } from "@loopwright/coverage";

/**
 * Talking-point matches are offsets into the answer as written, Markdown and
 * all. The review shows the answer formatted, so the marks are placed on the
 * rendered tree instead: every text node the Markdown parser produced knows
 * its own offsets in the source, and the parts of it inside a match are
 * wrapped in <mark>. A match that crosses formatting ("**team** topology")
 * becomes one mark per piece of text.
 */

export interface MarkRange {
  start: number;
  end: number;
  pointIds: string[];
}

/** The highlighted runs of an answer, with their offsets, from its exact-cover segments. */
export function markRanges(segments: readonly Segment[]): MarkRange[] {
  const ranges: MarkRange[] = [];
  let at = 0;
  for (const segment of segments) {
    const end = at + segment.text.length;
    if (segment.pointIds.length > 0) ranges.push({ start: at, end, pointIds: segment.pointIds });
    at = end;
  }
  return ranges;
}

// The few shapes of the HTML syntax tree (hast) this touches.
interface Point {
  offset?: number;
}
interface TextNode {
  type: "text";
  value: string;
  position?: { start: Point; end: Point };
}
interface ElementNode {
  type: "element";
  tagName: string;
  properties: Record<string, unknown>;
  children: TreeNode[];
}
type TreeNode = TextNode | ElementNode | { type: string; children?: TreeNode[] };

function mark(text: string, pointIds: string[], active: string | null): ElementNode {
  const properties: Record<string, unknown> = { className: ["pr-hl"], dataPoints: pointIds.join(" ") };
  if (active !== null && pointIds.includes(active)) properties.dataActive = "true";
  return { type: "element", tagName: "mark", properties, children: [{ type: "text", value: text }] };
}

/** The text node as plain text and marks; unchanged when no range touches it. */
export function splitText(
  node: TextNode,
  source: string,
  ranges: readonly MarkRange[],
  active: string | null,
): TreeNode[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [node];
  const touching = ranges.filter((r) => r.start < end && r.end > start);
  if (touching.length === 0) return [node];

  // Escapes and entities make the shown text differ from the source; then offsets inside the node
  // cannot be trusted, and the node is marked whole when one range covers it.
  if (source.slice(start, end) !== node.value) {
    const whole = touching.find((r) => r.start <= start && r.end >= end);
    return whole ? [mark(node.value, whole.pointIds, active)] : [node];
  }

  const out: TreeNode[] = [];
  let cursor = start;
  for (const range of touching) {
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    if (from > cursor) out.push({ type: "text", value: source.slice(cursor, from) });
    out.push(mark(source.slice(from, to), range.pointIds, active));
    cursor = to;
  }
  if (cursor < end) out.push({ type: "text", value: source.slice(cursor, end) });
  return out;
}

function walk(node: TreeNode, source: string, ranges: readonly MarkRange[], active: string | null): void {
  if (!("children" in node) || !node.children) return;
  node.children = node.children.flatMap((child) =>
    child.type === "text" ? splitText(child as TextNode, source, ranges, active) : [child],
  );
  for (const child of node.children) {
    if (child.type !== "text") walk(child, source, ranges, active);
  }
}

/** A rehype plugin for MarkdownText: marks `ranges` of `source` (the Markdown it renders). */
export function markPassages(source: string, ranges: readonly MarkRange[], active: string | null) {
  return () => (tree: object) => {
    walk(tree as TreeNode, source, ranges, active);
  };
}
