import { COMPETENCY_LABELS, createMemberBodySchema, type Loop, type Member } from "@loopwright/schema";
import { skipToken, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { CopyLink } from "../../../components/CopyLink";
import { EmptyState, ErrorState, Loading } from "../../../components/Status";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { buttonClass } from "../../../ui/button";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { TextField } from "../../../ui/TextField";
import { tableClasses } from "../../../ui/table";
import type { ExerciseSummary, MemberCreated } from "../api";
import { coverageCounts } from "../lib/coverage";
import { fieldErrors } from "../lib/form-errors";
import { memberJoinLink } from "../lib/member-credentials";
import { useWorkspace, workspacePath } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";

export function WorkspaceDashboard() {
  const { view, isAdmin, api, keys } = useWorkspace();
  useDocumentTitle(view.workspace.name);
  const guard = useSignInGuard();
  const exercises = useQuery({
    queryKey: keys.exercises,
    queryFn: ({ signal }) => guard(api.listExercises(signal)),
  });
  // Loops are the admin's: an interviewer's page does not ask for them.
  const loops = useQuery({
    queryKey: keys.loops,
    queryFn: isAdmin ? ({ signal }) => guard(api.listLoops(signal)) : skipToken,
  });

  return (
    <div className="container cal-page">
      <header className="cal-page-header">
        <p className="eyebrow">Calibration workspace</p>
        <h1 className="page-title">{view.workspace.name}</h1>
        <p className="cal-whoami">
          Signed in as <strong>{view.me.name}</strong>
          <span className="badge">{isAdmin ? "Admin" : "Interviewer"}</span>
        </p>
        {!isAdmin ? (
          <p className="page-lede">
            These are the calibration exercises you are on. Score each answer on your own; nobody sees your
            scores until the round’s results are revealed.
          </p>
        ) : null}
      </header>

      <section className="cal-section" aria-labelledby="exercises-title">
        <div className="cal-section__head">
          <div>
            <h2 id="exercises-title" className="section__title">
              {isAdmin ? "Calibration exercises" : "Your exercises"}
            </h2>
            {isAdmin ? (
              <p className="section__lede">
                Each exercise is a set of answers the panel scores blind, round by round.
              </p>
            ) : null}
          </div>
          {isAdmin ? (
            <Link to={workspacePath(view.workspace.id, "/exercises/new")} className={buttonClass("primary")}>
              New exercise
            </Link>
          ) : null}
        </div>
        {exercises.status === "error" ? (
          <ErrorState
            title="The exercises could not be loaded"
            error={exercises.error}
            onRetry={() => void exercises.refetch()}
          />
        ) : !exercises.data ? (
          <Loading label="Loading exercises">
            <span className="skeleton skeleton--title" />
            <span className="skeleton" />
          </Loading>
        ) : exercises.data.length === 0 ? (
          <EmptyState title={isAdmin ? "No exercises yet" : "You are not on any exercise yet"}>
            <p>
              {isAdmin
                ? "Create interviewer links below first, then start an exercise with at least two of them."
                : "When the workspace admin adds you to an exercise, it appears here. Keep your personal link to come back."}
            </p>
          </EmptyState>
        ) : (
          <ul className="cal-exercises">
            {exercises.data.map((exercise) => (
              <ExerciseCard
                key={exercise.id}
                exercise={exercise}
                loop={loops.data?.find((l) => l.id === exercise.loopId)}
              />
            ))}
          </ul>
        )}
      </section>

      {isAdmin ? (
        <section className="cal-section" aria-labelledby="loops-title">
          <div className="cal-section__head">
            <div>
              <h2 id="loops-title" className="section__title">
                Interview loops
              </h2>
              <p className="section__lede">
                The rounds a candidate meets and the competencies each assesses, with gaps and overlaps shown.
              </p>
            </div>
            <Link to={workspacePath(view.workspace.id, "/loops/new")} className={buttonClass("quiet")}>
              New loop
            </Link>
          </div>
          {loops.status === "error" ? (
            <ErrorState
              title="The loops could not be loaded"
              error={loops.error}
              onRetry={() => void loops.refetch()}
            />
          ) : !loops.data ? (
            <Loading label="Loading loops">
              <span className="skeleton" />
            </Loading>
          ) : loops.data.length === 0 ? (
            <EmptyState title="No loops yet">
              <p>Define your director loop to see which competencies it covers twice and which not at all.</p>
            </EmptyState>
          ) : (
            <ul className="cal-loops">
              {loops.data.map((loop) => (
                <LoopCard key={loop.id} loop={loop} workspaceId={view.workspace.id} />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {isAdmin ? <MembersSection /> : null}
    </div>
  );
}

function ExerciseCard({ exercise, loop }: { exercise: ExerciseSummary; loop: Loop | undefined }) {
  const { view } = useWorkspace();
  const titleId = useId();
  const pct = exercise.interviewerCount ? (exercise.submittedCount / exercise.interviewerCount) * 100 : 0;
  const hasResults = exercise.revealed || exercise.round > 1;
  return (
    <li className="cal-exercise" aria-labelledby={titleId} data-testid="exercise-card">
      <div className="cal-exercise__main">
        <h3 id={titleId} className="cal-exercise__title">
          <Link to={workspacePath(view.workspace.id, `/exercises/${exercise.id}`)}>{exercise.name}</Link>
        </h3>
        <p className="cal-exercise__meta">
          <span>Round {exercise.round}</span>
          {loop ? <span>{loop.name}</span> : null}
          <span className={`badge${exercise.revealed ? " badge--accent" : ""}`}>
            {exercise.revealed ? "Results revealed" : "Scoring open"}
          </span>
        </p>
      </div>
      <div className="cal-exercise__progress">
        <p className="cal-exercise__count">
          {exercise.submittedCount} of {exercise.interviewerCount} submitted
        </p>
        <div
          className="cal-progress"
          role="progressbar"
          aria-label={`${exercise.name}: interviewers who submitted`}
          aria-valuemin={0}
          aria-valuemax={exercise.interviewerCount}
          aria-valuenow={exercise.submittedCount}
        >
          <span className="cal-progress__bar" style={{ width: `${pct}%` }} />
        </div>
      </div>
      <p className="cal-exercise__actions">
        <Link
          to={workspacePath(view.workspace.id, `/exercises/${exercise.id}`)}
          className={buttonClass("quiet")}
        >
          Open
        </Link>
        {hasResults ? (
          <Link
            to={workspacePath(view.workspace.id, `/exercises/${exercise.id}/results`)}
            className={buttonClass("quiet")}
          >
            Results
          </Link>
        ) : null}
      </p>
    </li>
  );
}

function LoopCard({ loop, workspaceId }: { loop: Loop; workspaceId: string }) {
  const counts = coverageCounts(loop.coverage);
  const minutes = loop.rounds.reduce((sum, r) => sum + r.durationMinutes, 0);
  return (
    <li className="cal-loop">
      <h3 className="cal-loop__title">
        <Link to={workspacePath(workspaceId, `/loops/${loop.id}`)}>{loop.name}</Link>
      </h3>
      <p className="cal-loop__meta">
        {formatCount(loop.rounds.length, "round")} · {minutes} min
      </p>
      <ol className="cal-loop__rounds">
        {loop.rounds.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rounds have no id; their position is their identity
          <li key={i}>
            <span className="cal-loop__round-name">{r.name}</span>
            <span className="cal-loop__round-comps">
              {r.competencies.map((c) => COMPETENCY_LABELS[c]).join(", ")}
            </span>
          </li>
        ))}
      </ol>
      <p className="cal-loop__coverage">
        <span className={`cal-pill cal-pill--gap${counts.gap ? "" : " cal-pill--none"}`}>
          {formatCount(counts.gap, "gap")}
        </span>
        <span className={`cal-pill cal-pill--overlap${counts.overlap ? "" : " cal-pill--none"}`}>
          {formatCount(counts.overlap, "overlap")}
        </span>
      </p>
      <p className="cal-loop__actions">
        <Link to={workspacePath(workspaceId, `/loops/${loop.id}`)} className={buttonClass("quiet")}>
          Edit loop
        </Link>
        <Link to={workspacePath(workspaceId, `/loops/${loop.id}/results`)} className={buttonClass("quiet")}>
          Pooled results
        </Link>
      </p>
    </li>
  );
}

function MembersSection() {
  const { view, api, refresh } = useWorkspace();
  const guard = useSignInGuard();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<MemberCreated | null>(null);
  const [revoking, setRevoking] = useState<Member | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const createdHeading = useRef<HTMLHeadingElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = createMemberBodySchema.safeParse({ name });
    if (!parsed.success) {
      setError(fieldErrors(parsed.error.issues).name ?? "Enter a name.");
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const made = await guard(api.addMember(parsed.data.name));
      setCreated(made);
      setName("");
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    setRevokeError(null);
    try {
      await guard(api.revokeMember(revoking.id));
      setRevoking(null);
      refresh();
    } catch (e) {
      setRevokeError(e instanceof Error ? e.message : String(e));
    } finally {
      setRevokeBusy(false);
    }
  };

  return (
    <section className="cal-section" aria-labelledby="members-title">
      <div className="cal-section__head">
        <div>
          <h2 id="members-title" className="section__title">
            People and links
          </h2>
          <p className="section__lede">
            Each interviewer signs in with a personal link. Links are shown once; revoke one to shut it off.
          </p>
        </div>
      </div>

      <div className="cal-members">
        <table className={`${tableClasses.table} cal-members__table`}>
          <caption className="visually-hidden">Workspace members</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Link</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.members.map((m) => (
              <tr key={m.id} data-testid="member-row">
                <th scope="row">
                  {m.name}
                  {m.id === view.me.id ? <span className="cal-muted"> (you)</span> : null}
                </th>
                <td>{m.role === "admin" ? "Admin" : "Interviewer"}</td>
                <td>
                  {m.revoked ? (
                    <span className="badge badge--danger">Revoked</span>
                  ) : (
                    <span className="badge">Active</span>
                  )}
                </td>
                <td className="ui-table__actions">
                  {m.id !== view.me.id && !m.revoked ? (
                    <button
                      type="button"
                      className={buttonClass("quiet", { size: "small" })}
                      onClick={() => {
                        setRevokeError(null);
                        setRevoking(m);
                      }}
                    >
                      Revoke<span className="visually-hidden"> {m.name}’s link</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <div className="cal-card cal-members__create">
          {created ? (
            <div>
              <h3 className="cal-card__title" tabIndex={-1} ref={createdHeading}>
                Link for {created.member.name}
              </h3>
              <p className="cal-card__lede">
                Send this to {created.member.name} privately. <strong>It is shown only once</strong>; if it is
                lost, revoke it and create another.
              </p>
              <CopyLink
                look="calibration"
                label={`${created.member.name}’s personal link`}
                value={memberJoinLink(window.location.origin, created.token)}
                hint="The secret after the # never reaches a server in a URL. Anyone holding the link can score as this person."
              />
              <p className="cal-actions">
                <button
                  type="button"
                  className={buttonClass("quiet")}
                  onClick={() => {
                    setCreated(null);
                    requestAnimationFrame(() => nameInput.current?.focus());
                  }}
                >
                  Done — add another interviewer
                </button>
              </p>
            </div>
          ) : (
            <form className="cal-form" onSubmit={create} noValidate>
              <h3 className="cal-card__title">Invite an interviewer</h3>
              <TextField
                label="Interviewer’s name"
                error={error}
                ref={nameInput}
                value={name}
                maxLength={200}
                autoComplete="off"
                onValueChange={setName}
              />
              <button type="submit" className={buttonClass("primary")} disabled={busy} aria-busy={busy}>
                {busy ? "Creating…" : "Create interviewer link"}
              </button>
            </form>
          )}
        </div>
      </div>

      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? `Revoke ${revoking.name}’s link?` : "Revoke link?"}
        confirmLabel="Revoke link"
        tone="danger"
        busy={revokeBusy}
        error={revokeError}
        onConfirm={revoke}
        onCancel={() => setRevoking(null)}
      >
        <p>
          {revoking?.name} is signed out everywhere and the link stops working at once. Scores already
          submitted stay in the results. This cannot be undone; you can create a new link later.
        </p>
      </ConfirmDialog>
    </section>
  );
}
