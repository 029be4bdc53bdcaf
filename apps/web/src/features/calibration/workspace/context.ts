import type { CalibrationSession } from "@loopwright/schema";
import { createContext, useContext } from "react";
import type { WorkspaceApi, WorkspaceView } from "../api";

export interface WorkspaceContextValue {
  session: CalibrationSession;
  view: WorkspaceView;
  api: WorkspaceApi;
  isAdmin: boolean;
  /** Reloads the workspace view (members, me) after a change. */
  refresh: () => void;
  /** Called when the server says the session is no longer valid. */
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
