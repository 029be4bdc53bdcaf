import { ANSWER_MAX_CHARS, type RoomView } from "@loopwright/schema";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { ConnectionStatus, RoomClient } from "../lib/room-client";

export const ANSWER_DEBOUNCE_MS = 300;

type Sync = "saved" | "typing" | "saving" | "waiting" | "error";

const wordCount = (text: string) => (text.trim() ? text.trim().split(/\s+/).length : 0);

/**
 * The candidate's answer pad. Edits go to the server ~300 ms after typing
 * stops, each with a higher revision than any before, so a late or repeated
 * message can never overwrite newer text.
 */
export function AnswerPad({
  answer,
  client,
  status,
  locked,
}: {
  answer: RoomView["answer"];
  client: RoomClient;
  status: ConnectionStatus;
  locked: boolean;
}) {
  const id = useId();
  const hintId = useId();
  const [text, setText] = useState(answer.text);
  const [sync, setSync] = useState<Sync>("saved");
  const [error, setError] = useState<string | null>(null);
  const revision = useRef(answer.revision);
  const latestOp = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pendingText = useRef<string | null>(null);

  const push = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const value = pendingText.current;
    if (value === null) return;
    pendingText.current = null;
    revision.current += 1;
    const sent = client.send({ type: "answer", text: value, revision: revision.current });
    latestOp.current = sent.opId;
    setSync("saving");
    void sent.done.then((result) => {
      if (latestOp.current !== sent.opId && result.ok) return; // a newer edit is in flight
      if (result.ok) {
        if (pendingText.current === null && timer.current === undefined) setSync("saved");
        setError(null);
      } else {
        setSync("error");
        setError(result.message);
      }
    });
  }, [client]);

  // Another tab of the same candidate (or a fresh snapshot) moved the answer on: adopt it when idle here.
  useEffect(() => {
    if (answer.revision > revision.current) {
      revision.current = answer.revision;
      if (pendingText.current === null && timer.current === undefined) setText(answer.text);
    }
  }, [answer.revision, answer.text]);

  // Whatever is typed is sent before the pad goes away.
  useEffect(() => () => push(), [push]);

  const onChange = (value: string) => {
    setText(value);
    pendingText.current = value;
    setSync("typing");
    clearTimeout(timer.current);
    timer.current = setTimeout(push, ANSWER_DEBOUNCE_MS);
  };

  const offline = status !== "live";
  const shown: Sync = offline && (sync === "saving" || sync === "typing") ? "waiting" : sync;
  const label = {
    saved: answer.revision > 0 || text ? "Saved" : "Nothing written yet",
    typing: "Typing…",
    saving: "Saving…",
    waiting: "Not saved yet · will send when reconnected",
    error: "Not saved",
  }[shown];

  return (
    <div className="ps-pad">
      <div className="ps-pad__bar">
        <label htmlFor={id} className="ps-pad__label">
          Your answer
        </label>
        <span
          className="ps-pad__sync"
          data-sync={shown}
          data-testid="answer-sync"
          role="status"
          aria-live="polite"
        >
          <span className="ps-pad__sync-dot" aria-hidden="true" />
          {label}
        </span>
      </div>
      <p id={hintId} className="ps-hint">
        {locked
          ? "Feedback has been released, so the answer is final."
          : "The interviewers see this as you type. Think aloud: structure, numbers, trade-offs."}
      </p>
      <textarea
        id={id}
        className="input ps-pad__input"
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onBlur={push}
        readOnly={locked}
        maxLength={ANSWER_MAX_CHARS}
        aria-describedby={hintId}
        spellCheck
        rows={16}
        data-testid="answer-input"
      />
      <p className="ps-pad__count">
        {wordCount(text).toLocaleString("en")} words · {text.length.toLocaleString("en")} /{" "}
        {ANSWER_MAX_CHARS.toLocaleString("en")} characters
      </p>
      {error ? (
        <p className="ps-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The candidate's answer as everyone else sees it: live and read-only. */
export function AnswerLive({ answer, candidateName }: { answer: RoomView["answer"]; candidateName: string }) {
  const [fresh, setFresh] = useState(false);
  const seen = useRef(answer.revision);
  useEffect(() => {
    if (answer.revision === seen.current) return;
    seen.current = answer.revision;
    setFresh(true);
    const timer = setTimeout(() => setFresh(false), 1_500);
    return () => clearTimeout(timer);
  }, [answer.revision]);

  const paragraphs = answer.text.split(/\n/);
  return (
    <div className="ps-live">
      <p className="ps-live__meta">
        <span className="ps-live__indicator" data-fresh={fresh ? "true" : undefined}>
          <span className="ps-live__dot" aria-hidden="true" />
          {fresh ? `${candidateName} is writing…` : "Live"}
        </span>
        <span>{wordCount(answer.text).toLocaleString("en")} words</span>
      </p>
      {answer.text.trim() ? (
        <div className="ps-live__text" data-testid="live-answer">
          {paragraphs.map((line, i) =>
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their position
            line.trim() ? <p key={i}>{line}</p> : <br key={i} />,
          )}
        </div>
      ) : (
        <p className="ps-live__empty" data-testid="live-answer">
          {candidateName} hasn’t written anything yet. Their answer appears here as they type.
        </p>
      )}
    </div>
  );
}
