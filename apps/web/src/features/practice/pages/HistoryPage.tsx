import { type AttemptSummary, type PeerFeedbackEntry, RUBRIC_MAX } from "@loopwright/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { queryKeys } from "../../../api/query-keys";
import { EmptyState } from "../../../components/Status";
import { formatDate, formatDateTime } from "../../../lib/datetime";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { buttonClass } from "../../../ui/button";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { practiceApi, practiceQueries } from "../api";
import { Card } from "../components/Card";
import { DevicePanel } from "../components/DevicePanel";
import { AttemptRow } from "../components/history/AttemptRow";
import { ExportButtons } from "../components/history/ExportButtons";
import { PeerSessionList } from "../components/history/PeerSessionList";
import { PageSkeleton, PracticeError, WithPractitioner } from "../components/PracticeStates";
import { SectionTitle } from "../components/SectionTitle";
import { clearAllDrafts, clearDraft } from "../lib/autosave";
import { draftStorage } from "../lib/useAutosave";
import { peerFeedbackApi, peerFeedbackQueries } from "../peer-feedback-api";
import "./HistoryPage.css";

// recharts is large; only the history page needs it.
const ProgressChart = lazy(() => import("../components/ProgressChart"));

export function HistoryPage() {
  useDocumentTitle("Practice history");
  return (
    <div className="container">
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

type Pending =
  | { kind: "one"; attempt: AttemptSummary }
  | { kind: "peer"; entry: PeerFeedbackEntry }
  | { kind: "all" }
  | null;

const CONFIRM_TEXT = {
  one: { title: "Delete this attempt?", label: "Delete attempt" },
  peer: { title: "Delete this saved peer session?", label: "Delete saved session" },
  all: { title: "Delete your whole practice history?", label: "Delete all history" },
} as const;

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
  // Saved peer sessions are exported with the attempts, so a history of only those can be exported too.
  const peerSessions = useQuery(peerFeedbackQueries.list(practitionerKey)).data?.length ?? 0;
  const removal = useMutation({
    mutationFn: (target: NonNullable<Pending>) =>
      target.kind === "one"
        ? practiceApi.remove(practitionerKey, target.attempt.id)
        : target.kind === "peer"
          ? peerFeedbackApi.remove(practitionerKey, target.entry.id)
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
  const historySize = [
    formatCount(attempts.length, "attempt"),
    ...(peerSessions > 0 ? [formatCount(peerSessions, "saved peer session")] : []),
  ].join(" and ");

  const runDelete = async () => {
    if (!confirm) return;
    setDeleteError(null);
    try {
      await removal.mutateAsync(confirm);
      if (confirm.kind === "one") {
        clearDraft(draftStorage(), confirm.attempt.id);
        setNotice(`Deleted “${confirm.attempt.questionTitle}”.`);
      } else if (confirm.kind === "peer") {
        setNotice(`Deleted the saved peer session “${confirm.entry.questionTitle}”.`);
      } else {
        removeAllDrafts();
        setNotice(`Deleted your whole history (${historySize}).`);
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
        <ExportButtons practitionerKey={practitionerKey} disabled={attempts.length + peerSessions === 0} />
        <button
          type="button"
          className={buttonClass("danger-quiet")}
          onClick={() => {
            setDeleteError(null);
            setConfirm({ kind: "all" });
          }}
          disabled={attempts.length + peerSessions === 0}
        >
          Delete all history
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {notice}
      </p>

      <Card aria-labelledby={ids.chart}>
        <SectionTitle id={ids.chart}>Progress per competency</SectionTitle>
        <p className="lede">
          The mean of your self-scores for each attempt, one line per competency, from 1 to {RUBRIC_MAX}.
        </p>
        <Suspense fallback={<div className="pr-chart-placeholder" aria-hidden="true" />}>
          <ProgressChart attempts={attempts} />
        </Suspense>
      </Card>

      <section className="pr-history__attempts" aria-labelledby={ids.list}>
        <SectionTitle id={ids.list} ref={listHeading}>
          Attempts <span className="muted pr-history__count">{formatCount(attempts.length, "attempt")}</span>
        </SectionTitle>
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

      <PeerSessionList
        practitionerKey={practitionerKey}
        onDelete={(entry) => {
          setDeleteError(null);
          setConfirm({ kind: "peer", entry });
        }}
      />
      <DevicePanel practitionerKey={practitionerKey} />

      <ConfirmDialog
        open={confirm !== null}
        tone="danger"
        title={CONFIRM_TEXT[confirm?.kind ?? "one"].title}
        confirmLabel={CONFIRM_TEXT[confirm?.kind ?? "one"].label}
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
        ) : confirm?.kind === "peer" ? (
          <p>
            <strong>{confirm.entry.questionTitle}</strong>, the peer session of{" "}
            {formatDate(confirm.entry.sessionDate)}. Its answer and released feedback are removed from your
            history for good; the session itself, and what the other people in it kept, are not touched.
          </p>
        ) : (
          <p>
            All {historySize}, with their answers, scores, reviews and feedback, are removed from the server
            for good. This cannot be undone. Export them first if you want a copy. Your personal link keeps
            working, with an empty history.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
