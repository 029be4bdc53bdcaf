import "./Button.css";

export type ButtonVariant = "primary" | "quiet" | "danger" | "danger-quiet" | "link" | "icon";

export interface ButtonClassOptions {
  size?: "regular" | "small";
  /** A danger tone on an icon button, which is otherwise quiet. */
  danger?: boolean;
  /** Layout classes of the component placing the button (never colours: those are the variant's). */
  className?: string;
}

/**
 * The class list of the app's one button style. A function rather than a component because the
 * same look sits on <button>, on react-router <Link> and on Radix triggers that render their own.
 */
export function buttonClass(variant: ButtonVariant, options: ButtonClassOptions = {}): string {
  const classes = ["button", `button--${variant}`];
  if (options.size === "small") classes.push("button--small");
  if (options.danger) classes.push("button--danger-quiet");
  if (options.className) classes.push(options.className);
  return classes.join(" ");
}
