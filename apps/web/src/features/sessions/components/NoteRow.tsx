import type { ReactNode } from "react";
import "./NoteRow.css";

/** One evidence note in a list: the clock time it was taken at, then the note. */
export function NoteRow({
  stamp,
  shared,
  pending,
  testId,
  children,
}: {
  stamp: ReactNode;
  /** Marked to go into the candidate's report. */
  shared?: boolean;
  /** Sent, not yet confirmed by the server. */
  pending?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <li
      className="ps-note-row"
      data-shared={shared ? "true" : undefined}
      data-pending={pending ? "true" : undefined}
      data-testid={testId}
    >
      <span className="ps-notes__stamp">{stamp}</span>
      <div>{children}</div>
    </li>
  );
}
