import { useQuery } from "@tanstack/react-query";
import { useCallback, useState, useSyncExternalStore } from "react";
import { practiceQueries } from "../features/practice/api";
import { readStoredKey, subscribeToKey } from "../features/practice/lib/identity";
import { isRevealed, type RevealChoice, readRevealChoice, saveRevealChoice } from "./question-reveal";

/**
 * True once this browser's practitioner has a completed (self-scored) attempt
 * at the question. Never creates a practitioner key: without one, or when the
 * list cannot be had (unknown key, server down), the answer is simply false,
 * and nothing waits for it.
 */
function useHasCompletedAttempt(questionId: string): boolean {
  const key = useSyncExternalStore(
    subscribeToKey,
    () => readStoredKey(),
    () => null,
  );
  const { data } = useQuery({
    ...practiceQueries.attempts(key ?? ""),
    enabled: key !== null,
    // An answer that may open the material, never one the page waits for or reports.
    retry: false,
    select: (attempts) =>
      attempts.some((attempt) => attempt.questionId === questionId && attempt.status === "completed"),
  });
  return data === true;
}

export interface QuestionReveal {
  /** Whether the interviewer material is on the page. */
  revealed: boolean;
  /** Shown only because a scored practice attempt opened it (no choice made here). */
  openedByPractice: boolean;
  show: () => void;
  hide: () => void;
}

/**
 * The question page's interviewer material: hidden by default, shown when the
 * person asks (remembered per question), or once they have scored a practice
 * attempt at it. The remembered choice is read synchronously, so the first
 * render is already the right one; only the practice answer arrives later.
 */
export function useQuestionReveal(questionId: string): QuestionReveal {
  const completed = useHasCompletedAttempt(questionId);
  const [choice, setChoice] = useState<RevealChoice | null>(() => readRevealChoice(questionId));

  const choose = useCallback(
    (next: RevealChoice) => {
      saveRevealChoice(questionId, next);
      setChoice(next);
    },
    [questionId],
  );
  const show = useCallback(() => choose("shown"), [choose]);
  const hide = useCallback(() => choose("hidden"), [choose]);

  return {
    revealed: isRevealed(choice, completed),
    openedByPractice: choice === null && completed,
    show,
    hide,
  };
}
