import { useCallback } from "react";
import { ApiRequestError } from "../../../api/client";
import { useWorkspace } from "./context";

/**
 * Wraps a workspace call: if the server says the member's sign-in has ended or
 * their link was revoked (401), this browser forgets it and the layout explains.
 */
export function useSignInGuard() {
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
