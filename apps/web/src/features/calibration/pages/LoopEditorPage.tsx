import {
  COMPETENCIES,
  COMPETENCY_LABELS,
  type Competency,
  type Loop,
  type LoopBody,
  loopBodySchema,
} from "@loopwright/schema";
import { skipToken, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { ApiRequestError } from "../../../api/client";
import { ErrorState, Loading } from "../../../components/Status";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { Breadcrumb } from "../../../ui/Breadcrumb";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { FieldGroup } from "../../../ui/FieldGroup";
import { TextField } from "../../../ui/TextField";
import { CoverageMatrix } from "../components/CoverageMatrix";
import { previewCoverage } from "../lib/coverage";
import { fieldErrors, sentence } from "../lib/form-errors";
import { useQuestionsByCompetency } from "../lib/useQuestionCatalog";
import { useWorkspace, workspacePath } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";

interface RoundDraft {
  key: number;
  name: string;
  duration: string;
  competencies: Competency[];
  questionIds: string[];
}
interface LoopDraft {
  name: string;
  rounds: RoundDraft[];
}

let nextKey = 1;
const newRound = (partial: Partial<Omit<RoundDraft, "key">> = {}): RoundDraft => ({
  key: nextKey++,
  name: "",
  duration: "45",
  competencies: [],
  questionIds: [],
  ...partial,
});

const TYPICAL_LOOP: Omit<RoundDraft, "key">[] = [
  { name: "Org design", duration: "60", competencies: ["org-design", "managing-managers"], questionIds: [] },
  {
    name: "Strategy and business",
    duration: "60",
    competencies: ["strategic-leadership", "business-budget"],
    questionIds: [],
  },
  {
    name: "Execution with partners",
    duration: "45",
    competencies: ["execution-process", "cross-functional"],
    questionIds: [],
  },
  { name: "Technical judgment", duration: "45", competencies: ["technical-judgment"], questionIds: [] },
  {
    name: "Leading through change",
    duration: "45",
    competencies: ["crisis-change", "managing-managers"],
    questionIds: [],
  },
];

function draftFromLoop(loop: Loop): LoopDraft {
  return {
    name: loop.name,
    rounds: loop.rounds.map((r) =>
      newRound({
        name: r.name,
        duration: String(r.durationMinutes),
        competencies: [...r.competencies],
        questionIds: [...r.questionIds],
      }),
    ),
  };
}

function toBody(draft: LoopDraft) {
  return {
    name: draft.name,
    rounds: draft.rounds.map((r) => ({
      name: r.name,
      durationMinutes: r.duration.trim() === "" ? Number.NaN : Number(r.duration),
      // In the product's order, whatever order they were ticked in.
      competencies: COMPETENCIES.filter((c) => r.competencies.includes(c)),
      questionIds: r.questionIds,
    })),
  };
}

const sameBody = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const savedBody = (loop: Loop): LoopBody => ({ name: loop.name, rounds: loop.rounds });

export function LoopEditorPage() {
  const { loopId } = useParams();
  const { api, keys, isAdmin, view } = useWorkspace();
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
      <div className="container cal-page">
        <ErrorState
          title="Only the workspace admin edits loops"
          error={new Error("Ask the admin to change the loop.")}
        >
          <Link to={workspacePath(view.workspace.id)} className="button button--quiet">
            Back to the workspace
          </Link>
        </ErrorState>
      </div>
    );
  }
  if (existing.status === "error") {
    return (
      <div className="container cal-page">
        <ErrorState
          title="This loop could not be loaded"
          error={existing.error}
          onRetry={() => void existing.refetch()}
        >
          <Link to={workspacePath(view.workspace.id)} className="button button--quiet">
            Back to the workspace
          </Link>
        </ErrorState>
      </div>
    );
  }
  if (loopId && existing.isPending) {
    return (
      <div className="container cal-page">
        <Loading label="Loading the loop">
          <span className="skeleton skeleton--heading" />
          <span className="skeleton" />
        </Loading>
      </div>
    );
  }
  return (
    <LoopEditor
      key={loopId ?? "new"}
      initial={handedOver ?? existing.data ?? null}
      justSaved={Boolean(handedOver)}
    />
  );
}

