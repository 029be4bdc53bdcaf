import { MINI_LOOP_MAX_QUESTIONS, type QuestionSummary } from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { bankQueries } from "../../../../api/bank-queries";
import { ApiRequestError } from "../../../../api/client";
import { ErrorState } from "../../../../components/Status";
import { instantFromZonedWallTime, readerTimeZone } from "../../../../lib/datetime";
import { formatCount, formatMinutes } from "../../../../lib/format";
import { Alert } from "../../../../ui/Alert";
import { buttonClass } from "../../../../ui/button";
import { Field } from "../../../../ui/Field";
import { TextField } from "../../../../ui/TextField";
import { sessionsApi } from "../../api";
import { lengthLabel } from "../../lib/length-label";
import type { CreatedPlan } from "./CreatedSession";
import { HomePanel } from "./HomePanel";
import { PickerBar, QuestionPicker } from "./QuestionPicker";
import { ScheduleField, type ScheduleValue } from "./ScheduleField";
import "./CreateSessionForm.css";

const SCALE_MIN = 0.25;
const SCALE_MAX = 3;
const SCALE_STEP = 0.25;

interface FormErrors {
  questionId?: string;
  /** Keyed by the follow-up slot's key. */
  followUps?: Record<number, string>;
  hostName?: string;
  candidateName?: string;
  scheduledStart?: string;
  form?: string;
}

/** How far in the past a planned start may be before the form refuses it (the server allows a little more). */
const SCHEDULE_GRACE_MS = 5 * 60_000;

