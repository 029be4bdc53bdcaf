import { type AttemptSummary, COMPETENCY_LABELS, RUBRIC_MAX } from "@loopwright/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { lazy, Suspense, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { queryKeys } from "../../../api/query-keys";
import { EmptyState } from "../../../components/Status";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { type ExportFormat, practiceApi, practiceQueries } from "../api";
import { DevicePanel } from "../components/DevicePanel";
import { PhaseStrip } from "../components/PhaseTimes";
import { PageSkeleton, PracticeError, WithPractitioner } from "../components/PracticeStates";
import { clearAllDrafts, clearDraft } from "../lib/autosave";
import { STATUS_LABELS } from "../lib/status";
import { formatDate, formatDateTime } from "../lib/time";
import { draftStorage } from "../lib/useAutosave";
import { attemptPath } from "../lib/useStartAttempt";
import "../practice.css";
import { buttonClass } from "../../../ui/button";
import { Tooltip } from "../../../ui/Tooltip";

// recharts is large; only the history page needs it.
const ProgressChart = lazy(() => import("../components/ProgressChart"));

export function HistoryPage() {
  useDocumentTitle("Practice history");
  return (
    <div className="container pr-history">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/practice" className="pr-eyebrow__link">
            Solo timed practice
          </Link>
        </p>
        <h1 className="page-title">Your practice history</h1>
        <p className="page-lede">
          Every attempt made with this browser’s practice key: how you spent the time, how you scored
          yourself, and how each competency is moving.
        </p>
      </header>
      <WithPractitioner label="Loading your history">
        {(key) => <History practitionerKey={key} />}
      </WithPractitioner>
    </div>
  );
}

type Pending = { kind: "one"; attempt: AttemptSummary } | { kind: "all" } | null;

function removeAllDrafts() {
  try {
    clearAllDrafts(window.localStorage);
  } catch {
    // Storage unavailable: there are no drafts to clear.
  }
}

