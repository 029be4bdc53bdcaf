import "./StepList.css";

export interface Step {
  title: string;
  body: string;
}

/**
 * "How it works": numbered steps with a title and a sentence each. `size="large"` when the
 * steps are the page's main column, `"compact"` when they sit in a side column.
 */
export function StepList({ steps, size = "large" }: { steps: readonly Step[]; size?: "large" | "compact" }) {
  return (
    <ol className="ui-steps" data-size={size}>
      {steps.map((step, index) => (
        <li key={step.title} className="ui-steps__item">
          <span className="ui-steps__number" aria-hidden="true">
            {index + 1}
          </span>
          <div>
            <h3 className="ui-steps__title">{step.title}</h3>
            <p className="ui-steps__body">{step.body}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
