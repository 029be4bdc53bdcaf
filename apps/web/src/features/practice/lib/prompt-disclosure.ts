import { useCallback, useState } from "react";

/**
 * Whether the attempt's prompt is shown, kept per attempt for this tab
 * (sessionStorage), so a reload mid-answer keeps it as the writer left it
 * and a new attempt starts with it open.
 */

const PREFIX = "loopwright.practice.promptOpen.";

function read(attemptId: string): boolean {
  try {
    return sessionStorage.getItem(`${PREFIX}${attemptId}`) !== "false";
  } catch {
    return true; // storage refused (private mode): open, as for a new attempt
  }
}

export function usePromptOpen(attemptId: string): [boolean, () => void] {
  const [open, setOpen] = useState(() => read(attemptId));
  const toggle = useCallback(() => {
    setOpen((was) => {
      const next = !was;
      try {
        sessionStorage.setItem(`${PREFIX}${attemptId}`, String(next));
      } catch {
        // Not remembered across a reload, but still toggled on screen.
      }
      return next;
    });
  }, [attemptId]);
  return [open, toggle];
}
