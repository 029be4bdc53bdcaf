import { ANSWER_MAX_CHARS, type RoomView } from "@loopwright/schema";
import { useEffect, useRef, useState } from "react";
import { MarkdownText } from "../../../components/MarkdownText";
import { AutosaveQueue, refusal, useAutosave } from "../../../lib/autosave";
import { countWords, formatCount, formatNumber } from "../../../lib/format";
import { Field } from "../../../ui/Field";
import { SaveStatus } from "../../../ui/SaveStatus";
import type { ConnectionStatus, RoomClient } from "../lib/room-client";
import { Empty } from "./Empty";
import { LiveDot } from "./LiveDot";
import "./AnswerPad.css";

export const ANSWER_DEBOUNCE_MS = 300;

/**
 * The candidate's answer pad, saved by the shared autosave. Edits go to the
 * room ~300 ms after typing stops, each with a higher revision than any before,
 * so a late or repeated message can never overwrite newer text. While the
 * connection is down the room client holds the edit and sends it on reconnect.
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
  const { queue, snapshot } = useAutosave(
    () =>
      new AutosaveQueue<string>({
        server: { value: answer.text, revision: answer.revision },
        debounceMs: ANSWER_DEBOUNCE_MS,
        send: async ({ value, revision }) => {
          const result = await client.send({ type: "answer", text: value, revision }).done;
          if (!result.ok) throw refusal(result.message);
          return { applied: true, revision, savedAt: null };
        },
      }),
  );

  // Another tab of the same candidate (or a fresh snapshot) moved the answer on.
  useEffect(() => {
    queue.adopt({ value: answer.text, revision: answer.revision });
  }, [queue, answer.revision, answer.text]);

  const text = snapshot.value;
  // The room client keeps unsent edits while the connection is down; say so rather than "Saving…".
  const shown =
    status !== "live" && snapshot.unsynced && snapshot.status.kind === "saving"
      ? ({ kind: "offline" } as const)
      : snapshot.status;

  return (
    <Field
      className="ps-pad"
      label={<span className="ps-pad__label">Your answer</span>}
      aside={<SaveStatus status={shown} written={snapshot.revision > 0} testId="answer-sync" />}
      hint={
        locked
          ? "Feedback has been released, so the answer is final."
          : "The interviewers see this as you type. Think aloud: structure, numbers, trade-offs."
      }
      after={
        <p className="ps-pad__count">
          {formatCount(countWords(text), "word")} · {formatNumber(text.length)} /{" "}
          {formatNumber(ANSWER_MAX_CHARS)} characters
        </p>
      }
    >
      {(control) => (
        <textarea
          {...control}
          className="input ps-pad__input"
          value={text}
          onChange={(event) => queue.edit(event.target.value)}
          onBlur={() => queue.flush()}
          readOnly={locked}
          maxLength={ANSWER_MAX_CHARS}
          spellCheck
          rows={16}
          data-testid="answer-input"
        />
      )}
    </Field>
  );
}

/** The candidate's answer as everyone else sees it: live and read-only, and final once feedback is released. */
export function AnswerLive({
  answer,
  candidateName,
  final = false,
}: {
  answer: RoomView["answer"];
  candidateName: string;
  final?: boolean;
}) {
  const [fresh, setFresh] = useState(false);
  const seen = useRef(answer.revision);
  useEffect(() => {
    if (answer.revision === seen.current) return;
    seen.current = answer.revision;
    setFresh(true);
    const timer = setTimeout(() => setFresh(false), 1_500);
    return () => clearTimeout(timer);
  }, [answer.revision]);

  return (
    <div className="ps-live">
      <p className="ps-live__meta">
        {final ? (
          <span className="ps-live__indicator" data-testid="answer-final">
            Final answer
          </span>
        ) : (
          <span
            className="ps-live__indicator"
            data-fresh={fresh ? "true" : undefined}
            data-testid="live-badge"
          >
            <LiveDot className="ps-live__dot" blink={fresh ? "fast" : undefined} />
            {fresh ? `${candidateName} is writing…` : "Live"}
          </span>
        )}
        <span>{formatCount(countWords(answer.text), "word")}</span>
      </p>
      {answer.text.trim() ? (
        // Formatted as the pad promises ("Markdown is fine"), live and in the final answer alike.
        <MarkdownText text={answer.text} headingLevel={3} className="ps-live__text" testId="live-answer" />
      ) : (
        <Empty className="ps-live__empty" testId="live-answer">
          {candidateName} hasn’t written anything yet. Their answer appears here as they type.
        </Empty>
      )}
    </div>
  );
}
