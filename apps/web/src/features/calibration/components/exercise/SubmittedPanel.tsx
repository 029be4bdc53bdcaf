import type { Exercise, Question } from "@loopwright/schema";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { formatCount } from "../../../../lib/format";
import { tableClasses } from "../../../../ui/table";
import { useWorkspace, workspacePath } from "../../workspace/context";
import "./SubmittedPanel.css";
import { cardProps } from "../../../../ui/card";

export function SubmittedPanel({
  exercise,
  questions,
}: {
  exercise: Exercise;
  questions: Map<string, Question>;
}) {
  const { view } = useWorkspace();
  const heading = useRef<HTMLHeadingElement>(null);
  const waiting = exercise.progress.filter((p) => !p.submitted).length;
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const dimName = (questionId: string, id: string) =>
    questions.get(questionId)?.rubric.dimensions.find((d) => d.id === id)?.name ?? id;
  return (
    <section
      {...cardProps({ tone: "accent", className: "submitted" })}
      aria-labelledby="submitted-title"
      data-testid="submitted"
    >
      <h2 id="submitted-title" className="cal-card__title" tabIndex={-1} ref={heading}>
        You submitted your round {exercise.round} scores
      </h2>
      <p className="cal-card__lede">
        {exercise.revealed ? (
          <>
            Results are revealed.{" "}
            <Link to={workspacePath(view.workspace.id, `/exercises/${exercise.id}/results`)}>
              See how the panel scored
            </Link>
            .
          </>
        ) : (
          <>
            Waiting for {formatCount(waiting, "more interviewer", "more interviewers")}. Results appear here
            when the whole panel has submitted or the admin reveals them; this page checks by itself.
          </>
        )}
      </p>
      <details className="submitted__mine">
        <summary>Your scores</summary>
        <table className={`${tableClasses.table} submitted__table`}>
          <thead>
            <tr>
              <th scope="col">Answer</th>
              <th scope="col">Dimension</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {exercise.myScores.map((s) => {
              const item = exercise.items.find((i) => i.id === s.itemId);
              return (
                <tr key={`${s.itemId}-${s.dimension}`}>
                  <td>{item?.label}</td>
                  <td>{item ? dimName(item.questionId, s.dimension) : s.dimension}</td>
                  <td className={tableClasses.number}>{s.score}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </section>
  );
}
