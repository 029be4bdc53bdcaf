import { type ExerciseResults, RUBRIC_MAX, RUBRIC_MIN } from "@loopwright/schema";
import { useQueries } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ApiRequestError } from "../../../api/client";
import { combineQueries } from "../../../api/combine-queries";
import { EmptyState, ErrorState } from "../../../components/Status";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { ExportButtons, ResultsSection, ResultsView } from "../../../shared/agreement-results";
import { buttonClass } from "../../../ui/button";
import { refusalAsAnswer } from "../api";
import { CalPage, LoadingPage } from "../components/CalPage";
import { HeaderStatus, PageHeader } from "../components/PageHeader";
import { ReferenceComparison } from "../components/results/ReferenceComparison";
import { useQuestions } from "../lib/useQuestions";
import { useWorkspace, workspacePath } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";
import "./ExerciseResultsPage.css";

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
      <CalPage crumbs={crumbs}>
        <ErrorState title="The results could not be loaded" error={data.error} onRetry={data.retry} />
      </CalPage>
    );
  }
  if (!exercise || !results) {
    return <LoadingPage label="Loading the results" crumbs={crumbs} />;
  }

  if (results instanceof ApiRequestError) {
    return (
      <CalPage crumbs={crumbs}>
        <EmptyState title="No results yet">
          <p>{results.message}</p>
          <Link to={exercisePath} className={buttonClass("primary")}>
            Back to the exercise
          </Link>
        </EmptyState>
      </CalPage>
    );
  }

  const dimName = (itemId: string, dimension: string) => {
    const item = exercise.items.find((i) => i.id === itemId);
    const q = item ? questions.data?.get(item.questionId) : undefined;
    return q?.rubric.dimensions.find((d) => d.id === dimension)?.name ?? dimension;
  };
  const latest = results.rounds[results.rounds.length - 1];

  return (
    <CalPage crumbs={crumbs}>
      <PageHeader
        eyebrow="Calibration results"
        title={exercise.name}
        aside={<ExportButtons results={results} title={exercise.name} dimensionName={dimName} />}
      >
        <HeaderStatus>
          {results.rounds.length > 1
            ? `${results.rounds.length} rounds revealed`
            : `Round ${latest?.round ?? 1} revealed`}{" "}
          · {formatCount(Object.keys(results.raterNames).length, "interviewer")} ·{" "}
          {formatCount(exercise.items.length, "answer")}
          {!exercise.revealed ? ` · round ${exercise.round} scoring now` : ""}
        </HeaderStatus>
      </PageHeader>
      <ResultsView
        results={results}
        scale={RUBRIC_SCALE}
        renderComments={(round, level) => (
          <>
            <ReferenceComparison
              rows={results.rounds.find((r) => r.round === round)?.referenceComparison ?? []}
              subjectLabels={results.subjectLabels}
            />
            <Comments results={results} round={round} dimName={dimName} level={level} />
          </>
        )}
      />
    </CalPage>
  );
}

function Comments({
  results,
  round,
  dimName,
  level,
}: {
  results: ExerciseResults;
  round: number;
  dimName: (itemId: string, dimension: string) => string;
  level: 2 | 3 | 4;
}) {
  const AnswerHeading = `h${level + 1}` as "h3" | "h4" | "h5";
  const comments = results.comments.filter((c) => c.round === round);
  const items = Object.keys(results.subjectLabels).filter((id) => comments.some((c) => c.itemId === id));
  return (
    <ResultsSection title="Comments" level={level}>
      {comments.length === 0 ? (
        <p className="empty-note">Nobody left a comment in this round.</p>
      ) : (
        <div className="comments">
          {items.map((itemId) => (
            <div key={itemId} className="comments__answer">
              <AnswerHeading className="comments__title">{results.subjectLabels[itemId]}</AnswerHeading>
              <ul className="comments__list">
                {comments
                  .filter((c) => c.itemId === itemId)
                  .map((c) => (
                    <li key={`${c.rater}-${c.dimension}`} className="comment">
                      <p className="comment__who">
                        {results.raterNames[c.rater] ?? "Former member"} <span className="muted">on</span>{" "}
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
    </ResultsSection>
  );
}
