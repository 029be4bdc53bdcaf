import { RUBRIC_MAX, RUBRIC_MIN } from "@loopwright/schema";
import { useQueries } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ApiRequestError } from "../../../api/client";
import { combineQueries } from "../../../api/combine-queries";
import { EmptyState, ErrorState } from "../../../components/Status";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { ExportButtons, ResultsView } from "../../../shared/agreement-results";
import { buttonClass } from "../../../ui/button";
import { refusalAsAnswer } from "../api";
import { CalPage, LoadingPage } from "../components/CalPage";
import { PageHeader } from "../components/PageHeader";
import { useWorkspace, workspacePath } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";

/** Agreement pooled over the latest revealed round of every exercise in a loop (admin only). */
export function LoopResultsPage() {
  const { loopId = "" } = useParams();
  const { api, keys, view } = useWorkspace();
  const guard = useSignInGuard();
  const data = useQueries({
    queries: [
      { queryKey: keys.loop(loopId), queryFn: ({ signal }) => guard(api.getLoop(loopId, signal)) },
      {
        queryKey: keys.loopResults(loopId),
        queryFn: ({ signal }) => refusalAsAnswer(guard(api.loopResults(loopId, signal)), [409, 403]),
      },
    ],
    combine: combineQueries,
  });
  const [loop, results] = data.data ?? [];
  useDocumentTitle(loop ? `Pooled results: ${loop.name}` : "Pooled results");
  const crumbs = [
    { to: workspacePath(view.workspace.id), label: view.workspace.name },
    ...(loop ? [{ to: workspacePath(view.workspace.id, `/loops/${loopId}`), label: loop.name }] : []),
  ];

  if (data.status === "error") {
    return (
      <CalPage crumbs={crumbs}>
        <ErrorState title="The loop results could not be loaded" error={data.error} onRetry={data.retry} />
      </CalPage>
    );
  }
  if (!loop || !results) {
    return <LoadingPage label="Loading the loop results" crumbs={crumbs} />;
  }
  return (
    <CalPage crumbs={crumbs}>
      <PageHeader
        eyebrow="Pooled loop results"
        title={loop.name}
        aside={
          results instanceof ApiRequestError ? null : (
            <ExportButtons results={results} title={`${loop.name} pooled`} />
          )
        }
      >
        <p className="page-lede">
          Every revealed exercise linked to this loop, pooled: the latest revealed round of each. Use it to
          see which interviewers and rubric dimensions drift across the whole loop, not just one exercise.
        </p>
      </PageHeader>
      {results instanceof ApiRequestError ? (
        <EmptyState title="Nothing to pool yet">
          <p>{results.message}</p>
          <p>
            Link an exercise to this loop when you create it; its results count here once they are revealed.
          </p>
          <Link to={workspacePath(view.workspace.id, "/exercises/new")} className={buttonClass("primary")}>
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
    </CalPage>
  );
}
