import type { Loop } from "@loopwright/schema";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import { ErrorState } from "../../../components/Status";
import { CalPage, LoadingPage } from "../components/CalPage";
import { LoopEditor } from "../components/loop-editor/LoopEditor";
import { AdminOnly, BackToWorkspace } from "../components/WorkspaceStates";
import { useWorkspace } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";

export function LoopEditorPage() {
  const { loopId } = useParams();
  const { api, keys, isAdmin } = useWorkspace();
  const guard = useSignInGuard();
  const location = useLocation();
  // A loop saved a moment ago travels in the navigation state, so the editor carries on without a reload.
  const justSaved = (location.state as { savedLoop?: Loop } | null)?.savedLoop;
  const handedOver = justSaved && justSaved.id === loopId ? justSaved : undefined;
  const existing = useQuery({
    queryKey: keys.loop(loopId ?? ""),
    queryFn: loopId ? ({ signal }) => guard(api.getLoop(loopId, signal)) : skipToken,
    initialData: handedOver,
    // The editor copies the loop into its draft once: a later visit starts from the server's copy,
    // not from one cached before this visit's edits.
    gcTime: 0,
  });
  const navigate = useNavigate();
  useEffect(() => {
    // Used once: a reload must fetch the loop afresh rather than replay this state.
    if (handedOver) navigate(".", { replace: true, state: null });
  }, [handedOver, navigate]);

  if (!isAdmin) {
    return (
      <AdminOnly title="Only the workspace admin edits loops" message="Ask the admin to change the loop." />
    );
  }
  if (existing.status === "error") {
    return (
      <CalPage>
        <ErrorState
          title="This loop could not be loaded"
          error={existing.error}
          onRetry={() => void existing.refetch()}
        >
          <BackToWorkspace />
        </ErrorState>
      </CalPage>
    );
  }
  if (loopId && existing.isPending) {
    return <LoadingPage label="Loading the loop" />;
  }
  return (
    <LoopEditor
      key={loopId ?? "new"}
      initial={handedOver ?? existing.data ?? null}
      justSaved={Boolean(handedOver)}
    />
  );
}
