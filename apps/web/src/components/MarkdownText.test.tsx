import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "./MarkdownText";

const html = (text: string, headingLevel?: 2 | 3 | 4 | 5) =>
  renderToStaticMarkup(<MarkdownText text={text} headingLevel={headingLevel} />);

describe("MarkdownText", () => {
  it("renders the structure an answer pad writer uses", () => {
    const out = html("## Clarify\n\n- who owns **billing**\n- what *changes*\n\n1. first\n2. second");
    // "##" is the shallowest heading used, so it takes the level asked for (3 by default).
    expect(out).toContain('<h3 class="md-text__heading">Clarify</h3>');
    expect(out).toContain("<li>who owns <strong>billing</strong></li>");
    expect(out).toContain("<em>changes</em>");
    expect(out).toContain("<ol>");
    expect(out).not.toContain("##");
  });

  it("puts the answer's top heading at the level asked for and never past h6", () => {
    expect(html("# Plan", 2)).toContain("<h2");
    const deep = html("# Plan\n\n## Step\n\n### Detail", 5);
    expect(deep).toContain("<h5");
    expect(deep.match(/<h6/g)).toHaveLength(2);
  });

  it("renumbers skipped levels so the outline never jumps (the released report's h5 under an h3)", () => {
    const out = html("## Clarify\n\n#### Who owns billing\n\n## Options", 4);
    expect(out.match(/<h4/g)).toHaveLength(2);
    expect(out).toContain('<h5 class="md-text__heading">Who owns billing</h5>');
    expect(out).not.toMatch(/<h6/);
  });

  it("drops raw HTML instead of injecting it", () => {
    const out = html('Hello <img src=x onerror="alert(1)"> <script>alert(2)</script>\n\n<b>bold</b>');
    expect(out).not.toMatch(/<img|<script|<b>|onerror/);
    expect(out).toContain("Hello");
  });

  it("removes script URLs and opens links safely", () => {
    const out = html("[click](javascript:alert(1)) and [docs](https://example.com)");
    expect(out).not.toContain("javascript:");
    expect(out).toContain('href="https://example.com"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
  });
});
