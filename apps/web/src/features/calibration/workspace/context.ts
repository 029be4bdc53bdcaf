import { createContext, useContext } from "react";
import type { WorkspaceKeys } from "../../../api/query-keys";
import type { WorkspaceApi, WorkspaceView } from "../api";
import type { MemberCredential } from "../lib/member-credentials";

export interface WorkspaceContextValue {
  /** This browser's sign-in to the workspace. */
  credential: MemberCredential;
  view: WorkspaceView;
  api: WorkspaceApi;
  /** The query keys of this workspace as this sign-in sees it. */
  keys: WorkspaceKeys;
  isAdmin: boolean;
  /** Reloads the workspace view (members, me) after a change. */
  refresh: () => void;
  /** Called when the server says the sign-in is no longer valid. */
  signOut: (reason: string) => void;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error("useWorkspace must be used inside the workspace layout");
  return value;
}

export const workspacePath = (workspaceId: string, rest = "") =>
  `/calibration/w/${encodeURIComponent(workspaceId)}${rest}`;
