import { clockView } from "@loopwright/clock";
import { NOTE_MAX_CHARS, type Note } from "@loopwright/schema";
import { type FormEvent, type KeyboardEvent, useId, useState } from "react";
import { formatClock } from "../../../lib/clock-format";
import { useNow } from "../../../lib/useNow";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { Field } from "../../../ui/Field";
import { SaveStatus } from "../../../ui/SaveStatus";
import { useRoomContext } from "../lib/room-context";
import { Card } from "./Card";
import { Empty } from "./Empty";
import { NoteRow } from "./NoteRow";
import "./Notes.css";

interface Draft {
  opId: string;
  text: string;
  shared: boolean;
  failed?: string;
}

/**
 * An interviewer's private evidence log. Each note is stamped by the server
 * with the clock's elapsed time; a note marked as shared goes into the
 * candidate's report when the host releases feedback, and no sooner.
 */
export function Notes({ notes, locked }: { notes: Note[]; locked: boolean }) {
  const { client, view, state } = useRoomContext();
  const shareId = useId();
  const [text, setText] = useState("");
  const [shared, setShared] = useState(false);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const now = useNow({ intervalMs: 1_000, offsetMs: state.offsetMs });
  const stamp = formatClock(clockView(view.clock, now).elapsedMs);

  const add = (event?: FormEvent) => {
    event?.preventDefault();
    const body = text.trim();
    if (!body || locked) return;
    const sent = client.send({ type: "add-note", text: body, shared });
    setDrafts((d) => [...d, { opId: sent.opId, text: body, shared }]);
    setText("");
    void sent.done.then((result) =>
      setDrafts((d) =>
        result.ok
          ? d.filter((x) => x.opId !== sent.opId)
          : d.map((x) => (x.opId === sent.opId ? { ...x, failed: result.message } : x)),
      ),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) add();
  };

  const sorted = [...notes].sort(
    (a, b) => a.elapsedMs - b.elapsedMs || a.createdAt.localeCompare(b.createdAt),
  );

  return (
    <Card
      titleId="ps-notes-title"
      title="Your notes"
      kicker="Private to you. Evidence you mark as shared goes into the candidate’s report."
      testId="notes"
    >
      {!locked ? (
        <form className="ps-notes__composer" onSubmit={add}>
          <Field
            label={
              <>
                Evidence <span className="ps-notes__stamp-preview">stamped {stamp}</span>
              </>
            }
          >
            {(control) => (
              <textarea
                {...control}
                className="input ps-notes__input"
                rows={3}
                value={text}
                maxLength={NOTE_MAX_CHARS}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={onKeyDown}
                placeholder="What they said or did, in their words where you can."
              />
            )}
          </Field>
          <div className="ps-notes__actions">
            <label htmlFor={shareId} className="ps-check">
              <input
                id={shareId}
                type="checkbox"
                checked={shared}
                onChange={(event) => setShared(event.target.checked)}
              />
              <span>Share with the candidate in the report</span>
            </label>
            <button type="submit" className={buttonClass("primary")} disabled={!text.trim()}>
              Add note
            </button>
          </div>
          <p className="hint">Ctrl+Enter or ⌘+Enter adds the note.</p>
        </form>
      ) : null}

      {sorted.length === 0 && drafts.length === 0 ? (
        <Empty>No notes yet.</Empty>
      ) : (
        <ol className="ps-notes__list">
          {sorted.map((note) => (
            <NoteItem key={note.id} note={note} locked={locked} />
          ))}
          {drafts.map((draft) => (
            <NoteRow key={draft.opId} stamp={draft.failed ? "—" : "…"} pending>
              <p className="ps-notes__text">{draft.text}</p>
              <SaveStatus
                status={
                  draft.failed
                    ? { kind: "error", message: draft.failed, retrying: false }
                    : { kind: state.status === "live" ? "saving" : "offline" }
                }
                written
                testId="note-save-status"
              />
            </NoteRow>
          ))}
        </ol>
      )}
    </Card>
  );
}

function NoteItem({ note, locked }: { note: Note; locked: boolean }) {
  const { client } = useRoomContext();
  const id = useId();
  const [busy, setBusy] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shared = busy ?? note.shared;

  const toggle = async (next: boolean) => {
    setBusy(next);
    setError(null);
    const result = await client.send({ type: "share-note", noteId: note.id, shared: next }).done;
    setBusy(null);
    if (!result.ok) setError(result.message);
  };

  return (
    <NoteRow
      stamp={
        <>
          <span className="visually-hidden">At </span>
          {formatClock(note.elapsedMs)}
        </>
      }
      shared={note.shared}
      testId="note"
    >
      <p className="ps-notes__text">{note.text}</p>
      <label htmlFor={id} className="ps-check ps-check--small">
        <input
          id={id}
          type="checkbox"
          checked={shared}
          disabled={locked || busy !== null}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <span>
          Share with candidate in the report
          {busy !== null ? <span className="hint"> · saving…</span> : null}
        </span>
      </label>
      {error ? <Alert>{error}</Alert> : null}
    </NoteRow>
  );
}
