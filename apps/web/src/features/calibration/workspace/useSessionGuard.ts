import { useCallback } from "react";
import { ApiRequestError } from "../../../api/client";
import { useWorkspace } from "./context";

/**
 * Wraps a workspace call: if the server says the session has ended or the link
 * was revoked (401), this browser forgets the sign-in and the layout explains.
 */
export function useSessionGuard() {
  const { signOut } = useWorkspace();
  return useCallback(
    async <T>(promise: Promise<T>): Promise<T> => {
      try {
        return await promise;
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) signOut(error.message);
        throw error;
      }
    },
    [signOut],
  );
}
