import { COMPETENCY_LABELS, MINI_LOOP_MAX_QUESTIONS, type QuestionSummary } from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { bankQueries } from "../../../api/bank-queries";
import { ApiRequestError } from "../../../api/client";
import { CopyLink } from "../../../components/CopyLink";
import { ErrorState } from "../../../components/Status";
import { formatCount, formatMinutes } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { type SessionCreated, sessionsApi } from "../api";
import { ROLE_LABELS } from "../components/ConnectionStatus";
import { joinLink, listCredentials, rememberIssuedLink } from "../lib/credentials";
import "../sessions.css";
import { Field } from "../../../ui/Field";
import { FieldGroup } from "../../../ui/FieldGroup";
import { TextField } from "../../../ui/TextField";

const SCALE_MIN = 0.25;
const SCALE_MAX = 3;
const SCALE_STEP = 0.25;

const STEPS = [
  {
    title: "Create the session and send two links",
    body: "Pick a question, or up to four for a mini loop taken one after another, and you get one link for yourself and one for the candidate. Each link is a personal secret that works only for its seat and can be revoked.",
  },
  {
    title: "Each side sees only its own material",
    body: "Your screen has the guide: probes, curveballs and the rubric. The candidate’s shows the prompt, the clock and an answer pad you can read live. What the candidate must not see is never sent to their browser.",
  },
  {
    title: "One clock for everyone",
    body: "The timer runs on the server. You start, pause, extend and move between phases; every screen shows the same time, and a dropped connection picks up where it left off.",
  },
  {
    title: "Score blind, then release",
    body: "Each interviewer scores against the rubric’s anchors without seeing the others until they submit. You release the scores, feedback and shared notes to the candidate in one go.",
  },
  {
    title: "Swap roles",
    body: "One click creates the next session on another question with the seats reversed, and everyone gets their new link.",
  },
];

