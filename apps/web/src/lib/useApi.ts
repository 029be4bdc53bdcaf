import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";
import { isAbortError } from "../api/client";

export type ApiState<T> =
  | { status: "loading"; data: T | undefined; error: undefined }
  | { status: "success"; data: T; error: undefined }
  | { status: "error"; data: T | undefined; error: Error };

export interface UseApiOptions {
  /** Keep showing the last result while a new one loads (for filters), instead of clearing it. */
  keepPrevious?: boolean;
}

/**
 * Runs `load` whenever `deps` change, aborting the previous request.
 * Returns the request state and a `retry` function for error states.
 */
export function useApi<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  { keepPrevious = false }: UseApiOptions = {},
): ApiState<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ApiState<T>>({ status: "loading", data: undefined, error: undefined });
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({
      status: "loading",
      data: keepPrevious ? previous.data : undefined,
      error: undefined,
    }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "success", data, error: undefined });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState((previous) => ({
          status: "error",
          data: keepPrevious ? previous.data : undefined,
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      },
    );
    return () => controller.abort();
  }, [...deps, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
