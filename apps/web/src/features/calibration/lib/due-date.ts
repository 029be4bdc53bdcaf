import { formatDateTime } from "../../../lib/datetime";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A datetime-local input's value ("2026-03-04T18:00", the reader's own wall clock) as the
 * instant the API takes; null for an empty input, undefined for one that is not a date.
 */
export function dueInputToIso(value: string): string | null | undefined {
  if (value.trim() === "") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An instant as a datetime-local input's value, on the reader's wall clock. */
export function isoToDueInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The reader's time zone by name ("Europe/Berlin"), for saying whose clock a due date is on. */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Due 4 Mar 2026, 18:00" in the reader's locale and time zone. */
export function dueLabel(iso: string): string {
  return `Due ${formatDateTime(iso)}`;
}

/** Why a due date typed in cannot be used, or null when it can. */
export function dueInputError(value: string, now = Date.now()): string | null {
  const iso = dueInputToIso(value);
  if (iso === undefined) return "Enter the due date as a date and a time.";
  if (iso !== null && Date.parse(iso) <= now)
    return "The due date has already passed; pick one in the future.";
  return null;
}
