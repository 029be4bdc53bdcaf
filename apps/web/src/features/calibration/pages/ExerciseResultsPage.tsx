import { type ExerciseResults, RUBRIC_MAX, RUBRIC_MIN } from "@loopwright/schema";
import { useQueries } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ApiRequestError } from "../../../api/client";
import { combineQueries } from "../../../api/combine-queries";
import { EmptyState, ErrorState, Loading } from "../../../components/Status";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { ExportButtons, ResultsView } from "../../../shared/agreement-results";
import { Breadcrumb } from "../../../ui/Breadcrumb";
import { buttonClass } from "../../../ui/button";
import { refusalAsAnswer } from "../api";
import { useQuestions } from "../lib/useQuestions";
import { useWorkspace, workspacePath } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";

const RUBRIC_SCALE = { min: RUBRIC_MIN, max: RUBRIC_MAX };

export function ExerciseResultsPage() {
  const { exerciseId = "" } = useParams();
  const { api, keys, view } = useWorkspace();
  const guard = useSignInGuard();
  const data = useQueries({
    queries: [
      {
        queryKey: keys.exercise(exerciseId),
        queryFn: ({ signal }) => guard(api.getExercise(exerciseId, signal)),
      },
      {
        queryKey: keys.exerciseResults(exerciseId),
        queryFn: ({ signal }) => refusalAsAnswer(guard(api.results(exerciseId, signal)), [409]),
      },
    ],
    combine: combineQueries,
  });
  const [exercise, results] = data.data ?? [];
  const questions = useQuestions(exercise?.items.map((i) => i.questionId) ?? []);
  useDocumentTitle(exercise ? `Results: ${exercise.name}` : "Results");

  const exercisePath = workspacePath(view.workspace.id, `/exercises/${exerciseId}`);
  const crumbs = [
    { to: workspacePath(view.workspace.id), label: view.workspace.name },
    ...(exercise ? [{ to: exercisePath, label: exercise.name }] : []),
  ];

  if (data.status === "error") {
    return (
      <div className="container cal-page">
        <Breadcrumb trail={crumbs} />
        <ErrorState title="The results could not be loaded" error={data.error} onRetry={data.retry} />
      </div>
    );
  }
  if (!exercise || !results) {
    return (
      <div className="container cal-page">
        <Breadcrumb trail={crumbs} />
        <Loading label="Loading the results">
          <span className="skeleton skeleton--heading" />
          <span className="skeleton" />
          <span className="skeleton" />
        </Loading>
      </div>
    );
  }

  if (results instanceof ApiRequestError) {
    return (
      <div className="container cal-page">
        <Breadcrumb trail={crumbs} />
        <EmptyState title="No results yet">
          <p>{results.message}</p>
          <Link to={exercisePath} className={buttonClass("primary")}>
            Back to the exercise
          </Link>
        </EmptyState>
      </div>
    );
  }

  const dimName = (itemId: string, dimension: string) => {
    const item = exercise.items.find((i) => i.id === itemId);
    const q = item ? questions.data?.get(item.questionId) : undefined;
    return q?.rubric.dimensions.find((d) => d.id === dimension)?.name ?? dimension;
  };
  const latest = results.rounds[results.rounds.length - 1];

  return (
    <div className="container cal-page">
      <Breadcrumb trail={crumbs} />
      <header className="cal-page-header cal-page-header--split">
        <div>
          <p className="eyebrow">Calibration results</p>
          <h1 className="page-title">{exercise.name}</h1>
          <p className="cal-status-line">
            {results.rounds.length > 1
              ? `${results.rounds.length} rounds revealed`
              : `Round ${latest?.round ?? 1} revealed`}{" "}
            · {formatCount(Object.keys(results.raterNames).length, "interviewer")} ·{" "}
            {formatCount(exercise.items.length, "answer")}
            {!exercise.revealed ? ` · round ${exercise.round} scoring now` : ""}
          </p>
        </div>
        <ExportButtons results={results} title={exercise.name} dimensionName={dimName} />
      </header>
      <ResultsView
        results={results}
        scale={RUBRIC_SCALE}
        renderComments={(round) => <Comments results={results} round={round} dimName={dimName} />}
      />
    </div>
  );
}

function Comments({
  results,
  round,
  dimName,
}: {
  results: ExerciseResults;
  round: number;
  dimName: (itemId: string, dimension: string) => string;
}) {
  const comments = results.comments.filter((c) => c.round === round);
  const items = Object.keys(results.subjectLabels).filter((id) => comments.some((c) => c.itemId === id));
  return (
    <section className="results__block" aria-label="Comments">
      <h3 className="results__heading">Comments</h3>
      {comments.length === 0 ? (
        <p className="cal-empty-line">Nobody left a comment in this round.</p>
      ) : (
        <div className="comments">
          {items.map((itemId) => (
            <div key={itemId} className="comments__answer">
              <h4 className="comments__title">{results.subjectLabels[itemId]}</h4>
              <ul className="comments__list">
                {comments
                  .filter((c) => c.itemId === itemId)
                  .map((c) => (
                    <li key={`${c.rater}-${c.dimension}`} className="comment">
                      <p className="comment__who">
                        {results.raterNames[c.rater] ?? "Former member"} <span className="cal-muted">on</span>{" "}
                        {dimName(c.itemId, c.dimension)}
                      </p>
                      <p className="comment__text">{c.comment}</p>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
