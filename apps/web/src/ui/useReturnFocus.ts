import { useRef } from "react";

/**
 * Radix hands focus back only to its own Trigger; our dialogs are opened by
 * state from any button, so the opener is remembered when the dialog mounts
 * and focused again when it closes (unless the page removed it meanwhile, as
 * when a submit replaces the form: then the page decides where focus goes).
 */
export function useReturnFocus() {
  const opener = useRef<Element | null>(null);
  return {
    remember: () => {
      opener.current = document.activeElement;
    },
    restore: (event: Event) => {
      event.preventDefault();
      const back = opener.current;
      opener.current = null;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    },
  };
}
