import { type Loop, loopBodySchema } from "@loopwright/schema";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ApiRequestError } from "../../../../api/client";
import { formatCount } from "../../../../lib/format";
import { useDocumentTitle } from "../../../../lib/useDocumentTitle";
import { buttonClass } from "../../../../ui/button";
import { ConfirmDialog } from "../../../../ui/ConfirmDialog";
import { TextField } from "../../../../ui/TextField";
import { previewCoverage } from "../../lib/coverage";
import { fieldErrors, sentence } from "../../lib/form-errors";
import {
  draftFromLoop,
  type LoopDraft,
  newRound,
  type RoundDraft,
  sameBody,
  savedBody,
  TYPICAL_LOOP,
  toBody,
} from "../../lib/loop-draft";
import { useQuestionsByCompetency } from "../../lib/useQuestionCatalog";
import { useWorkspace, workspacePath } from "../../workspace/context";
import { useSignInGuard } from "../../workspace/useSignInGuard";
import { CalPage } from "../CalPage";
import { CoverageMatrix } from "../CoverageMatrix";
import { PageHeader } from "../PageHeader";
import { RoundEditor } from "./RoundEditor";
import "./LoopEditor.css";
import { cardProps } from "../../../../ui/card";

const FIELDS_NEED_ATTENTION = "Some fields need attention before the loop can be saved.";

export function LoopEditor({ initial, justSaved }: { initial: Loop | null; justSaved: boolean }) {
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

  // Once a save has named what needs fixing, each message goes as soon as its field is fixed,
  // whether typed or filled in ("Start from a typical director loop"): no stale error stays up.
  const bodyKey = JSON.stringify(body);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-checked when the draft's content changes
  useEffect(() => {
    setErrors((shown) => {
      if (Object.keys(shown).length === 0) return shown;
      const parsed = loopBodySchema.safeParse(JSON.parse(bodyKey));
      if (parsed.success) {
        setStatus((s) => (s.kind === "error" && s.message === FIELDS_NEED_ATTENTION ? { kind: "idle" } : s));
        return {};
      }
      const still = fieldErrors(parsed.error.issues);
      const kept = Object.fromEntries(Object.entries(shown).filter(([path]) => path in still));
      return Object.keys(kept).length === Object.keys(shown).length ? shown : kept;
    });
  }, [bodyKey]);

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
      setStatus({ kind: "error", message: FIELDS_NEED_ATTENTION });
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
    <CalPage crumbs={[{ to: workspacePath(view.workspace.id), label: view.workspace.name }]}>
      <PageHeader eyebrow="Interview loop" title={saved ? saved.name : "Define a loop"}>
        <p className="page-lede">
          Lay out the rounds a candidate meets and the competencies each assesses. The coverage matrix shows
          gaps and overlaps before anyone interviews.
        </p>
      </PageHeader>

      <form className="loop-editor" onSubmit={save} noValidate>
        <div className="loop-editor__main">
          <div {...cardProps()}>
            <TextField
              label="Loop name"
              error={errors.name}
              value={draft.name}
              maxLength={200}
              placeholder="e.g. Director of Engineering, Platform"
              autoComplete="off"
              onValueChange={(name) => setDraft((d) => ({ ...d, name }))}
            />
            <p className="hint loop-editor__total">
              {formatCount(draft.rounds.length, "round")} · {formatCount(totalMinutes, "minute")} in all
              {!saved && draft.rounds.length === 1 && draft.rounds[0]?.competencies.length === 0 ? (
                <>
                  {" · "}
                  <button
                    type="button"
                    className={buttonClass("link")}
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
              className={buttonClass("quiet")}
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
                <button type="button" className={buttonClass("quiet")} onClick={() => setConfirmDelete(true)}>
                  Delete loop
                </button>
              ) : null}
              <button type="submit" className={buttonClass("primary")} disabled={status.kind === "saving"}>
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
    </CalPage>
  );
}
