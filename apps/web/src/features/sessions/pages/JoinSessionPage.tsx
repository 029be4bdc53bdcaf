import { LINK_REPLACED_MESSAGE } from "@loopwright/schema";
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ApiRequestError } from "../../../api/client";
import { ErrorState, Loading } from "../../../components/Status";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { buttonClass } from "../../../ui/button";
import { sessionsApi } from "../api";
import { PageStatus } from "../components/PageStatus";
import { saveCredential, tokenFromHash } from "../lib/credentials";

type JoinState = { status: "joining" } | { status: "error"; title: string; error: Error; retryable: boolean };

function describe(error: unknown): JoinState {
  if (error instanceof ApiRequestError) {
    if (error.status === 401) {
      const replaced = error.message === LINK_REPLACED_MESSAGE;
      const revoked = /revoked/i.test(error.message);
      const expired = /expired/i.test(error.message);
      return {
        status: "error",
        title: replaced
          ? "This link was replaced"
          : revoked
            ? "This link was revoked"
            : expired
              ? "This link has expired"
              : "This link doesn’t work",
        error,
        retryable: false,
      };
    }
    if (error.status === 400) {
      return {
        status: "error",
        title: "This link is incomplete",
        error: new Error(
          "The link’s secret part is damaged or cut short. Copy the whole link again, including everything after #token=.",
        ),
        retryable: false,
      };
    }
    return {
      status: "error",
      title: "Couldn’t join the session",
      error,
      retryable: error.status === 0 || error.status >= 500,
    };
  }
  return {
    status: "error",
    title: "Couldn’t join the session",
    error: error instanceof Error ? error : new Error(String(error)),
    retryable: true,
  };
}

const INCOMPLETE: JoinState = {
  status: "error",
  title: "This link is incomplete",
  error: new Error(
    "A session link ends in #token= followed by a long secret. Copy the whole link from the message you were sent.",
  ),
  retryable: false,
};

/**
 * Where a session link lands. The secret is read from the fragment and removed
 * from the address bar at once, traded for a credential kept on this browser,
 * and the person is taken to the room.
 */
export function JoinSessionPage() {
  const navigate = useNavigate();
  // Read once: the fragment is stripped from the address bar right after.
  const [token, setToken] = useState(() => tokenFromHash(window.location.hash));
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<JoinState>(() => (token ? { status: "joining" } : INCOMPLETE));
  const started = useRef(-1);
  useDocumentTitle(state.status === "joining" ? "Joining the session" : state.title);

  useEffect(() => {
    const strip = () => {
      if (window.location.hash) {
        window.history.replaceState(
          window.history.state,
          "",
          window.location.pathname + window.location.search,
        );
      }
    };
    strip();
    // Another link pasted into this tab changes only the fragment, which does not reload the page.
    const onHashChange = () => {
      const next = tokenFromHash(window.location.hash);
      strip();
      if (!next) return;
      setToken(next);
      setAttempt((n) => n + 1);
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);

  useEffect(() => {
    if (!token || started.current === attempt) return;
    started.current = attempt;
    setState({ status: "joining" });
    // The room comes next: fetch its code while the token is exchanged, not after.
    import("./SessionRoomPage").catch(() => {});
    sessionsApi.exchange(token).then(
      (credential) => {
        saveCredential({
          credential: credential.credential,
          sessionId: credential.sessionId,
          participant: credential.participant,
          expiresAt: credential.expiresAt,
        });
        navigate(`/sessions/${credential.sessionId}`, { replace: true });
      },
      (error: unknown) => setState(describe(error)),
    );
  }, [token, attempt, navigate]);

  if (state.status === "joining") {
    return (
      <PageStatus>
        <Loading label="Joining the session">
          <span className="skeleton skeleton--heading" />
          <span className="skeleton skeleton--short" />
        </Loading>
      </PageStatus>
    );
  }
  return (
    <PageStatus
      testId="join-error"
      footnote="Links are personal and can be revoked by the host. If yours no longer works, ask them for a new one."
    >
      <ErrorState
        headingLevel={1}
        title={state.title}
        error={state.error}
        onRetry={state.retryable ? () => setAttempt((n) => n + 1) : undefined}
      >
        <Link to="/sessions" className={buttonClass("quiet")}>
          Go to peer sessions
        </Link>
      </ErrorState>
    </PageStatus>
  );
}
