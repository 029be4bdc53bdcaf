import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Outlet, useParams } from "react-router";
import { ApiRequestError } from "../../../api/client";
import { queryKeys } from "../../../api/query-keys";
import { ErrorState } from "../../../components/Status";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { Alert } from "../../../ui/Alert";
import { workspaceApi } from "../api";
import { CalPage, LoadingPage } from "../components/CalPage";
import { NarrowPanel } from "../components/NarrowPanel";
import {
  forgetMemberCredential,
  loadMemberCredential,
  type MemberCredentialLookup,
  rememberSignInEnded,
  signInEndedReason,
} from "../lib/member-credentials";
import { WorkspaceContext, type WorkspaceContextValue } from "./context";

/**
 * Every page inside a workspace: finds this browser's sign-in for it, checks it
 * with the server, and explains what to do when there is none or it has ended.
 */
export function WorkspaceLayout() {
  const { workspaceId = "" } = useParams();
  const [stored, setStored] = useState<MemberCredentialLookup>(() => loadMemberCredential(workspaceId));
  const [endedReason, setEndedReason] = useState<string | null>(() => signInEndedReason(workspaceId));
  const [currentId, setCurrentId] = useState(workspaceId);
  if (currentId !== workspaceId) {
    setCurrentId(workspaceId);
    setStored(loadMemberCredential(workspaceId));
    setEndedReason(signInEndedReason(workspaceId));
  }

  const credential = stored.status === "active" ? stored.entry : null;
  const api = useMemo(
    () => (credential ? workspaceApi(workspaceId, credential.credential) : null),
    [credential, workspaceId],
  );

  const signOut = useCallback(
    (reason: string) => {
      forgetMemberCredential(workspaceId);
      rememberSignInEnded(workspaceId, reason);
      setStored({ status: "missing" });
      setEndedReason(reason);
    },
    [workspaceId],
  );

  const queryClient = useQueryClient();
  const keys = useMemo(
    () => queryKeys.workspace(workspaceId, credential?.credential ?? ""),
    [workspaceId, credential],
  );
  const view = useQuery({
    queryKey: keys.view,
    queryFn: api ? ({ signal }) => api.view(signal) : skipToken,
  });
  // The sign-in has ended (or the workspace is gone): forget it, and the page explains.
  const ended =
    view.error instanceof ApiRequestError && (view.error.status === 401 || view.error.status === 404)
      ? view.error.message
      : null;
  useEffect(() => {
    if (ended !== null) signOut(ended);
  }, [ended, signOut]);

  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: keys.view }),
    [queryClient, keys],
  );
  const value = useMemo<WorkspaceContextValue | null>(
    () =>
      credential && api && view.data
        ? {
            credential,
            api,
            keys,
            view: view.data,
            isAdmin: view.data.me.role === "admin",
            refresh,
            signOut,
          }
        : null,
    [credential, api, keys, view.data, refresh, signOut],
  );

  if (!credential) {
    return <SignedOut expired={stored.status === "expired"} reason={endedReason} />;
  }
  if (view.status === "error" && !view.data && ended === null) {
    return (
      <CalPage>
        <ErrorState
          title="This workspace could not be loaded"
          error={view.error}
          onRetry={() => void view.refetch()}
        />
      </CalPage>
    );
  }
  if (!value) {
    return <LoadingPage label="Loading the workspace" />;
  }
  return (
    <WorkspaceContext.Provider value={value}>
      <Outlet />
    </WorkspaceContext.Provider>
  );
}

function SignedOut({ expired, reason }: { expired: boolean; reason: string | null }) {
  const title = reason
    ? "Your sign-in to this workspace has ended"
    : expired
      ? "Your sign-in on this browser has expired"
      : "You are not signed in to this workspace here";
  useDocumentTitle(title);
  return (
    <NarrowPanel
      eyebrow="Calibration workspace"
      title={title}
      alert
      notice={
        reason ? (
          <Alert tone="error" announce={false}>
            {reason}
          </Alert>
        ) : null
      }
    >
      <p>
        Workspaces have no passwords. Each person gets a personal link, and opening it signs this browser in.
        To continue, open your link again: the one the workspace admin sent you, or, if you created the
        workspace, the admin link you saved when you set it up. It looks like{" "}
        <code>…/calibration/join#token=…</code>.
      </p>
      <p>If your link no longer works, ask the workspace admin to create a new one for you.</p>
    </NarrowPanel>
  );
}
