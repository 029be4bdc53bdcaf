import { MarkdownText } from "../../../components/MarkdownText";
import "./AnswerText.css";

type HeadingLevel = 2 | 3 | 4 | 5;
type Plugins = NonNullable<Parameters<typeof MarkdownText>[0]["rehypePlugins"]>;

/**
 * A handed-in answer, formatted from the Markdown the pad invites, or a note that it was left
 * blank. Its own headings start one level under `headingLevel − 1`, the heading it sits under.
 */
export function AnswerText({
  text,
  headingLevel,
  className,
  testId,
  rehypePlugins = [],
}: {
  text: string;
  /** The level the answer's top heading takes: one below the heading the answer sits under. */
  headingLevel: HeadingLevel;
  className?: string;
  testId?: string;
  /** Further transforms of the rendered answer (the review's marked passages). */
  rehypePlugins?: Plugins;
}) {
  if (text.trim() === "") {
    return (
      <div className={className ? `pr-answer-text ${className}` : "pr-answer-text"}>
        <p className="pr-answer-text__empty">You handed in an empty answer.</p>
      </div>
    );
  }
  return (
    <MarkdownText
      text={text}
      headingLevel={headingLevel}
      className={className ? `pr-answer-text ${className}` : "pr-answer-text"}
      testId={testId}
      rehypePlugins={rehypePlugins}
    />
  );
}
