// @vitest-environment node
import { highlightSegments } from "@loopwright/coverage";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnswerText } from "../components/AnswerText";
import { markPassages, markRanges } from "./markdown-marks";

/** Renders `source` as the review does, with the passages at the given offsets marked. */
function rendered(source: string, matches: [number, number, string][], active: string | null = null) {
  const coverage = {
    points: matches.map(([start, end, id]) => ({
      id,
      point: id,
      covered: true,
      matches: [{ phrase: "", start, end, text: source.slice(start, end) }],
    })),
    coveredCount: matches.length,
    total: matches.length,
  };
  const ranges = markRanges(highlightSegments(source, coverage));
  return renderToStaticMarkup(
    <AnswerText text={source} headingLevel={4} rehypePlugins={[markPassages(source, ranges, active)]} />,
  );
}
const at = (source: string, phrase: string): [number, number] => {
  const start = source.indexOf(phrase);
  return [start, start + phrase.length];
};

describe("talking-point marks on the formatted answer", () => {
  it("formats the answer and marks the matched words, never showing the Markdown syntax", () => {
    const source = "## Clarify\n\nFirst the **team topology**, then the spans.";
    const html = rendered(source, [[...at(source, "spans"), "p1"]]);
    expect(html).toContain('<h4 class="md-text__heading">Clarify</h4>');
    expect(html).toContain('<mark class="pr-hl" data-points="p1">spans</mark>');
    expect(html).not.toContain("##");
    expect(html).not.toContain("**");
  });

  it("splits a match that crosses formatting into one mark per piece", () => {
    const source = "We start with **team** topology today.";
    const html = rendered(source, [[...at(source, "team** topology"), "p1"]]);
    expect(html).toContain('<strong><mark class="pr-hl" data-points="p1">team</mark></strong>');
    expect(html).toContain('<mark class="pr-hl" data-points="p1"> topology</mark> today.');
  });

  it("marks a match inside a heading or a list item, and flags the active point's marks", () => {
    const source = "## Spans of control\n\n- hire a manager\n- keep spans wide";
    const html = rendered(
      source,
      [
        [...at(source, "Spans"), "p1"],
        [...at(source, "manager"), "p2"],
      ],
      "p2",
    );
    expect(html).toContain(
      '<h4 class="md-text__heading"><mark class="pr-hl" data-points="p1">Spans</mark> of control</h4>',
    );
    expect(html).toContain(
      '<li>hire a <mark class="pr-hl" data-points="p2" data-active="true">manager</mark></li>',
    );
  });

  it("renumbers the answer's headings so the outline under the card never skips a level", () => {
    const source = "## Clarify\n\n#### Who decides\n\n## Proposal";
    const html = rendered(source, []);
    expect(html).toContain('<h4 class="md-text__heading">Clarify</h4>');
    expect(html).toContain('<h5 class="md-text__heading">Who decides</h5>');
    expect(html).toContain('<h4 class="md-text__heading">Proposal</h4>');
  });

  it("keeps plain text exactly as written when nothing matched", () => {
    const source = "Just a sentence.";
    expect(rendered(source, [])).toBe('<div class="md-text pr-answer-text"><p>Just a sentence.</p></div>');
  });
});
