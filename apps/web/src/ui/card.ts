import "./Card.css";

export interface CardOptions {
  /** Less padding, for a card in a narrow column. */
  padding?: "regular" | "compact";
  /** "accent" marks the panel that answers what was just done. */
  tone?: "plain" | "accent";
  /** Layout classes of the component placing the card. */
  className?: string;
}

/**
 * The props that make an element the app's raised panel. Props rather than a component, because
 * the element differs (a titled <section>, an <article> among several, an <aside>) and each keeps
 * its own semantics and attributes.
 */
export function cardProps(options: CardOptions = {}): {
  className: string;
  "data-padding"?: "compact";
  "data-tone"?: "accent";
} {
  return {
    className: options.className ? `ui-card ${options.className}` : "ui-card",
    ...(options.padding === "compact" ? { "data-padding": "compact" as const } : {}),
    ...(options.tone === "accent" ? { "data-tone": "accent" as const } : {}),
  };
}