function History({ practitionerKey }: { practitionerKey: string }) {
  const queryClient = useQueryClient();
  const state = useQuery(practiceQueries.attempts(practitionerKey));
  const removal = useMutation({
    mutationFn: (target: NonNullable<Pending>) =>
      target.kind === "one"
        ? practiceApi.remove(practitionerKey, target.attempt.id)
        : practiceApi.removeAll(practitionerKey),
    // The list shows what the server now holds, and no attempt page keeps a copy of a deleted one.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.practice.all(practitionerKey) }),
  });
  const deleting = removal.isPending;
  const [confirm, setConfirm] = useState<Pending>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const listHeading = useRef<HTMLHeadingElement>(null);
  const ids = { chart: useId(), list: useId() };

  if (state.status === "error" && !state.data) {
    return (
      <PracticeError
        title="Your history could not be loaded"
        error={state.error}
        onRetry={() => void state.refetch()}
      />
    );
  }
  if (!state.data) return <PageSkeleton label="Loading your history" />;
  const attempts = state.data;

  const runDelete = async () => {
    if (!confirm) return;
    setDeleteError(null);
    try {
      const deleted = await removal.mutateAsync(confirm);
      if (confirm.kind === "one") {
        clearDraft(draftStorage(), confirm.attempt.id);
        setNotice(`Deleted “${confirm.attempt.questionTitle}”.`);
      } else {
        removeAllDrafts();
        setNotice(`Deleted your whole history (${formatCount(deleted, "attempt")}).`);
      }
      setConfirm(null);
      // The button that opened the dialog is gone; continue from the list's heading.
      requestAnimationFrame(() => listHeading.current?.focus());
    } catch (cause) {
      setDeleteError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return (
    <>
      <div className="pr-history__toolbar">
        <ExportButtons practitionerKey={practitionerKey} disabled={attempts.length === 0} />
        <button
          type="button"
          className={buttonClass("danger-quiet")}
          onClick={() => {
            setDeleteError(null);
            setConfirm({ kind: "all" });
          }}
          disabled={attempts.length === 0}
        >
          Delete all history
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {notice}
      </p>

      <section className="pr-history-card" aria-labelledby={ids.chart}>
        <h2 id={ids.chart} className="pr-section-title">
          Progress per competency
        </h2>
        <p className="pr-section-lede">
          The mean of your self-scores for each attempt, one line per competency, from 1 to {RUBRIC_MAX}.
        </p>
        <Suspense fallback={<div className="pr-chart-placeholder" aria-hidden="true" />}>
          <ProgressChart attempts={attempts} />
        </Suspense>
      </section>

      <section className="pr-history__attempts" aria-labelledby={ids.list}>
        <h2 id={ids.list} ref={listHeading} tabIndex={-1} className="pr-section-title">
          Attempts <span className="pr-history__count">{formatCount(attempts.length, "attempt")}</span>
        </h2>
        {attempts.length === 0 ? (
          <EmptyState title="No practice yet">
            <p>
              Your attempts will be listed here, newest first, with the time you spent and how you scored.
            </p>
            <Link to="/practice" className={buttonClass("primary")}>
              Start a practice
            </Link>
          </EmptyState>
        ) : (
          <ul className="pr-attempt-list" data-testid="attempt-list">
            {attempts.map((attempt) => (
              <li key={attempt.id}>
                <AttemptRow
                  attempt={attempt}
                  onDelete={() => {
                    setDeleteError(null);
                    setConfirm({ kind: "one", attempt });
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <DevicePanel practitionerKey={practitionerKey} />

      <ConfirmDialog
        open={confirm !== null}
        tone="danger"
        title={confirm?.kind === "all" ? "Delete your whole practice history?" : "Delete this attempt?"}
        confirmLabel={confirm?.kind === "all" ? "Delete all history" : "Delete attempt"}
        busyLabel="Deleting…"
        busy={deleting}
        error={deleteError ? `Couldn’t delete: ${deleteError}` : null}
        onConfirm={runDelete}
        onCancel={() => setConfirm(null)}
      >
        {confirm?.kind === "one" ? (
          <p>
            <strong>{confirm.attempt.questionTitle}</strong>, started{" "}
            {formatDateTime(confirm.attempt.createdAt)}. Its answer, scores and review are removed from the
            server for good. This cannot be undone.
          </p>
        ) : (
          <p>
            All {formatCount(attempts.length, "attempt")}, with their answers, scores and reviews, are removed
            from the server for good. This cannot be undone. Export them first if you want a copy. Your
            personal link keeps working, with an empty history.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}

function ExportButtons({ practitionerKey, disabled }: { practitionerKey: string; disabled: boolean }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setMessage(null);
    try {
      const { blob, filename } = await practiceApi.exportHistory(practitionerKey, format);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
      setMessage({ kind: "ok", text: `Downloaded ${filename}.` });
    } catch (cause) {
      setMessage({
        kind: "error",
        text: `Couldn’t export: ${cause instanceof Error ? cause.message : String(cause)}`,
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="pr-export">
      <span className="pr-export__label">Export</span>
      <button
        type="button"
        className={buttonClass("quiet")}
        onClick={() => download("json")}
        disabled={disabled || busy !== null}
      >
        {busy === "json" ? "Preparing…" : "Export JSON"}
      </button>
      <button
        type="button"
        className={buttonClass("quiet")}
        onClick={() => download("markdown")}
        disabled={disabled || busy !== null}
      >
        {busy === "markdown" ? "Preparing…" : "Export Markdown"}
      </button>
      <p
        className="pr-export__message"
        role={message?.kind === "error" ? "alert" : "status"}
        data-kind={message?.kind}
      >
        {message?.text ?? ""}
      </p>
    </div>
  );
}

function AttemptRow({ attempt, onDelete }: { attempt: AttemptSummary; onDelete: () => void }) {
  const titleId = useId();
  return (
    <article
      className="pr-attempt-row"
      aria-labelledby={titleId}
      data-testid="attempt-row"
      data-status={attempt.status}
    >
      <div className="pr-attempt-row__main">
        <p className="pr-attempt-row__eyebrow">
          {COMPETENCY_LABELS[attempt.competency]}
          {attempt.loopId && attempt.loopPosition !== null
            ? ` · Mock loop, round ${attempt.loopPosition + 1}`
            : ""}
        </p>
        <h3 id={titleId} className="pr-attempt-row__title">
          <Link to={attemptPath(attempt.id)} className="pr-attempt-row__link">
            {attempt.questionTitle}
          </Link>
        </h3>
        <p className="pr-attempt-row__date">
          <time dateTime={attempt.createdAt}>{formatDateTime(attempt.createdAt)}</time>
          <span className="badge" data-status={attempt.status}>
            {STATUS_LABELS[attempt.status]}
          </span>
        </p>
      </div>
      <div className="pr-attempt-row__time">
        <p className="pr-attempt-row__label">Time per phase</p>
        <PhaseStrip phases={attempt.phaseTimes} />
      </div>
      <div className="pr-attempt-row__score">
        <p className="pr-attempt-row__label">Mean self-score</p>
        {attempt.meanSelfScore !== null ? (
          <p className="pr-attempt-row__mean">
            <span className="pr-attempt-row__mean-value">{attempt.meanSelfScore.toFixed(1)}</span>
            <span className="pr-attempt-row__mean-of"> of {RUBRIC_MAX}</span>
          </p>
        ) : (
          <p className="pr-attempt-row__mean pr-attempt-row__mean--none">Not scored</p>
        )}
        {attempt.selfScores ? (
          <p className="pr-attempt-row__chips">
            <span className="visually-hidden">Per dimension: </span>
            {Object.values(attempt.selfScores).map((score, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: dimension order is fixed per attempt
              <span key={i} className="pr-attempt-row__chip">
                {score}
              </span>
            ))}
          </p>
        ) : null}
      </div>
      <div className="pr-attempt-row__actions">
        <Tooltip content="Delete this attempt">
          <button
            type="button"
            className={buttonClass("icon", { danger: true })}
            onClick={onDelete}
            aria-label={`Delete attempt: ${attempt.questionTitle}, ${formatDate(attempt.createdAt)}`}
          >
            <Trash2 size={16} aria-hidden="true" />
          </button>
        </Tooltip>
      </div>
    </article>
  );
}
