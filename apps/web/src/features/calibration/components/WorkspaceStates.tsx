import { Link } from "react-router";
import { ErrorState } from "../../../components/Status";
import { buttonClass } from "../../../ui/button";
import { useWorkspace, workspacePath } from "../workspace/context";
import { CalPage } from "./CalPage";

/** The way back to the workspace dashboard, under a page that could not be shown. */
export function BackToWorkspace() {
  const { view } = useWorkspace();
  return (
    <Link to={workspacePath(view.workspace.id)} className={buttonClass("quiet")}>
      Back to the workspace
    </Link>
  );
}

/** What an interviewer sees on a page only the workspace admin may use. */
export function AdminOnly({ title, message }: { title: string; message: string }) {
  return (
    <CalPage>
      <ErrorState title={title} error={new Error(message)}>
        <BackToWorkspace />
      </ErrorState>
    </CalPage>
  );
}
