import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactNode } from "react";
import "./Dialog.css";
import { buttonClass } from "./button";
import { useReturnFocus } from "./useReturnFocus";

/**
 * A yes/no question before something that cannot be undone. Focus starts on
 * the safe choice (Cancel); Escape cancels, except while the request is in
 * flight, which is never abandoned half-way.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel = "Working…",
  cancelLabel = "Cancel",
  tone = "primary",
  busy = false,
  error = null,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  cancelLabel?: string;
  tone?: "primary" | "danger";
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const returnFocus = useReturnFocus();
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next && !busy) onCancel();
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="ui-dialog__overlay" />
        <AlertDialog.Content
          className="ui-dialog"
          onOpenAutoFocus={returnFocus.remember}
          onCloseAutoFocus={returnFocus.restore}
          onEscapeKeyDown={(event) => {
            if (busy) event.preventDefault();
          }}
        >
          <div className="ui-dialog__body">
            <AlertDialog.Title className="ui-dialog__title">{title}</AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="ui-dialog__content">{children}</div>
            </AlertDialog.Description>
            {error ? (
              <p className="ui-dialog__error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <div className="ui-dialog__footer">
            <AlertDialog.Cancel className={buttonClass("quiet")} disabled={busy}>
              {cancelLabel}
            </AlertDialog.Cancel>
            {/* A plain button, not AlertDialog.Action: the dialog stays open until the request settles. */}
            <button
              type="button"
              className={buttonClass(tone === "danger" ? "danger" : "primary")}
              onClick={onConfirm}
              disabled={busy}
              aria-busy={busy}
            >
              {busy ? busyLabel : confirmLabel}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
