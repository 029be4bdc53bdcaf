import type { Exercise } from "@loopwright/schema";
import { type FormEvent, useState } from "react";
import { buttonClass } from "../../../../ui/button";
import { TextField } from "../../../../ui/TextField";
import { dueInputError, dueInputToIso, dueLabel, isoToDueInput, readerTimeZone } from "../../lib/due-date";
import { useWorkspace } from "../../workspace/context";
import { useSignInGuard } from "../../workspace/useSignInGuard";
import "./DueDateEditor.css";

/** The exercise's due date on the admin's clock, and a small form to set, move or remove it. */
export function DueDateEditor({
  exercise,
  onChange,
}: {
  exercise: Exercise;
  onChange: (e: Exercise) => void;
}) {
  const { api } = useWorkspace();
  const guard = useSignInGuard();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const late = exercise.progress.filter((p) => p.late).length;

  const save = async (dueAt: string | null) => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await guard(api.setDue(exercise.id, dueAt)));
      setEditing(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem =
      value.trim() === "" ? "Enter a date and time, or remove the due date." : dueInputError(value);
    if (problem) {
      setError(problem);
      return;
    }
    void save(dueInputToIso(value) ?? null);
  };

  if (editing) {
    return (
      <form className="due-editor due-editor--open" onSubmit={submit} noValidate>
        <TextField
          label="Due"
          hint={`On your clock (${readerTimeZone()}).`}
          type="datetime-local"
          error={error}
          value={value}
          onValueChange={setValue}
          autoFocus
        />
        <p className="cal-actions due-editor__actions">
          <button type="submit" className={buttonClass("primary", { size: "small" })} disabled={busy}>
            Save due date
          </button>
          {exercise.dueAt ? (
            <button
              type="button"
              className={buttonClass("quiet", { size: "small" })}
              disabled={busy}
              onClick={() => void save(null)}
            >
              Remove due date
            </button>
          ) : null}
          <button
            type="button"
            className={buttonClass("link")}
            disabled={busy}
            onClick={() => {
              setEditing(false);
              setError(undefined);
            }}
          >
            Cancel
          </button>
        </p>
      </form>
    );
  }

  return (
    <p className="due-editor" data-testid="due-date">
      <span className="due-editor__when">
        {exercise.dueAt ? dueLabel(exercise.dueAt) : "No due date"}
        {exercise.dueAt ? <span className="muted"> (your time)</span> : null}
      </span>
      {late > 0 ? <span className="badge badge--danger">{late} late</span> : null}
      <button
        type="button"
        className={buttonClass("link")}
        onClick={() => {
          setValue(exercise.dueAt ? isoToDueInput(exercise.dueAt) : "");
          setError(undefined);
          setEditing(true);
        }}
      >
        {exercise.dueAt ? "Change due date" : "Set a due date"}
      </button>
    </p>
  );
}
