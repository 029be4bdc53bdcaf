import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { ApiRequestError } from "../../../api/client";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { buttonClass } from "../../../ui/button";
import { calibrationApi } from "../api";
import { LoadingPage } from "../components/CalPage";
import { NarrowPanel } from "../components/NarrowPanel";
import {
  loadMemberCredential,
  type MemberCredential,
  saveMemberCredential,
  tokenFromHash,
} from "../lib/member-credentials";
import { workspacePath } from "../workspace/context";

type JoinState =
  | { status: "working" }
  | { status: "no-token" }
  | { status: "failed"; title: string; message: string }
  | { status: "switch"; next: MemberCredential; current: MemberCredential };

function failureTitle(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return "This link could not be checked";
  if (error.status === 0) return "The server could not be reached";
  if (/replaced/i.test(error.message)) return "This link has been replaced by a newer one";
  if (/revoked/i.test(error.message)) return "This link has been revoked";
  if (/expired/i.test(error.message)) return "This link has expired";
  return "This link is not valid";
}

/**
 * Where a personal link lands. The secret is read from the fragment, removed
 * from the address bar and history at once, and swapped for a session.
 */
export function JoinPage() {
  const navigate = useNavigate();
  // Read once: the fragment is stripped straight after.
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [state, setState] = useState<JoinState>(() =>
    token ? { status: "working" } : { status: "no-token" },
  );
  const started = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useDocumentTitle(
    state.status === "working"
      ? "Opening your link"
      : state.status === "failed"
        ? state.title
        : state.status === "switch"
          ? "Switch who is signed in"
          : "Open your workspace link",
  );

  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(
        window.history.state,
        "",
        window.location.pathname + window.location.search,
      );
    }
    if (!token || started.current) return;
    started.current = true;
    calibrationApi.exchange(token).then(
      (signIn) => {
        const existing = loadMemberCredential(signIn.workspace.id);
        if (existing.status === "active" && existing.entry.member.id !== signIn.member.id) {
          setState({ status: "switch", next: signIn, current: existing.entry });
          return;
        }
        saveMemberCredential(signIn);
        navigate(workspacePath(signIn.workspace.id), { replace: true });
      },
      (error: unknown) => {
        const message =
          error instanceof ApiRequestError && error.status === 400
            ? "The link is incomplete or mistyped. Copy the whole link, including everything after the #, and open it again."
            : error instanceof Error
              ? error.message
              : String(error);
        setState({ status: "failed", title: failureTitle(error), message });
      },
    );
  }, [token, navigate]);

  useEffect(() => {
    if (state.status !== "working") heading.current?.focus();
  }, [state.status]);

  if (state.status === "working") {
    return <LoadingPage label="Checking your link" />;
  }

  if (state.status === "switch") {
    const { next, current } = state;
    const role = (s: MemberCredential) => (s.member.role === "admin" ? "admin" : "interviewer");
    return (
      <NarrowPanel
        eyebrow={next.workspace.name}
        title="Switch who is signed in?"
        headingRef={heading}
        actions={
          <>
            <button
              type="button"
              className={buttonClass("primary")}
              onClick={() => {
                saveMemberCredential(next);
                navigate(workspacePath(next.workspace.id), { replace: true });
              }}
            >
              Continue as {next.member.name}
            </button>
            <button
              type="button"
              className={buttonClass("quiet")}
              onClick={() => navigate(workspacePath(current.workspace.id), { replace: true })}
            >
              Stay signed in as {current.member.name}
            </button>
          </>
        }
      >
        <p>
          This browser is signed in to “{next.workspace.name}” as <strong>{current.member.name}</strong> (
          {role(current)}). The link you opened belongs to <strong>{next.member.name}</strong> ({role(next)}).
          One browser holds one sign-in per workspace.
        </p>
        {current.member.role === "admin" ? (
          <p>
            If you switch, you will need your saved admin link to manage the workspace again from this
            browser. To test an interviewer’s link, open it in a private window instead.
          </p>
        ) : null}
      </NarrowPanel>
    );
  }

  const title = state.status === "failed" ? state.title : "This page needs your personal link";
  return (
    <NarrowPanel eyebrow="Calibration workspace" title={title} headingRef={heading} alert>
      {state.status === "failed" ? (
        <p>{state.message}</p>
      ) : (
        <p>
          Open the full link the workspace admin sent you. It ends in <code>#token=</code> followed by a long
          code; if that part was cut off while copying, the link cannot sign you in.
        </p>
      )}
      <p>
        Links can be revoked by the workspace admin and expire after a while; the admin can make you a new
        one.
      </p>
    </NarrowPanel>
  );
}
