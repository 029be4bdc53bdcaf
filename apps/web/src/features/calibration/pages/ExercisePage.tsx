import type { Exercise } from "@loopwright/schema";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { Link, useParams } from "react-router";
import { ErrorState, Loading } from "../../../components/Status";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { buttonClass } from "../../../ui/button";
import { CalPage, PageSkeleton } from "../components/CalPage";
import { AdminPanel } from "../components/exercise/AdminPanel";
import { AnswersPreview } from "../components/exercise/AnswersPreview";
import { ScoringForm } from "../components/exercise/ScoringForm";
import { SubmittedPanel } from "../components/exercise/SubmittedPanel";
import { HeaderStatus, PageHeader } from "../components/PageHeader";
import { BackToWorkspace } from "../components/WorkspaceStates";
import { useQuestions } from "../lib/useQuestions";
import { useWorkspace, workspacePath } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";
import "./ExercisePage.css";
import { cardProps } from "../../../ui/card";

/** Progress and reveals come from other people: how often an open exercise asks for them. */
const POLL_MS = 5_000;

export function ExercisePage() {
  const { exerciseId = "" } = useParams();
  const { api, keys, view, isAdmin } = useWorkspace();
  const guard = useSignInGuard();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: keys.exercise(exerciseId),
    queryFn: ({ signal }) => guard(api.getExercise(exerciseId, signal)),
    // Polled once it has loaded, while the tab is in view; coming back to the tab catches up at once.
    refetchInterval: (current) => (current.state.data ? POLL_MS : false),
    refetchOnWindowFocus: true,
  });
  const exercise = query.data ?? null;
  const loadError = query.error;
  const applyChange = useCallback(
    (next: Exercise) => {
      // A poll that started before this change must not land after it and undo it.
      void queryClient.cancelQueries({ queryKey: keys.exercise(exerciseId), exact: true });
      queryClient.setQueryData(keys.exercise(exerciseId), next);
      // What the change moves elsewhere: the results (a reveal, a new round) and the dashboard's progress.
      void queryClient.invalidateQueries({ queryKey: keys.exerciseResults(exerciseId) });
      void queryClient.invalidateQueries({ queryKey: keys.exercises });
    },
    [queryClient, keys, exerciseId],
  );

  const questions = useQuestions(exercise?.items.map((i) => i.questionId) ?? []);
  useDocumentTitle(exercise ? exercise.name : "Calibration exercise");

  const crumbs = [{ to: workspacePath(view.workspace.id), label: view.workspace.name }];
  if (!exercise) {
    return (
      <CalPage crumbs={crumbs}>
        {loadError ? (
          <ErrorState
            title="This exercise could not be loaded"
            error={loadError}
            onRetry={() => void query.refetch()}
          >
            <BackToWorkspace />
          </ErrorState>
        ) : (
          <PageSkeleton label="Loading the exercise" />
        )}
      </CalPage>
    );
  }

  const submitted = exercise.progress.filter((p) => p.submitted).length;
  const resultsPath = workspacePath(view.workspace.id, `/exercises/${exercise.id}/results`);

  return (
    <CalPage crumbs={crumbs}>
      <PageHeader
        eyebrow={
          <>
            Calibration exercise <span className="badge">Round {exercise.round}</span>
          </>
        }
        title={exercise.name}
      >
        <HeaderStatus testId="exercise-status">
          {formatCount(exercise.items.length, "answer")} · {submitted} of{" "}
          {formatCount(exercise.progress.length, "interviewer")} submitted ·{" "}
          {exercise.revealed ? <strong>Results revealed</strong> : "Scores hidden until revealed"}
        </HeaderStatus>
      </PageHeader>

      {exercise.revealed ? (
        <div className="cal-banner cal-banner--accent" data-testid="results-ready">
          <div>
            <p className="cal-banner__title">Round {exercise.round} results are in</p>
            <p>Agreement per dimension, each interviewer’s severity and the answers that split the panel.</p>
          </div>
          <Link to={resultsPath} className={buttonClass("primary")}>
            See the results
          </Link>
        </div>
      ) : exercise.round > 1 ? (
        <div className="cal-banner">
          <div>
            <p className="cal-banner__title">Re-score round {exercise.round} is open</p>
            <p>Earlier rounds’ results stay available for the discussion.</p>
          </div>
          <Link to={resultsPath} className={buttonClass("quiet")}>
            Earlier results
          </Link>
        </div>
      ) : null}

      {isAdmin ? <AdminPanel exercise={exercise} onChange={applyChange} /> : null}

      {questions.status === "error" ? (
        <ErrorState
          title="The rubrics could not be loaded"
          error={questions.error}
          onRetry={questions.retry}
        />
      ) : !questions.data ? (
        <Loading label="Loading the rubrics">
          <span className="skeleton" />
        </Loading>
      ) : exercise.invited ? (
        exercise.mySubmitted ? (
          <SubmittedPanel exercise={exercise} questions={questions.data} />
        ) : exercise.revealed ? (
          <div {...cardProps()}>
            <h2 className="cal-card__title">Scoring for round {exercise.round} has closed</h2>
            <p className="cal-card__lede">
              The admin revealed this round’s results before you submitted, so scores given now would no
              longer be blind. If the panel re-scores, a new round opens here.
            </p>
          </div>
        ) : (
          <ScoringForm
            key={exercise.round}
            exercise={exercise}
            questions={questions.data}
            onSaved={applyChange}
          />
        )
      ) : (
        <AnswersPreview exercise={exercise} questions={questions.data} />
      )}
    </CalPage>
  );
}
