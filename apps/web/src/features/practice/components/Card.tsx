import type { ComponentPropsWithoutRef } from "react";
import { cardProps } from "../../../ui/card";

type CardProps = ComponentPropsWithoutRef<"section"> & {
  /** The element: a titled region of the page, or one self-contained item among several. */
  as?: "section" | "article";
  /** Less padding, for a card in a narrow column. */
  compact?: boolean;
};

/** A practice panel (the history chart, a start option, the personal link) as the app's one card. */
export function Card({ as: Element = "section", compact, className, ...rest }: CardProps) {
  return <Element {...rest} {...cardProps({ padding: compact ? "compact" : "regular", className })} />;
}
