import "./FeedbackList.css";

export interface FeedbackItem {
  key: string;
  text: string;
  /** Who wrote it, and whatever goes with the name. */
  caption: string;
}

/** Interviewers' written feedback, each as a quotation with its author. */
export function FeedbackList({ items, testId }: { items: FeedbackItem[]; testId?: string }) {
  return (
    <div className="ps-feedback-list">
      {items.map((item) => (
        <figure key={item.key} className="ps-feedback" data-testid={testId}>
          <blockquote>
            <p>{item.text}</p>
          </blockquote>
          <figcaption>{item.caption}</figcaption>
        </figure>
      ))}
    </div>
  );
}