function LoopEditor({ initial, justSaved }: { initial: Loop | null; justSaved: boolean }) {
  const { api, view } = useWorkspace();
  const guard = useSignInGuard();
  const navigate = useNavigate();
  const [saved, setSaved] = useState<Loop | null>(initial);
  const [draft, setDraft] = useState<LoopDraft>(() =>
    initial ? draftFromLoop(initial) : { name: "", rounds: [newRound()] },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message?: string }>(
    () => (justSaved && initial ? { kind: "saved", message: `Saved “${initial.name}”.` } : { kind: "idle" }),
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const errorSummary = useRef<HTMLDivElement>(null);

  useDocumentTitle(saved ? `Loop: ${saved.name}` : "New loop");

  const body = toBody(draft);
  const dirty = !saved || !sameBody(body, savedBody(saved));
  const coverage = !dirty && saved ? saved.coverage : previewCoverage(body.rounds);
  const catalog = useQuestionsByCompetency(draft.rounds.flatMap((r) => r.competencies));

  const updateRound = (key: number, change: Partial<RoundDraft>) =>
    setDraft((d) => ({ ...d, rounds: d.rounds.map((r) => (r.key === key ? { ...r, ...change } : r)) }));
  const moveRound = (index: number, by: -1 | 1) =>
    setDraft((d) => {
      const rounds = [...d.rounds];
      const [round] = rounds.splice(index, 1);
      if (round) rounds.splice(index + by, 0, round);
      return { ...d, rounds };
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = loopBodySchema.safeParse(body);
    if (!parsed.success) {
      const found = fieldErrors(parsed.error.issues);
      for (const [path, message] of Object.entries(found)) {
        if (/durationMinutes$/.test(path) && /expected number|NaN/i.test(message))
          found[path] = "enter the round's length in minutes";
      }
      setErrors(found);
      setStatus({ kind: "error", message: "Some fields need attention before the loop can be saved." });
      requestAnimationFrame(() => errorSummary.current?.focus());
      return;
    }
    setErrors({});
    setStatus({ kind: "saving" });
    try {
      const result = saved
        ? await guard(api.updateLoop(saved.id, parsed.data))
        : await guard(api.createLoop(parsed.data));
      setSaved(result);
      setStatus({ kind: "saved", message: `Saved “${result.name}”.` });
      if (!saved)
        navigate(workspacePath(view.workspace.id, `/loops/${result.id}`), {
          replace: true,
          state: { savedLoop: result },
        });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof ApiRequestError && error.issues.length)
        setErrors(fieldErrors(error.issues.map((i) => ({ path: i.path.split("."), message: i.message }))));
      setStatus({ kind: "error", message });
      requestAnimationFrame(() => errorSummary.current?.focus());
    }
  };

  const remove = async () => {
    if (!saved) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await guard(api.deleteLoop(saved.id));
      navigate(workspacePath(view.workspace.id), { replace: true });
    } catch (error) {
      setDeleteError(error instanceof Error ? error.message : String(error));
      setDeleteBusy(false);
    }
  };

  const totalMinutes = body.rounds.reduce(
    (s, r) => s + (Number.isFinite(r.durationMinutes) ? r.durationMinutes : 0),
    0,
  );

  return (
    <div className="container cal-page">
      <Breadcrumb trail={[{ to: workspacePath(view.workspace.id), label: view.workspace.name }]} />
      <header className="cal-page-header">
        <p className="eyebrow">Interview loop</p>
        <h1 className="page-title">{saved ? saved.name : "Define a loop"}</h1>
        <p className="page-lede">
          Lay out the rounds a candidate meets and the competencies each assesses. The coverage matrix shows
          gaps and overlaps before anyone interviews.
        </p>
      </header>

      <form className="loop-editor" onSubmit={save} noValidate>
        <div className="loop-editor__main">
          <div className="cal-card">
            <TextField
              label="Loop name"
              error={errors.name}
              value={draft.name}
              maxLength={200}
              placeholder="e.g. Director of Engineering, Platform"
              autoComplete="off"
              onValueChange={(name) => setDraft((d) => ({ ...d, name }))}
            />
            <p className="cal-hint loop-editor__total">
              {formatCount(draft.rounds.length, "round")} · {formatCount(totalMinutes, "minute")}
              in all
              {!saved && draft.rounds.length === 1 && draft.rounds[0]?.competencies.length === 0 ? (
                <>
                  {" · "}
                  <button
                    type="button"
                    className="cal-link-button"
                    onClick={() => setDraft((d) => ({ ...d, rounds: TYPICAL_LOOP.map((r) => newRound(r)) }))}
                  >
                    Start from a typical director loop
                  </button>
                </>
              ) : null}
            </p>
          </div>

          <ol className="loop-rounds">
            {draft.rounds.map((round, index) => (
              <RoundEditor
                key={round.key}
                round={round}
                index={index}
                count={draft.rounds.length}
                errors={errors}
                catalog={catalog}
                onChange={(change) => updateRound(round.key, change)}
                onMove={(by) => moveRound(index, by)}
                onRemove={() =>
                  setDraft((d) => ({ ...d, rounds: d.rounds.filter((r) => r.key !== round.key) }))
                }
              />
            ))}
          </ol>
          {errors.rounds ? <p className="cal-field-error">{sentence(errors.rounds)}</p> : null}
          <p>
            <button
              type="button"
              className="button button--quiet"
              disabled={draft.rounds.length >= 12}
              onClick={() => setDraft((d) => ({ ...d, rounds: [...d.rounds, newRound()] }))}
            >
              Add a round
            </button>
          </p>

          <div className="loop-editor__bar">
            <div
              ref={errorSummary}
              tabIndex={-1}
              className={`loop-editor__status loop-editor__status--${status.kind}`}
              role={status.kind === "error" ? "alert" : "status"}
            >
              {status.kind === "saving"
                ? "Saving…"
                : status.kind === "idle"
                  ? dirty && saved
                    ? "Unsaved changes"
                    : ""
                  : dirty && status.kind === "saved"
                    ? "Unsaved changes"
                    : status.message}
            </div>
            <div className="cal-actions">
              {saved ? (
                <button type="button" className="button button--quiet" onClick={() => setConfirmDelete(true)}>
                  Delete loop
                </button>
              ) : null}
              <button type="submit" className="button button--primary" disabled={status.kind === "saving"}>
                {saved ? "Save changes" : "Save loop"}
              </button>
            </div>
          </div>
        </div>

        <aside className="loop-editor__side">
          <CoverageMatrix cells={coverage} roundNames={draft.rounds.map((r) => r.name)} preview={dirty} />
          {saved ? (
            <p className="loop-editor__results">
              <Link to={workspacePath(view.workspace.id, `/loops/${saved.id}/results`)}>
                Pooled results across this loop’s exercises
              </Link>
            </p>
          ) : null}
        </aside>
      </form>

      <ConfirmDialog
        open={confirmDelete}
        title="Delete this loop?"
        confirmLabel="Delete loop"
        tone="danger"
        busy={deleteBusy}
        error={deleteError}
        onConfirm={remove}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>The loop’s rounds are removed. Exercises linked to it keep their answers and scores.</p>
      </ConfirmDialog>
    </div>
  );
}

