import { COMPETENCY_LABELS, createMemberBodySchema, type Loop, type Member } from "@loopwright/schema";
import { skipToken, useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { EmptyState, ErrorState, Loading } from "../../../components/Status";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { buttonClass } from "../../../ui/button";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { TextField } from "../../../ui/TextField";
import { tableClasses } from "../../../ui/table";
import type { ExerciseSummary, MemberCreated } from "../api";
import { CalPage } from "../components/CalPage";
import { CoveragePills } from "../components/CoveragePills";
import { PageHeader } from "../components/PageHeader";
import { ProgressBar } from "../components/ProgressBar";
import { NewLinkNotice, ReissueLinkButton, ReissueLinkDialog } from "../components/ReissueLink";
import { dueLabel } from "../lib/due-date";
import { fieldErrors } from "../lib/form-errors";
import { useWorkspace, workspacePath } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";
import "./WorkspaceDashboard.css";
import { cardProps } from "../../../ui/card";

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
    <CalPage>
      <PageHeader eyebrow="Calibration workspace" title={view.workspace.name}>
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
      </PageHeader>

      <DashboardSection
        id="exercises-title"
        title={isAdmin ? "Calibration exercises" : "Your exercises"}
        lede={isAdmin ? "Each exercise is a set of answers the panel scores blind, round by round." : null}
        action={
          isAdmin ? (
            <Link to={workspacePath(view.workspace.id, "/exercises/new")} className={buttonClass("primary")}>
              New exercise
            </Link>
          ) : null
        }
      >
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
      </DashboardSection>

      {isAdmin ? (
        <DashboardSection
          id="loops-title"
          title="Interview loops"
          lede="The rounds a candidate meets and the competencies each assesses, with gaps and overlaps shown."
          action={
            <Link to={workspacePath(view.workspace.id, "/loops/new")} className={buttonClass("quiet")}>
              New loop
            </Link>
          }
        >
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
        </DashboardSection>
      ) : null}

      {isAdmin ? <MembersSection /> : null}
    </CalPage>
  );
}

/** A section of the dashboard: its heading and lede, an action beside them, then its content. */
function DashboardSection({
  id,
  title,
  lede,
  action,
  children,
}: {
  id: string;
  title: string;
  lede?: string | null;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="cal-section" aria-labelledby={id}>
      <div className="cal-section__head">
        <div>
          <h2 id={id} className="section__title">
            {title}
          </h2>
          {lede ? <p className="section__lede cal-section__lede">{lede}</p> : null}
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}

function ExerciseCard({ exercise, loop }: { exercise: ExerciseSummary; loop: Loop | undefined }) {
  const { view } = useWorkspace();
  const titleId = useId();
  const hasResults = exercise.revealed || exercise.round > 1;
  return (
    <li className="cal-exercise" aria-labelledby={titleId} data-testid="exercise-card">
      <div className="cal-exercise__main">
        <h3 id={titleId} className="cal-exercise__title">
          <Link to={workspacePath(view.workspace.id, `/exercises/${exercise.id}`)}>{exercise.name}</Link>
        </h3>
        <p className="meta-line">
          <span>Round {exercise.round}</span>
          {loop ? <span>{loop.name}</span> : null}
          <span className={`badge${exercise.revealed ? " badge--accent" : ""}`}>
            {exercise.revealed ? "Results revealed" : "Scoring open"}
          </span>
          {exercise.dueAt && !exercise.revealed ? <span>{dueLabel(exercise.dueAt)}</span> : null}
          {exercise.lateCount > 0 ? (
            <span className="badge badge--danger">{formatCount(exercise.lateCount, "interviewer")} late</span>
          ) : null}
        </p>
      </div>
      <div className="cal-exercise__progress">
        <p className="cal-exercise__count">
          {exercise.submittedCount} of {exercise.interviewerCount} submitted
        </p>
        <ProgressBar
          label={`${exercise.name}: interviewers who submitted`}
          value={exercise.submittedCount}
          max={exercise.interviewerCount}
        />
      </div>
      <p className="cal-exercise__actions">
        <Link
          to={workspacePath(view.workspace.id, `/exercises/${exercise.id}`)}
          className={buttonClass("quiet", { className: "cal-card-action" })}
        >
          Open
        </Link>
        {hasResults ? (
          <Link
            to={workspacePath(view.workspace.id, `/exercises/${exercise.id}/results`)}
            className={buttonClass("quiet", { className: "cal-card-action" })}
          >
            Results
          </Link>
        ) : null}
      </p>
    </li>
  );
}

function LoopCard({ loop, workspaceId }: { loop: Loop; workspaceId: string }) {
  const minutes = loop.rounds.reduce((sum, r) => sum + r.durationMinutes, 0);
  return (
    <li className="cal-loop">
      <h3 className="cal-loop__title">
        <Link to={workspacePath(workspaceId, `/loops/${loop.id}`)}>{loop.name}</Link>
      </h3>
      <p className="meta-line meta-line--flush">
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
        <CoveragePills cells={loop.coverage} />
      </p>
      <p className="cal-loop__actions">
        <Link
          to={workspacePath(workspaceId, `/loops/${loop.id}`)}
          className={buttonClass("quiet", { className: "cal-card-action" })}
        >
          Edit loop
        </Link>
        <Link
          to={workspacePath(workspaceId, `/loops/${loop.id}/results`)}
          className={buttonClass("quiet", { className: "cal-card-action" })}
        >
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
  const [created, setCreated] = useState<{ made: MemberCreated; reissued: boolean } | null>(null);
  const [reissuing, setReissuing] = useState<Member | null>(null);
  const [revoking, setRevoking] = useState<Member | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

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
      setCreated({ made, reissued: false });
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
    <DashboardSection
      id="members-title"
      title="People and links"
      lede="Each interviewer signs in with a personal link. Links are shown once: re-send one that was lost (the old one stops working), or revoke it to shut it off."
    >
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
                  {m.id === view.me.id ? <span className="muted"> (you)</span> : null}
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
                    <span className="cal-members__actions">
                      <ReissueLinkButton name={m.name} onClick={() => setReissuing(m)} />
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
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <div {...cardProps({ className: "cal-members__create" })}>
          {created ? (
            <NewLinkNotice
              key={created.made.token}
              made={created.made}
              reissued={created.reissued}
              doneLabel="Done — add another interviewer"
              onDone={() => {
                setCreated(null);
                requestAnimationFrame(() => nameInput.current?.focus());
              }}
            />
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

      <ReissueLinkDialog
        member={reissuing}
        onIssued={(made) => setCreated({ made, reissued: true })}
        onClose={() => setReissuing(null)}
      />
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
    </DashboardSection>
  );
}