export function SessionsHomePage() {
  useDocumentTitle("Peer mock interviews");
  const [created, setCreated] = useState<{ result: SessionCreated; title: string; total: number } | null>(
    null,
  );

  return (
    <div className="container ps-home">
      <header className="page-header">
        <p className="eyebrow">
          <span>Peer sessions</span>
          <span className="ps-home__audience">For two or more people in different places</span>
        </p>
        <h1 className="page-title">Peer mock interviews</h1>
        <p className="page-lede">
          Run a director-level interview with a colleague over a shared link: a real prompt, a phased clock
          you both see, live notes, blind scoring against the rubric, and feedback released when you are
          ready. Then swap seats.
        </p>
      </header>

      <div className="ps-home__grid">
        <div className="ps-home__main">
          {created ? (
            <CreatedSession
              created={created.result}
              title={created.title}
              total={created.total}
              onAgain={() => setCreated(null)}
            />
          ) : (
            <CreateSessionForm onCreated={(result, title, total) => setCreated({ result, title, total })} />
          )}
          <YourSessions />
        </div>
        <aside className="ps-home__aside" aria-labelledby="ps-how-title">
          <h2 id="ps-how-title" className="ps-home__aside-title">
            How a session runs
          </h2>
          <ol className="ps-steps">
            {STEPS.map((step, index) => (
              <li key={step.title} className="ps-step">
                <span className="ps-step__number" aria-hidden="true">
                  {index + 1}
                </span>
                <div>
                  <h3 className="ps-step__title">{step.title}</h3>
                  <p className="ps-step__body">{step.body}</p>
                </div>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}

interface FormErrors {
  questionId?: string;
  /** Keyed by the follow-up slot's key. */
  followUps?: Record<number, string>;
  hostName?: string;
  candidateName?: string;
  form?: string;
}

function CreateSessionForm({
  onCreated,
}: {
  onCreated: (result: SessionCreated, title: string, total: number) => void;
}) {
  const [params] = useSearchParams();
  const questions = useQuery(bankQueries.list());
  const [questionId, setQuestionId] = useState<string | null>(() => params.get("question"));
  // Mini loop: further questions, each in its own slot with a stable key.
  const [followUps, setFollowUps] = useState<{ key: number; id: string | null }[]>([]);
  const nextKey = useRef(1);
  const [hostName, setHostName] = useState("");
  const [candidateName, setCandidateName] = useState("");
  const [scale, setScale] = useState(1);
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
      });
      onCreated(result, selected.title, totalQuestions);
    } catch (error) {
      const issues = error instanceof ApiRequestError ? error.issues : [];
      const fromServer: FormErrors = {};
      for (const issue of issues) {
        if (issue.path === "hostName" || issue.path === "candidateName" || issue.path === "questionId")
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
    <section className="ps-create" aria-labelledby="ps-create-title">
      <h2 id="ps-create-title" className="ps-create__title">
        Start a session
      </h2>
      <p className="ps-create__lede">
        You host. You will get your own link and one to send to the candidate.
      </p>

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

          <div className="ps-picker__done" data-testid="mini-loop">
            <span>
              {totalQuestions === 1
                ? "Mini loop: add up to three more questions, asked one after another with the same people in the same seats."
                : `Mini loop of ${totalQuestions} questions, asked one after another with the same people in the same seats. Swapping roles comes after the last one.`}
            </span>
            {totalQuestions < MINI_LOOP_MAX_QUESTIONS ? (
              <button
                type="button"
                className="button button--quiet ps-button--small"
                onClick={() => {
                  const key = nextKey.current++;
                  setFollowUps((all) => [...all, { key, id: null }]);
                }}
              >
                Add another question
              </button>
            ) : null}
          </div>

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
                {minutes !== null ? formatMinutes(minutes) : scale === 1 ? "As written" : `×${scale}`}
                {minutes !== null && totalQuestions > 1 ? (
                  <span className="ps-duration__aside">
                    {` · in all, ${totalQuestions} questions${scale === 1 ? " as written" : ` at ×${scale}`}`}
                    {planned.length < totalQuestions ? " (so far)" : ""}
                  </span>
                ) : minutes !== null ? (
                  <span className="ps-duration__aside">
                    {scale === 1
                      ? " · as written"
                      : ` · ×${scale} of ${selected ? formatMinutes(selected.durationMinutes) : "the bank’s"}`}
                  </span>
                ) : null}
              </output>
            }
            hint="Every phase is scaled by the same factor, from a quarter of the bank’s length to three times it."
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
                    ? `${formatCount(minutes, "minute")}, ${scale} times the bank’s length`
                    : `${scale} times the bank’s length`
                }
              />
            )}
          </Field>

          {errors.form ? (
            <p className="ps-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <div className="ps-create__submit">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? "Creating…" : "Create session"}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function QuestionPicker({
  questions,
  loading,
  value,
  onChange,
  error,
  exclude = [],
  label = "Question",
  testId,
  onRemove,
}: {
  questions: QuestionSummary[];
  loading: boolean;
  value: string | null;
  onChange: (id: string) => void;
  error: string | undefined;
  /** Questions chosen elsewhere in the mini loop: a loop never asks the same question twice. */
  exclude?: string[];
  label?: string;
  testId?: string;
  /** Follow-up questions of a mini loop can be removed. */
  onRemove?: () => void;
}) {
  const searchId = useId();
  const radioName = useId();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const listRef = useRef<HTMLDivElement>(null);
  const selected = questions.find((q) => q.id === value) ?? null;
  const [browsing, setBrowsing] = useState(value === null);

  useEffect(() => {
    if (!loading && value !== null && !questions.some((q) => q.id === value)) setBrowsing(true);
  }, [loading, value, questions]);

  const filtered = useMemo(() => {
    const words = deferred.toLowerCase().split(/\s+/).filter(Boolean);
    const open = questions.filter((q) => !exclude.includes(q.id));
    if (words.length === 0) return open;
    return open.filter((q) => {
      const hay = `${q.title} ${q.summary} ${COMPETENCY_LABELS[q.competency]}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }, [questions, deferred, exclude]);

  if (selected && !browsing) {
    return (
      <div className="ps-picked" data-testid={testId ?? "picked-question"}>
        <p className="field__label">{label}</p>
        <div className="ps-picked__card">
          <div>
            <p className="ps-picked__title">{selected.title}</p>
            <p className="ps-picked__meta">
              {COMPETENCY_LABELS[selected.competency]} · {formatMinutes(selected.durationMinutes)}
            </p>
          </div>
          <div className="ps-notes__actions">
            <button type="button" className="button button--quiet" onClick={() => setBrowsing(true)}>
              Change
            </button>
            {onRemove ? (
              <button
                type="button"
                className="button button--quiet"
                onClick={onRemove}
                aria-label={`Remove ${label.toLowerCase()}`}
              >
                Remove
              </button>
            ) : null}
          </div>
        </div>
      </div>
    );
  }

  return (
    <FieldGroup legend={label} className="ps-picker" testId={testId} error={error}>
      <div className="ps-picker__search">
        <label htmlFor={searchId} className="visually-hidden">
          {testId ? `Search questions for ${label.toLowerCase()}` : "Search questions"}
        </label>
        <input
          id={searchId}
          type="search"
          className="input"
          placeholder="Search by title, topic or competency"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") {
              event.preventDefault();
              listRef.current?.querySelector<HTMLInputElement>("input:checked, input")?.focus();
            }
          }}
        />
        <p className="ps-picker__count" role="status" aria-live="polite">
          {loading
            ? "Loading the bank…"
            : `${filtered.length} of ${formatCount(questions.length, "question")}`}
        </p>
      </div>
      <div className="ps-picker__list" ref={listRef} data-testid="question-options">
        {filtered.map((q) => (
          <label key={q.id} className="ps-option" data-selected={q.id === value ? "true" : undefined}>
            <input
              type="radio"
              name={radioName}
              value={q.id}
              checked={q.id === value}
              onChange={() => onChange(q.id)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  setBrowsing(false);
                }
              }}
            />
            <span className="ps-option__text">
              <span className="ps-option__title">{q.title}</span>
              <span className="ps-option__meta">
                {COMPETENCY_LABELS[q.competency]} · {formatMinutes(q.durationMinutes)}
              </span>
            </span>
          </label>
        ))}
        {!loading && filtered.length === 0 ? (
          <p className="ps-empty">No question matches “{query}”.</p>
        ) : null}
      </div>
      {selected || onRemove ? (
        <div className="ps-picker__done">
          <span>
            {selected ? (
              <>
                Selected: <strong>{selected.title}</strong>
              </>
            ) : (
              "Pick the question to ask next."
            )}
          </span>
          <span className="ps-notes__actions">
            {onRemove ? (
              <button
                type="button"
                className="button button--quiet ps-button--small"
                onClick={onRemove}
                aria-label={`Remove ${label.toLowerCase()}`}
              >
                Remove
              </button>
            ) : null}
            {selected ? (
              <button
                type="button"
                className="button button--quiet ps-button--small"
                onClick={() => setBrowsing(false)}
              >
                Done
              </button>
            ) : null}
          </span>
        </div>
      ) : null}
    </FieldGroup>
  );
}

function CreatedSession({
  created,
  title,
  total,
  onAgain,
}: {
  created: SessionCreated;
  title: string;
  total: number;
  onAgain: () => void;
}) {
  const navigate = useNavigate();
  const origin = window.location.origin;
  const hostLink = joinLink(origin, created.host.token);
  const candidateLink = joinLink(origin, created.candidate.token);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    rememberIssuedLink(created.sessionId, {
      participantId: created.candidate.participant.id,
      name: created.candidate.participant.name,
      role: ROLE_LABELS.candidate,
      link: candidateLink,
    });
  }, [created, candidateLink]);

  return (
    <section
      className="ps-create ps-created"
      aria-labelledby="ps-created-title"
      data-testid="created-session"
    >
      <p className="eyebrow">
        {total > 1 ? `Mini loop created · question 1 of ${total}` : "Session created"}
      </p>
      <h2 id="ps-created-title" className="ps-create__title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p className="ps-create__lede">
        Copy both links now. The server keeps only a hash of each, so they can’t be shown again once you close
        or reload this tab.
      </p>
      <div className="ps-created__links">
        <CopyLink
          look="sessions"
          label={`Candidate’s link for ${created.candidate.participant.name}`}
          value={candidateLink}
          hint="Send this to the candidate only. It shows the prompt once you reveal it, the clock and their answer pad; never the guide or the rubric."
          testId="candidate-link"
        />
        <CopyLink
          look="sessions"
          label={`Your host link (${created.host.participant.name})`}
          value={hostLink}
          hint="Keep this one to yourself: it opens the interviewer’s view with the controls, on any device."
          testId="host-link"
        />
      </div>
      <div className="ps-created__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate({ pathname: "/sessions/join", hash: `#token=${created.host.token}` })}
        >
          Open my room
        </button>
        <button type="button" className="button button--quiet" onClick={onAgain}>
          Create another
        </button>
      </div>
    </section>
  );
}

function YourSessions() {
  const [entries] = useState(() => listCredentials());
  if (entries.length === 0) return null;
  return (
    <section className="ps-yours" aria-labelledby="ps-yours-title">
      <h2 id="ps-yours-title" className="ps-subheading">
        Your sessions on this browser
      </h2>
      <ul className="ps-yours__list">
        {entries.slice(0, 8).map((e) => (
          <li key={e.sessionId} className="ps-yours__item">
            <Link to={`/sessions/${e.sessionId}`} className="ps-yours__link">
              {e.questionTitle ?? "Peer session"}
            </Link>
            <span className="ps-yours__meta">
              {ROLE_LABELS[e.participant.role]} as {e.participant.name}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
