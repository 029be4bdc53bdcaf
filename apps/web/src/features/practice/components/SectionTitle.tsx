import type { ReactNode, Ref } from "react";
import "./SectionTitle.css";

/**
 * A practice page's section heading (h2). With a `ref` it takes focus when the
 * page moves on to it, so it is focusable from script but not from the Tab key.
 */
export function SectionTitle({
  id,
  ref,
  children,
}: {
  id: string;
  ref?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <h2 id={id} ref={ref} tabIndex={ref ? -1 : undefined} className="pr-section-title">
      {children}
    </h2>
  );
}
