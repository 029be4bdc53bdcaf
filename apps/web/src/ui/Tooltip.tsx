import * as RadixTooltip from "@radix-ui/react-tooltip";
import { type ReactElement, type ReactNode, useState } from "react";
import "./Tooltip.css";

/**
 * A short explanation on hover and keyboard focus, announced through
 * aria-describedby while open; Escape dismisses it. The trigger must be a
 * focusable element (a disabled button gets no pointer events: wrap it in a
 * focusable span). With `toggleOnClick` a press opens and closes it too, for
 * touch screens, where there is no hover: use it only on triggers that do
 * nothing else when pressed.
 */
export function Tooltip({
  content,
  children,
  side = "top",
  toggleOnClick = false,
}: {
  content: ReactNode;
  children: ReactElement;
  side?: "top" | "right" | "bottom" | "left";
  toggleOnClick?: boolean;
}) {
  const [open, setOpen] = useState(false);
  // Each tooltip brings its own provider rather than one at the app root, so
  // Radix's positioning code loads only with the pages that show a tooltip
  // instead of in the first script every page waits for.
  return (
    <RadixTooltip.Provider delayDuration={300}>
      <RadixTooltip.Root open={open} onOpenChange={setOpen}>
        <RadixTooltip.Trigger
          asChild
          onClick={
            toggleOnClick
              ? (event) => {
                  // Stops Radix's own close-on-press so the press can open it.
                  event.preventDefault();
                  setOpen((was) => !was);
                }
              : undefined
          }
        >
          {children}
        </RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content className="ui-tooltip" side={side} sideOffset={8} collisionPadding={8}>
            {content}
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}

/**
 * Why a control is disabled, on hover and keyboard focus. A disabled button
 * takes neither, so while there is a reason a focusable wrapper carries the
 * tooltip; without one the control renders as it is.
 */
export function DisabledReason({ reason, children }: { reason: string | undefined; children: ReactElement }) {
  if (!reason) return children;
  return (
    <Tooltip content={reason}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users reach the reason the disabled control cannot show */}
      <span className="ui-tooltip__anchor" tabIndex={0}>
        {children}
      </span>
    </Tooltip>
  );
}
