import { createExerciseBodySchema, EXAMPLE_LEVEL_LABELS } from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { bankQueries } from "../../../api/bank-queries";
import { ErrorState, Loading } from "../../../components/Status";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { Field } from "../../../ui/Field";
import { FieldGroup } from "../../../ui/FieldGroup";
import { TextField } from "../../../ui/TextField";
import { CalPage } from "../components/CalPage";
import { ChipCheckbox, ChipSet } from "../components/Chip";
import { ExamplePicker } from "../components/new-exercise/ExamplePicker";
import { TranscriptForm } from "../components/new-exercise/TranscriptForm";
import { PageHeader } from "../components/PageHeader";
import { AdminOnly } from "../components/WorkspaceStates";
import { dueInputError, dueInputToIso, readerTimeZone } from "../lib/due-date";
import { fieldErrors, sentence } from "../lib/form-errors";
import type { ItemDraft } from "../lib/item-draft";
import { useWorkspace, workspacePath } from "../workspace/context";
import { useSignInGuard } from "../workspace/useSignInGuard";
import "./NewExercisePage.css";
import { cardProps } from "../../../ui/card";

const letter = (i: number) => String.fromCharCode(65 + i);

export function NewExercisePage() {
  const { view, isAdmin, api, keys } = useWorkspace();
  const guard = useSignInGuard();
  useDocumentTitle("New calibration exercise");
  const navigate = useNavigate();
  const questions = useQuery(bankQueries.list());
  const loops = useQuery({ queryKey: keys.loops, queryFn: ({ signal }) => guard(api.listLoops(signal)) });

  const [name, setName] = useState("");
  const [loopId, setLoopId] = useState("");
  const [items, setItems] = useState<ItemDraft[]>([]);
  const active = view.members.filter((m) => !m.revoked);
  const [panel, setPanel] = useState<string[]>(() =>
    active.filter((m) => m.role === "interviewer").map((m) => m.id),
  );
  const [due, setDue] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  if (!isAdmin) {
    return (
      <AdminOnly
        title="Only the workspace admin creates exercises"
        message="Ask the admin to add you to one."
      />
    );
  }

  const loop = loops.data?.find((l) => l.id === loopId);
  const loopQuestionIds = new Set(loop?.rounds.flatMap((r) => r.questionIds) ?? []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name,
      loopId: loopId || null,
      items: items.map((item) =>
        item.kind === "example"
          ? { kind: "example" as const, questionId: item.questionId, exampleId: item.exampleId }
          : { kind: "transcript" as const, questionId: item.questionId, title: item.title, text: item.text },
      ),
      interviewerIds: panel,
      dueAt: dueInputToIso(due) ?? null,
    };
    const parsed = createExerciseBodySchema.safeParse(body);
    const dueError = dueInputError(due);
    if (!parsed.success || dueError) {
      const found = parsed.success ? {} : fieldErrors(parsed.error.issues);
      setErrors(dueError ? { ...found, dueAt: dueError } : found);
      setSubmitError("Some parts need attention before the exercise can start.");
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setErrors({});
    setSubmitError(null);
    setBusy(true);
    try {
      const exercise = await guard(api.createExercise(parsed.data));
      navigate(workspacePath(view.workspace.id, `/exercises/${exercise.id}`));
    } catch (error) {
      setSubmitError(error instanceof Error ? error.message : String(error));
      setBusy(false);
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  };

  return (
    <CalPage crumbs={[{ to: workspacePath(view.workspace.id), label: view.workspace.name }]}>
      <PageHeader eyebrow="Calibration exercise" title="Set up an exercise">
        <p className="page-lede">
          Choose the answers the panel will score and who is on the panel. Each interviewer scores every
          rubric dimension of every answer, blind, from their own link.
        </p>
      </PageHeader>

      <form className="exercise-form" onSubmit={submit} noValidate>
        <section {...cardProps()} aria-labelledby="basics-title">
          <h2 id="basics-title" className="cal-card__title">
            <span className="cal-step-badge" aria-hidden="true">
              1
            </span>{" "}
            The exercise
          </h2>
          <div className="exercise-form__row">
            <TextField
              label="Exercise name"
              error={errors.name}
              value={name}
              maxLength={200}
              placeholder="e.g. Org design bar, March"
              autoComplete="off"
              onValueChange={setName}
            />
            <Field
              label={
                <>
                  Loop <span className="muted">(optional)</span>
                </>
              }
            >
              {(control) => (
                <div className="select">
                  <select {...control} value={loopId} onChange={(e) => setLoopId(e.target.value)}>
                    <option value="">No loop</option>
                    {(loops.data ?? []).map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </Field>
          </div>
        </section>

        <section {...cardProps()} aria-labelledby="answers-title">
          <h2 id="answers-title" className="cal-card__title">
            <span className="cal-step-badge" aria-hidden="true">
              2
            </span>{" "}
            Answers to score
          </h2>
          <p className="cal-card__lede">
            Take example answers from the bank, paste transcripts of your own, or both. Interviewers see them
            as Answer A, B, C… and never see an example’s level.
          </p>
          {questions.status === "error" ? (
            <ErrorState
              title="The question bank could not be loaded"
              error={questions.error}
              onRetry={() => void questions.refetch()}
            />
          ) : !questions.data ? (
            <Loading label="Loading the question bank">
              <span className="skeleton" />
            </Loading>
          ) : (
            <div className="answer-sources">
              <ExamplePicker
                questions={questions.data.questions}
                loopQuestionIds={loopQuestionIds}
                items={items}
                onToggle={(item, on) =>
                  setItems((prev) => (on ? [...prev, item] : prev.filter((x) => x.key !== item.key)))
                }
              />
              <TranscriptForm
                questions={questions.data.questions}
                loopQuestionIds={loopQuestionIds}
                onAdd={(item) => setItems((prev) => [...prev, item])}
              />
            </div>
          )}

          <h3 className="subheading exercise-form__chosen-title">
            Chosen answers <span className="muted">({items.length} of at most 30)</span>
          </h3>
          {items.length === 0 ? (
            <p className="empty-note">No answers yet. Tick example answers or add a transcript above.</p>
          ) : (
            <ol className="chosen-answers" data-testid="chosen-answers">
              {items.map((item, i) => (
                <li key={item.key} className="chosen-answer">
                  <span className="chosen-answer__letter" aria-hidden="true">
                    {letter(i)}
                  </span>
                  <div className="chosen-answer__body">
                    <p className="chosen-answer__title">
                      <span className="visually-hidden">Answer {letter(i)}: </span>
                      {item.kind === "example" ? "Example answer" : `Transcript: ${item.title}`}
                      {item.kind === "example" ? (
                        <span className="badge badge--accent">{EXAMPLE_LEVEL_LABELS[item.level]}</span>
                      ) : null}
                    </p>
                    <p className="chosen-answer__question">{item.questionTitle}</p>
                  </div>
                  <button
                    type="button"
                    className={buttonClass("quiet", { size: "small" })}
                    onClick={() => setItems((prev) => prev.filter((x) => x.key !== item.key))}
                  >
                    Remove<span className="visually-hidden"> answer {letter(i)}</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
          {errors.items ? <p className="cal-field-error">{sentence(errors.items)}</p> : null}
          {items.some((i) => i.kind === "example") ? (
            <p className="hint">Levels are shown here for you only; the panel sees plain letters.</p>
          ) : null}
        </section>

        <section {...cardProps()} aria-labelledby="panel-title">
          <h2 id="panel-title" className="cal-card__title">
            <span className="cal-step-badge" aria-hidden="true">
              3
            </span>{" "}
            The panel
          </h2>
          <FieldGroup
            legend="Tick at least two people. Agreement needs a panel; you can include yourself."
            legendClassName="cal-card__lede"
            className="panel-picker"
            error={errors.interviewerIds}
          >
            {active.length < 2 ? (
              <p className="empty-note">
                You need at least two people.{" "}
                <Link to={workspacePath(view.workspace.id)}>Create interviewer links</Link> first.
              </p>
            ) : (
              <ChipSet>
                {active.map((m) => (
                  <ChipCheckbox
                    key={m.id}
                    checked={panel.includes(m.id)}
                    onChange={(on) =>
                      setPanel((prev) => (on ? [...prev, m.id] : prev.filter((x) => x !== m.id)))
                    }
                  >
                    {m.name}
                    {m.id === view.me.id ? " (you)" : ""}
                  </ChipCheckbox>
                ))}
              </ChipSet>
            )}
          </FieldGroup>
          <TextField
            label="Due (optional)"
            hint={`On your clock (${readerTimeZone()}). Anyone who has not submitted by then is shown as late, and you can re-send their link.`}
            type="datetime-local"
            className="exercise-form__due"
            error={errors.dueAt}
            value={due}
            onValueChange={setDue}
          />
        </section>

        <div className="exercise-form__submit">
          {submitError ? (
            <div ref={errorRef} tabIndex={-1} className="exercise-form__error">
              <Alert tone="error">{submitError}</Alert>
            </div>
          ) : null}
          <button type="submit" className={buttonClass("primary")} disabled={busy} aria-busy={busy}>
            {busy ? "Creating…" : "Create exercise"}
          </button>
        </div>
      </form>
    </CalPage>
  );
}