export function CreateSessionForm({ onCreated }: { onCreated: (plan: CreatedPlan) => void }) {
  const [params] = useSearchParams();
  const questions = useQuery(bankQueries.list());
  const [questionId, setQuestionId] = useState<string | null>(() => params.get("question"));
  // Mini loop: further questions, each in its own slot with a stable key.
  const [followUps, setFollowUps] = useState<{ key: number; id: string | null }[]>([]);
  const nextKey = useRef(1);
  const [hostName, setHostName] = useState("");
  const [candidateName, setCandidateName] = useState("");
  const [scale, setScale] = useState(1);
  const [schedule, setSchedule] = useState<ScheduleValue>({ date: "", time: "" });
  const scheduledStart =
    schedule.date && schedule.time
      ? instantFromZonedWallTime(schedule.date, schedule.time, readerTimeZone())
      : null;
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const scaleId = useId();

  const formRef = useRef<HTMLFormElement>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  // After a refused submit, take keyboard and screen-reader users to the first field to fix.
  useEffect(() => {
    if (failedSubmits === 0) return;
    formRef.current
      ?.querySelector<HTMLElement>("[aria-invalid='true'] input, input[aria-invalid='true']")
      ?.focus();
  }, [failedSubmits]);

  const list = questions.data?.questions ?? [];
  const selected = list.find((q) => q.id === questionId) ?? null;
  const scaled = (q: QuestionSummary) => Math.max(1, Math.round(q.durationMinutes * scale));
  const followUpQuestions = followUps.map((f) => list.find((q) => q.id === f.id) ?? null);
  const planned = [selected, ...followUpQuestions].filter((q): q is QuestionSummary => q !== null);
  const minutes = selected ? planned.reduce((sum, q) => sum + scaled(q), 0) : null;
  const totalQuestions = 1 + followUps.length;
  const chosenIds = [questionId, ...followUps.map((f) => f.id)].filter((id): id is string => id !== null);
  const othersThan = (own: string | null) => chosenIds.filter((id) => id !== own);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: FormErrors = {};
    if (!selected) next.questionId = "Choose the question to ask.";
    const missing: Record<number, string> = {};
    followUps.forEach((f, index) => {
      if (!followUpQuestions[index]) missing[f.key] = `Choose question ${index + 2}, or remove it.`;
    });
    if (Object.keys(missing).length > 0) next.followUps = missing;
    if (!hostName.trim()) next.hostName = "Enter your name; the candidate sees it.";
    if (!candidateName.trim()) next.candidateName = "Enter the candidate’s name.";
    if (schedule.date || schedule.time) {
      if (!schedule.date) next.scheduledStart = "Choose the date too, or clear the time.";
      else if (!schedule.time) next.scheduledStart = "Choose the start time too, or clear the date.";
      else if (!scheduledStart) next.scheduledStart = "That is not a date and time the calendar has.";
      else if (Date.parse(scheduledStart) < Date.now() - SCHEDULE_GRACE_MS)
        next.scheduledStart = "That time has already passed. Choose a later one, or clear it.";
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !selected) {
      setFailedSubmits((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const result = await sessionsApi.create({
        questionId: selected.id,
        followUpQuestionIds: followUpQuestions.flatMap((q) => (q ? [q.id] : [])),
        durationScale: scale,
        hostName: hostName.trim(),
        candidateName: candidateName.trim(),
        scheduledStart,
      });
      onCreated({
        result,
        title: selected.title,
        total: totalQuestions,
        minutes: minutes ?? scaled(selected),
        scheduledStart,
      });
    } catch (error) {
      const issues = error instanceof ApiRequestError ? error.issues : [];
      const fromServer: FormErrors = {};
      for (const issue of issues) {
        if (
          issue.path === "hostName" ||
          issue.path === "candidateName" ||
          issue.path === "questionId" ||
          issue.path === "scheduledStart"
        )
          fromServer[issue.path] = issue.message;
        else if (issue.path.startsWith("followUpQuestionIds")) fromServer.form = issue.message;
      }
      if (Object.keys(fromServer).length === 0)
        fromServer.form = error instanceof Error ? error.message : String(error);
      setErrors(fromServer);
    } finally {
      setBusy(false);
    }
  };

  return (
    <HomePanel
      titleId="ps-create-title"
      title="Start a session"
      lede="You host. You will get your own link and one to send to the candidate."
    >
      {questions.status === "error" ? (
        <ErrorState
          title="The question bank could not be loaded"
          error={questions.error}
          onRetry={() => void questions.refetch()}
        />
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate className="ps-create__form">
          <QuestionPicker
            questions={list}
            loading={questions.isPending}
            value={questionId}
            exclude={othersThan(questionId)}
            onChange={(id) => {
              setQuestionId(id);
              setErrors((e) => ({ ...e, questionId: undefined }));
            }}
            error={errors.questionId}
          />

          {followUps.map((slot, index) => (
            <QuestionPicker
              key={slot.key}
              label={`Question ${index + 2}`}
              testId={`follow-up-${index + 2}`}
              questions={list}
              loading={questions.isPending}
              value={slot.id}
              exclude={othersThan(slot.id)}
              onChange={(id) => {
                setFollowUps((all) => all.map((f) => (f.key === slot.key ? { ...f, id } : f)));
                setErrors((e) => ({
                  ...e,
                  followUps: Object.fromEntries(
                    Object.entries(e.followUps ?? {}).filter(([key]) => Number(key) !== slot.key),
                  ),
                }));
              }}
              onRemove={() => {
                setFollowUps((all) => all.filter((f) => f.key !== slot.key));
                setErrors((e) => ({ ...e, followUps: undefined }));
              }}
              error={errors.followUps?.[slot.key]}
            />
          ))}

          <PickerBar testId="mini-loop">
            <span>
              {totalQuestions === 1
                ? "Mini loop: add up to three more questions, asked one after another with the same people in the same seats."
                : `Mini loop of ${totalQuestions} questions, asked one after another with the same people in the same seats. Swapping roles comes after the last one.`}
            </span>
            {totalQuestions < MINI_LOOP_MAX_QUESTIONS ? (
              <button
                type="button"
                className={buttonClass("quiet", { size: "small" })}
                onClick={() => {
                  const key = nextKey.current++;
                  setFollowUps((all) => [...all, { key, id: null }]);
                }}
              >
                Add another question
              </button>
            ) : null}
          </PickerBar>

          <div className="ps-create__names">
            <TextField
              label="Your name"
              error={errors.hostName}
              value={hostName}
              maxLength={80}
              autoComplete="name"
              onValueChange={setHostName}
            />
            <TextField
              label="The candidate’s name"
              error={errors.candidateName}
              value={candidateName}
              maxLength={80}
              autoComplete="off"
              onValueChange={setCandidateName}
            />
          </div>

          <Field
            id={scaleId}
            className="ps-duration"
            label="Length"
            aside={
              <output htmlFor={scaleId} className="ps-duration__value" data-testid="duration-minutes">
                {lengthLabel(scale)}
                {minutes !== null ? (
                  <span className="ps-duration__aside">
                    {` · ${formatMinutes(minutes)}`}
                    {totalQuestions > 1 ? ` in all for ${totalQuestions} questions` : ""}
                    {planned.length < totalQuestions ? " (so far)" : ""}
                    {scale !== 1 && selected && totalQuestions === 1
                      ? ` instead of ${formatMinutes(selected.durationMinutes)}`
                      : ""}
                  </span>
                ) : (
                  <span className="ps-duration__aside">
                    {scale === 1 ? " · the question’s own timings" : ` · ×${scale}`}
                  </span>
                )}
              </output>
            }
            hint="“As written” keeps the question’s own timings. Other lengths scale every phase by the same factor, from a quarter of it to three times it."
            hintAfter
          >
            {(control) => (
              <input
                {...control}
                type="range"
                className="ps-range"
                min={SCALE_MIN}
                max={SCALE_MAX}
                step={SCALE_STEP}
                value={scale}
                onChange={(event) => setScale(Number(event.target.value))}
                aria-valuetext={
                  minutes !== null
                    ? `${lengthLabel(scale)}, ${formatCount(minutes, "minute")}`
                    : lengthLabel(scale)
                }
              />
            )}
          </Field>

          <ScheduleField
            value={schedule}
            instant={scheduledStart}
            error={errors.scheduledStart}
            onChange={(value) => {
              setSchedule(value);
              setErrors((e) => ({ ...e, scheduledStart: undefined }));
            }}
          />

          {errors.form ? <Alert>{errors.form}</Alert> : null}
          <div className="ps-create__submit">
            <button type="submit" className={buttonClass("primary")} disabled={busy}>
              {busy ? "Creating…" : "Create session"}
            </button>
          </div>
        </form>
      )}
    </HomePanel>
  );
}
