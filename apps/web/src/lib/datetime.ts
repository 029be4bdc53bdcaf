/**
 * Every date and time the app shows, in one place and in one locale: the reader's own (the
 * browser's language), so dates read the way they expect and a page never mixes a 12-hour
 * "6:25 PM" with a 24-hour "18:25". Durations and clock readouts ("4:05") are not dates: they
 * live in lib/clock-format.
 */

export interface DateTimeSettings {
  /** A BCP 47 tag such as "en-GB"; the browser's language when not given. */
  locale?: string;
  /** An IANA zone such as "Europe/Berlin"; the device's own when not given (tests pin one). */
  timeZone?: string;
}

function readerLocale(): string {
  if (typeof navigator !== "undefined" && navigator.language) return navigator.language;
  return "en-GB";
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to make and a history page formats hundreds of dates: keep each one. */
function formatter(options: Intl.DateTimeFormatOptions, settings: DateTimeSettings): Intl.DateTimeFormat {
  const locale = settings.locale ?? readerLocale();
  const key = JSON.stringify([locale, settings.timeZone, options]);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: settings.timeZone });
    formats.set(key, format);
  }
  return format;
}

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const DATE: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
const TIME: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };

/** "3 Dec 2026" (en-GB), "Dec 3, 2026" (en-US). An unreadable value is shown as it came. */
export function formatDate(value: string | number | Date, settings: DateTimeSettings = {}): string {
  const date = toDate(value);
  return date ? formatter(DATE, settings).format(date) : String(value);
}

/** "3 Dec 2026, 18:25" (en-GB), "Dec 3, 2026, 6:25 PM" (en-US). */
export function formatDateTime(value: string | number | Date, settings: DateTimeSettings = {}): string {
  const date = toDate(value);
  return date ? formatter({ ...DATE, ...TIME }, settings).format(date) : String(value);
}

/** "18:25" (en-GB), "6:25 PM" (en-US): a time today, such as when a draft was last saved. */
export function formatTimeOfDay(value: string | number | Date, settings: DateTimeSettings = {}): string {
  const date = toDate(value);
  return date ? formatter(TIME, settings).format(date) : String(value);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Labels for a time axis, as fine as its span needs and never finer than minutes: times of day,
 * days with times, days, or months.
 */
export function timeAxisFormatter(
  [start, end]: [number, number],
  settings: DateTimeSettings = {},
): (t: number) => string {
  const span = end - start;
  const options: Intl.DateTimeFormatOptions =
    span <= 6 * HOUR
      ? TIME
      : span <= 2 * DAY
        ? { day: "numeric", month: "short", ...TIME }
        : span <= 300 * DAY
          ? { day: "numeric", month: "short" }
          : { month: "short", year: "numeric" };
  const format = formatter(options, settings);
  return (t) => format.format(new Date(t));
}

/** The reader's IANA zone ("Europe/Berlin"); UTC where the runtime cannot tell. */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const START: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", ...TIME };

/**
 * A planned start with the zone it is read in: "Thu 3 Dec, 16:00 (Europe/Berlin)" (en-GB).
 * The year appears only when it is not the current one, since a session is rarely planned
 * further ahead than a few weeks.
 */
export function formatZonedStart(
  value: string | number | Date,
  settings: DateTimeSettings & { now?: number } = {},
): string {
  const date = toDate(value);
  if (!date) return String(value);
  const timeZone = settings.timeZone ?? readerTimeZone();
  const zoned = { ...settings, timeZone };
  const yearOf = (t: Date | number) => formatter({ year: "numeric" }, zoned).format(t);
  const options =
    yearOf(date) === yearOf(settings.now ?? Date.now()) ? START : { ...START, year: "numeric" as const };
  return `${formatter(options, zoned).format(date)} (${timeZone})`;
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms (negative west of Greenwich). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = formatter(
    {
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    },
    { locale: "en-US", timeZone },
  ).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock date ("2026-12-03") and time ("16:00") in `timeZone`, as an
 * ISO string; null when either is not a real date or time. A time skipped by a daylight-saving
 * change is read with the offset from before the change, as calendars do.
 */
export function instantFromZonedWallTime(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;
  // Two passes settle the offset even when the guess lands across a daylight-saving change.
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}
