import { RUBRIC_MAX, RUBRIC_MIN } from "@loopwright/schema";
import { Link, useParams } from "react-router";
import { ApiRequestError } from "../../../api/client";
import { EmptyState, ErrorState, Loading } from "../../../components/Status";
import { useApi } from "../../../lib/useApi";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { Breadcrumb } from "../components/Breadcrumb";
import { ExportButtons } from "../results/ExportButtons";
import { ResultsView } from "../results/ResultsView";
import { useWorkspace, workspacePath } from "../workspace/context";
import { useSessionGuard } from "../workspace/useSessionGuard";

/** Agreement pooled over the latest revealed round of every exercise in a loop (admin only). */
export function LoopResultsPage() {
  const { loopId = "" } = useParams();
  const { api, view } = useWorkspace();
  const guard = useSessionGuard();
  const data = useApi(
    async (signal) => {
      const loop = await guard(api.getLoop(loopId, signal));
      const results = await guard(api.loopResults(loopId, signal)).catch((error: unknown) => {
        if (error instanceof ApiRequestError && (error.status === 409 || error.status === 403)) return error;
        throw error;
      });
      return { loop, results };
    },
    [api, loopId],
  );
  useDocumentTitle(data.data ? `Pooled results: ${data.data.loop.name}` : "Pooled results");
  const crumbs = [
    { to: workspacePath(view.workspace.id), label: view.workspace.name },
    ...(data.data
      ? [{ to: workspacePath(view.workspace.id, `/loops/${loopId}`), label: data.data.loop.name }]
      : []),
  ];

  if (data.status === "error") {
    return (
      <div className="container cal-page">
        <Breadcrumb trail={crumbs} />
        <ErrorState title="The loop results could not be loaded" error={data.error} onRetry={data.retry} />
      </div>
    );
  }
  if (!data.data) {
    return (
      <div className="container cal-page">
        <Breadcrumb trail={crumbs} />
        <Loading label="Loading the loop results">
          <span className="skeleton skeleton--heading" />
          <span className="skeleton" />
        </Loading>
      </div>
    );
  }
  const { loop, results } = data.data;
  return (
    <div className="container cal-page">
      <Breadcrumb trail={crumbs} />
      <header className="cal-page-header cal-page-header--split">
        <div>
          <p className="eyebrow">Pooled loop results</p>
          <h1 className="page-title">{loop.name}</h1>
          <p className="page-lede">
            Every revealed exercise linked to this loop, pooled: the latest revealed round of each. Use it to
            see which interviewers and rubric dimensions drift across the whole loop, not just one exercise.
          </p>
        </div>
        {results instanceof ApiRequestError ? null : (
          <ExportButtons results={results} title={`${loop.name} pooled`} />
        )}
      </header>
      {results instanceof ApiRequestError ? (
        <EmptyState title="Nothing to pool yet">
          <p>{results.message}</p>
          <p>
            Link an exercise to this loop when you create it; its results count here once they are revealed.
          </p>
          <Link to={workspacePath(view.workspace.id, "/exercises/new")} className="button button--primary">
            New exercise
          </Link>
        </EmptyState>
      ) : (
        <ResultsView
          results={results}
          scale={{ min: RUBRIC_MIN, max: RUBRIC_MAX }}
          roundLabel={() => "Pooled"}
        />
      )}
    </div>
  );
}
