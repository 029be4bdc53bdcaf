import { createContext, useContext } from "react";
import Markdown, { type Components, type Options } from "react-markdown";
import { renumberHeadings } from "./answer-headings";
import "./MarkdownText.css";

/** Links in someone's answer open elsewhere and never carry the reader's referrer. */
function SafeLink({ href, children }: { href?: string; children?: React.ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

/** Images in an answer would load third-party URLs on the reader's page; they are left out. */
function NoImage() {
  return null;
}

type HeadingBase = 2 | 3 | 4 | 5;

const HeadingBaseContext = createContext<HeadingBase>(3);

/**
 * Headings inside an answer are the writer's structure ("## Clarify"), not the
 * page's: they render one level below the heading the answer sits under, so the
 * page outline never skips a level and an answer cannot outrank its card.
 */
function AnswerHeading({ node, children }: { node?: { tagName: string }; children?: React.ReactNode }) {
  const base = useContext(HeadingBaseContext);
  const written = Number(node?.tagName.slice(1) ?? 1);
  const Tag = `h${Math.min(6, base + written - 1)}` as "h2" | "h3" | "h4" | "h5" | "h6";
  return <Tag className="md-text__heading">{children}</Tag>;
}

const COMPONENTS: Components = {
  h1: AnswerHeading,
  h2: AnswerHeading,
  h3: AnswerHeading,
  h4: AnswerHeading,
  h5: AnswerHeading,
  h6: AnswerHeading,
  a: SafeLink,
  img: NoImage,
};

/**
 * A person's written answer, rendered as the Markdown the answer pad promises.
 * Its headings are renumbered by depth first (see answer-headings), so "## Clarify"
 * sits directly under the heading the answer is placed beneath.
 * react-markdown builds React elements and never injects HTML: raw HTML in the
 * source is dropped (`skipHtml`), and unsafe URLs (javascript:, data:) are
 * removed by its default URL transform.
 */
export function MarkdownText({
  text,
  headingLevel = 3,
  className,
  testId,
  rehypePlugins,
}: {
  text: string;
  /** The level an answer's top heading ("# …") takes; 3 under an h2 card title. */
  headingLevel?: HeadingBase;
  className?: string;
  testId?: string;
  /** Transforms of the rendered tree, such as marking passages by their offsets in `text`. */
  rehypePlugins?: Options["rehypePlugins"];
}) {
  return (
    <div className={className ? `md-text ${className}` : "md-text"} data-testid={testId}>
      <HeadingBaseContext.Provider value={headingLevel}>
        <Markdown
          skipHtml
          components={COMPONENTS}
          rehypePlugins={[renumberHeadings, ...(rehypePlugins ?? [])]}
        >
          {text}
        </Markdown>
      </HeadingBaseContext.Provider>
    </div>
  );
}
