import { useCallback, useMemo, useState } from "react";
import { Link, Outlet, useParams } from "react-router";
import { ApiRequestError } from "../../../api/client";
import { ErrorState, Loading } from "../../../components/Status";
import { useApi } from "../../../lib/useApi";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { workspaceApi } from "../api";
import { clearSession, loadSession, type StoredSession } from "../lib/session-store";
import { WorkspaceContext, type WorkspaceContextValue } from "./context";
import "../calibration.css";

/**
 * Every page inside a workspace: finds this browser's sign-in for it, checks it
 * with the server, and explains what to do when there is none or it has ended.
 */
export function WorkspaceLayout() {
  const { workspaceId = "" } = useParams();
  const [stored, setStored] = useState<StoredSession>(() => loadSession(workspaceId));
  const [endedReason, setEndedReason] = useState<string | null>(null);
  const [currentId, setCurrentId] = useState(workspaceId);
  if (currentId !== workspaceId) {
    setCurrentId(workspaceId);
    setStored(loadSession(workspaceId));
    setEndedReason(null);
  }

  const session = stored.status === "active" ? stored.session : null;
  const api = useMemo(
    () => (session ? workspaceApi(workspaceId, session.credential) : null),
    [session, workspaceId],
  );

  const signOut = useCallback(
    (reason: string) => {
      clearSession(workspaceId);
      setStored({ status: "missing" });
      setEndedReason(reason);
    },
    [workspaceId],
  );

  const view = useApi(
    async (signal) => {
      if (!api) return null;
      try {
        return await api.view(signal);
      } catch (error) {
        if (error instanceof ApiRequestError && (error.status === 401 || error.status === 404)) {
          signOut(error.message);
          return null;
        }
        throw error;
      }
    },
    [api],
    { keepPrevious: true },
  );

  const value = useMemo<WorkspaceContextValue | null>(
    () =>
      session && api && view.data
        ? {
            session,
            api,
            view: view.data,
            isAdmin: view.data.me.role === "admin",
            refresh: view.retry,
            signOut,
          }
        : null,
    [session, api, view.data, view.retry, signOut],
  );

  if (!session) {
    return <SignedOut expired={stored.status === "expired"} reason={endedReason} />;
  }
  if (view.status === "error" && !view.data) {
    return (
      <div className="container cal-page">
        <ErrorState title="This workspace could not be loaded" error={view.error} onRetry={view.retry} />
      </div>
    );
  }
  if (!value) {
    return (
      <div className="container cal-page">
        <Loading label="Loading the workspace">
          <span className="skeleton skeleton--heading" />
          <span className="skeleton" />
          <span className="skeleton skeleton--short" />
        </Loading>
      </div>
    );
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
    <div className="container cal-page">
      <div className="cal-signed-out" role="alert">
        <p className="eyebrow">Calibration workspace</p>
        <h1 className="page-title">{title}</h1>
        {reason ? <p className="cal-signed-out__reason">{reason}</p> : null}
        <div className="prose cal-signed-out__body">
          <p>
            Workspaces have no passwords. Each person gets a personal link, and opening it signs this browser
            in. To continue, open your link again: the one the workspace admin sent you, or, if you created
            the workspace, the admin link you saved when you set it up. It looks like{" "}
            <code>…/calibration/join#token=…</code>.
          </p>
          <p>If your link no longer works, ask the workspace admin to create a new one for you.</p>
        </div>
        <p className="cal-actions">
          <Link to="/calibration" className="button button--quiet">
            About calibration
          </Link>
        </p>
      </div>
    </div>
  );
}
