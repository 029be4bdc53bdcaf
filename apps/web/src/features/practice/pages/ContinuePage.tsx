import { useQueries } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ErrorState } from "../../../components/Status";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { buttonClass } from "../../../ui/button";
import { isUnknownKey, practiceQueries } from "../api";
import { Card } from "../components/Card";
import { DevicePanel } from "../components/DevicePanel";
import { PageSkeleton } from "../components/PracticeStates";
import { SectionTitle } from "../components/SectionTitle";
import { keyFromFragment, readStoredKey, storeKey } from "../lib/identity";
import "./ContinuePage.css";

type State =
  | { kind: "checking" }
  | { kind: "missing" }
  | { kind: "failed"; error: Error }
  | { kind: "choose"; currentKey: string; currentCount: number; linkedCount: number };

/**
 * Opens a personal link: `/practice/continue#key=<key>`. The key is read from
 * the fragment, the fragment is removed from the address bar and history at
 * once, the key is checked with the server, stored, and the history opens.
 */
export function ContinuePage() {
  useDocumentTitle("Continue your practice");
  // Opening another personal link while already here (only the fragment changes) starts afresh.
  const { key } = useLocation();
  return <ContinueFlow key={key} />;
}

function ContinueFlow() {
  const navigate = useNavigate();
  // Read once, before the fragment is stripped.
  const [linkedKey] = useState(() => keyFromFragment(window.location.hash));
  // A browser that already follows another history is asked before it switches, if that history has attempts.
  const [currentKey] = useState(() => readStoredKey());
  const otherKey = currentKey && currentKey !== linkedKey ? currentKey : null;
  const [linked, mine] = useQueries({
    queries: [
      { ...practiceQueries.attempts(linkedKey ?? ""), enabled: linkedKey !== null },
      // Only a count to weigh the switch by: when it cannot be read, the link wins, as with none.
      { ...practiceQueries.attempts(otherKey ?? ""), enabled: otherKey !== null, retry: false },
    ],
  });
  const mineSettled = otherKey === null || mine.isError || mine.data?.length === 0;
  const state: State = !linkedKey
    ? { kind: "missing" }
    : linked.error
      ? { kind: "failed", error: linked.error }
      : linked.data && otherKey && mine.data?.length
        ? {
            kind: "choose",
            currentKey: otherKey,
            currentCount: mine.data.length,
            linkedCount: linked.data.length,
          }
        : { kind: "checking" };
  const proceed = linkedKey !== null && linked.data !== undefined && mineSettled;

  useLayoutEffect(() => {
    if (window.location.hash) {
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, "", `${pathname}${search}`);
    }
  }, []);

  useEffect(() => {
    if (!proceed || !linkedKey) return;
    storeKey(linkedKey);
    navigate("/practice/history", { replace: true });
  }, [proceed, linkedKey, navigate]);

  return (
    <div className="container">
      <header className="page-header">
        <p className="eyebrow">Solo timed practice</p>
        <h1 className="page-title">Continue your practice</h1>
      </header>

      {state.kind === "checking" ? <PageSkeleton label="Checking your personal link" /> : null}

      {state.kind === "missing" ? (
        <ErrorState
          title="This link has no practice key in it"
          error={
            new Error(
              "A personal link ends in #key= followed by a long code. Copy the whole link from the “Continue on another device” panel and open it again.",
            )
          }
        >
          <Link to="/practice" className={buttonClass("quiet")}>
            Go to practice
          </Link>
        </ErrorState>
      ) : null}

      {state.kind === "failed" ? (
        <ErrorState
          title={
            isUnknownKey(state.error)
              ? "This personal link is not recognised"
              : "The link could not be checked"
          }
          error={state.error}
          onRetry={isUnknownKey(state.error) ? undefined : () => void linked.refetch()}
        >
          <Link to="/practice" className={buttonClass("quiet")}>
            Go to practice
          </Link>
        </ErrorState>
      ) : null}

      {state.kind === "choose" && linkedKey ? (
        <div className="pr-continue-choice">
          <Card aria-labelledby="choose-title">
            <SectionTitle id="choose-title">This browser already has its own history</SectionTitle>
            <p className="lede">
              It holds {formatCount(state.currentCount, "attempt")}; the link you opened holds{" "}
              {formatCount(state.linkedCount, "attempt")}. A browser follows one history at a time. Switching
              does not delete anything: this browser’s current history stays reachable through its own
              personal link below, so copy that first if you want to come back to it.
            </p>
            <div className="pr-continue-choice__actions">
              <button
                type="button"
                className={buttonClass("primary")}
                onClick={() => {
                  storeKey(linkedKey);
                  navigate("/practice/history", { replace: true });
                }}
              >
                Switch to the linked history
              </button>
              <button
                type="button"
                className={buttonClass("quiet")}
                onClick={() => navigate("/practice/history", { replace: true })}
              >
                Keep this browser’s history
              </button>
            </div>
          </Card>
          <DevicePanel practitionerKey={state.currentKey} />
        </div>
      ) : null}
    </div>
  );
}
