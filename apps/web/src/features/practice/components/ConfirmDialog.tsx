import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * A modal confirmation on the native <dialog>: the browser traps focus, makes
 * the page behind it inert, closes it on Escape and returns focus afterwards.
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
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const returnFocus = useRef<Element | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement;
      dialog.showModal();
      // A destructive action starts on the safe choice.
      (tone === "danger" ? cancelRef : confirmRef).current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      if (returnFocus.current instanceof HTMLElement && returnFocus.current.isConnected) {
        returnFocus.current.focus();
      }
    }
  }, [open, tone]);

  return (
    <dialog
      ref={ref}
      className="pr-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: let React state decide, and never abandon a request half-way.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form
        method="dialog"
        className="pr-dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onConfirm();
        }}
      >
        <h2 id={titleId} className="pr-dialog__title">
          {title}
        </h2>
        <div id={bodyId} className="pr-dialog__body">
          {children}
        </div>
        {error ? (
          <p className="pr-dialog__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="pr-dialog__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={onCancel}
            disabled={busy}
            ref={cancelRef}
          >
            {cancelLabel}
          </button>
          <button
            type="submit"
            className={`button ${tone === "danger" ? "pr-button--danger" : "button--primary"}`}
            disabled={busy}
            ref={confirmRef}
          >
            {busy ? busyLabel : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
