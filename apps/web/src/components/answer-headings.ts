/**
 * Writers start their answers at "## Clarify" as often as at "# Clarify", and
 * skip levels as they like. MarkdownText places "#" one level under the card's
 * heading, so "##" alone would leave a level out of the page outline. This
 * rehype plugin renumbers the levels an answer uses to 1, 2, 3… in order of
 * depth before MarkdownText places them: the shallowest heading always sits
 * directly under the card, and no level in between is ever empty.
 */

interface Node {
  type: string;
  tagName?: string;
  children?: Node[];
}

const HEADING = /^h([1-6])$/;

function headings(node: Node, into: Node[] = []): Node[] {
  if (node.type === "element" && node.tagName && HEADING.test(node.tagName)) into.push(node);
  for (const child of node.children ?? []) headings(child, into);
  return into;
}

export function renumberHeadings() {
  return (tree: object) => {
    const found = headings(tree as Node);
    const levels = [...new Set(found.map((h) => Number(h.tagName?.slice(1))))].sort((a, b) => a - b);
    for (const heading of found) {
      heading.tagName = `h${levels.indexOf(Number(heading.tagName?.slice(1))) + 1}`;
    }
  };
}
