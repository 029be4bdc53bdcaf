import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import "./Dialog.css";
import { useReturnFocus } from "./useReturnFocus";

/**
 * A modal dialog: the page behind is inert, focus stays inside it, Escape
 * closes it, and focus goes back to the element that opened it.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const returnFocus = useReturnFocus();
  return (
    <RadixDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-dialog__overlay" />
        <RadixDialog.Content
          className="ui-dialog"
          onOpenAutoFocus={returnFocus.remember}
          onCloseAutoFocus={returnFocus.restore}
        >
          <div className="ui-dialog__body">
            <RadixDialog.Title className="ui-dialog__title">{title}</RadixDialog.Title>
            <RadixDialog.Description asChild>
              <div className="ui-dialog__content">{children}</div>
            </RadixDialog.Description>
          </div>
          {footer ? <div className="ui-dialog__footer">{footer}</div> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
