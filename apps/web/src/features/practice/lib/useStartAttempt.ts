import type { Attempt } from "@loopwright/schema";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useNavigate } from "react-router";
import { queryKeys } from "../../../api/query-keys";
import { practiceApi } from "../api";
import { ensurePractitionerKey } from "./identity";

export function attemptPath(id: string): string {
  return `/practice/attempts/${encodeURIComponent(id)}`;
}

interface Start {
  /** Which button asked, so only it shows "Starting…" and only its error. */
  action: string;
  create: (key: string) => Promise<Attempt>;
}

/**
 * Starts an attempt (or a loop) and opens it. `busy` names the action in
 * progress so only its button shows "Starting…"; `error` carries the server's message.
 */
export function useStartAttempt() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { mutate, variables, isPending, isSuccess, error } = useMutation({
    mutationFn: async ({ create }: Start) => {
      const key = await ensurePractitionerKey(() => practiceApi.createPractitioner());
      return { key, attempt: await create(key) };
    },
    onSuccess: ({ key, attempt }) => {
      // The list of attempts to resume now holds this one.
      void queryClient.invalidateQueries({ queryKey: queryKeys.practice.attempts(key) });
      navigate(attemptPath(attempt.id));
    },
  });

  const start = useCallback(
    (action: string, create: Start["create"]) => mutate({ action, create }),
    [mutate],
  );
  const action = variables?.action ?? null;
  return {
    // Still busy once started: the page is on its way to the attempt.
    busy: isPending || isSuccess ? action : null,
    error: error && action ? { action, error } : null,
    start,
  };
}