function RoundEditor({
  round,
  index,
  count,
  errors,
  catalog,
  onChange,
  onMove,
  onRemove,
}: {
  round: RoundDraft;
  index: number;
  count: number;
  errors: Record<string, string>;
  catalog: ReturnType<typeof useQuestionsByCompetency>;
  onChange: (change: Partial<RoundDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const headingId = useId();
  const compError = errors[`rounds.${index}.competencies`];
  const pickerId = useId();
  const label = round.name.trim() || `Round ${index + 1}`;
  const [pick, setPick] = useState("");

  return (
    <li className="loop-round" aria-labelledby={headingId} data-testid="loop-round">
      <div className="loop-round__head">
        <h2 id={headingId} className="loop-round__title">
          <span className="loop-round__number" aria-hidden="true">
            {index + 1}
          </span>
          {label}
        </h2>
        <div className="loop-round__tools">
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={`Move ${label} up`}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move ${label} down`}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={count === 1}
            onClick={onRemove}
            aria-label={`Remove ${label}`}
          >
            Remove
          </button>
        </div>
      </div>

      <div className="loop-round__fields">
        <TextField
          label="Round name"
          error={errors[`rounds.${index}.name`]}
          className="loop-round__name"
          value={round.name}
          maxLength={200}
          placeholder="e.g. Org design"
          autoComplete="off"
          onValueChange={(name) => onChange({ name })}
        />
        <TextField
          label="Minutes"
          error={errors[`rounds.${index}.durationMinutes`]}
          className="loop-round__minutes"
          type="number"
          inputMode="numeric"
          min={10}
          max={180}
          step={5}
          value={round.duration}
          onValueChange={(duration) => onChange({ duration })}
        />
      </div>

      <FieldGroup legend="Competencies assessed" className="loop-round__comps" error={compError}>
        <div className="chip-set">
          {COMPETENCIES.map((c) => {
            const checked = round.competencies.includes(c);
            return (
              <label key={c} className={`chip${checked ? " chip--on" : ""}`}>
                <input
                  type="checkbox"
                  className="chip__input"
                  checked={checked}
                  onChange={(e) =>
                    onChange({
                      competencies: e.target.checked
                        ? [...round.competencies, c]
                        : round.competencies.filter((x) => x !== c),
                    })
                  }
                />
                <span>{COMPETENCY_LABELS[c]}</span>
              </label>
            );
          })}
        </div>
      </FieldGroup>

      <div className="loop-round__questions">
        {round.competencies.length === 0 ? (
          <p className="field__label">
            Questions from the bank <span className="cal-muted">(optional)</span>
          </p>
        ) : (
          <label htmlFor={pickerId} className="field__label">
            Questions from the bank <span className="cal-muted">(optional)</span>
          </label>
        )}
        {round.questionIds.length > 0 ? (
          <ul className="loop-round__chosen">
            {round.questionIds.map((id) => (
              <li key={id} className="picked">
                <Link to={`/questions/${id}`} target="_blank" rel="noreferrer" className="picked__title">
                  {catalog.title(id) ?? id}
                </Link>
                <button
                  type="button"
                  className="picked__remove"
                  aria-label={`Remove ${catalog.title(id) ?? id}`}
                  onClick={() => onChange({ questionIds: round.questionIds.filter((q) => q !== id) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {round.competencies.length === 0 ? (
          <p className="cal-hint">Tick a competency to pick questions for it.</p>
        ) : (
          <div className="select">
            <select
              id={pickerId}
              value={pick}
              onChange={(e) => {
                const id = e.target.value;
                if (id && !round.questionIds.includes(id))
                  onChange({ questionIds: [...round.questionIds, id] });
                setPick("");
              }}
            >
              <option value="">Add a question…</option>
              {COMPETENCIES.filter((c) => round.competencies.includes(c)).map((c) => {
                const entry = catalog.entries.get(c);
                return (
                  <optgroup key={c} label={COMPETENCY_LABELS[c]}>
                    {entry?.status === "ready" ? (
                      entry.questions
                        .filter((q) => !round.questionIds.includes(q.id))
                        .map((q) => (
                          <option key={q.id} value={q.id}>
                            {q.title}
                          </option>
                        ))
                    ) : (
                      <option disabled value={`loading-${c}`}>
                        {entry?.status === "error" ? "Could not load questions" : "Loading…"}
                      </option>
                    )}
                  </optgroup>
                );
              })}
            </select>
          </div>
        )}
      </div>
    </li>
  );
}
