import type { ReactNode } from "react";

/** A scrollable region (wide tables on narrow screens, long text in a capped box) that keyboard users can focus and scroll. */
export function ScrollRegion({
  label,
  className,
  testId,
  children,
}: {
  label: string;
  className: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className={className} tabIndex={0} aria-label={label} data-testid={testId}>
      {children}
    </section>
  );
}
