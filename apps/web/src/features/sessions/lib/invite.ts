import { type ClockState, scalePhases } from "@loopwright/clock";
import type { SessionRole } from "@loopwright/schema";
import type { EventAttributes } from "ics";
import { type DateTimeSettings, formatZonedStart } from "../../../lib/datetime";
import { formatCount, formatMinutes } from "../../../lib/format";

/** Everything an invite says; the same facts feed the pasted text and the calendar event. */
export interface InviteDetails {
  sessionId: string;
  participantId: string;
  /** Who the invite is for, and the seat their link opens. */
  name: string;
  role: SessionRole;
  hostName: string;
  /**
   * The question's title, or null: the candidate and observers learn which question it is only
   * when the host reveals the prompt, so their invite never names it.
   */
  questionTitle: string | null;
  questionCount: number;
  /** Planned minutes: every question's, or only the current one's when `minutesOfCurrentOnly`. */
  minutes: number;
  /** Set inside a mini loop's room while the questions still to come have not loaded. */
  minutesOfCurrentOnly?: boolean;
  /** UTC instant, or null for "whenever you are both ready". */
  scheduledStart: string | null;
  link: string;
}

const SEAT: Record<SessionRole, string> = {
  host: "as the host, running the interview",
  "co-interviewer": "as a co-interviewer: you see the interviewer guide, take notes and score",
  candidate: "as the candidate, answering the question",
  observer: "as an observer: you see what the candidate sees and their answer as they write it",
};

/** Only interviewers' invites may name the question: the rest would learn it before the reveal. */
export function mayNameQuestion(role: SessionRole): boolean {
  return role === "host" || role === "co-interviewer";
}

/** The planned length of a session: every phase of its clock, as the host scaled it. */
export function clockMinutes(clock: Pick<ClockState, "phases" | "extensionsMs">): number {
  return Math.max(1, Math.round(clockMs(clock) / 60_000));
}

function clockMs(clock: Pick<ClockState, "phases" | "extensionsMs">): number {
  return clock.phases.reduce((sum, p, i) => sum + p.durationMs + (clock.extensionsMs[i] ?? 0), 0);
}

/**
 * What is left of a mini loop, seen from inside one of its rooms: this room's clock, plus each
 * question still to come at the scale the host chose. The scale is read off the first phase,
 * exactly as the server scales the next question's clock when the host moves on.
 */
export function remainingLoopMinutes(
  clock: Pick<ClockState, "phases" | "extensionsMs">,
  current: { phases: { minutes: number }[] },
  upcoming: { phases: { id: string; name: string; minutes: number }[] }[],
): number {
  const scale = (clock.phases[0]?.durationMs ?? 60_000) / ((current.phases[0]?.minutes ?? 1) * 60_000);
  const plans = upcoming.flatMap((q) => q.phases.map((p) => ({ ...p, durationMs: p.minutes * 60_000 })));
  const upcomingMs = scalePhases(plans, scale).reduce((sum, p) => sum + p.durationMs, 0);
  return Math.max(1, Math.round((clockMs(clock) + upcomingMs) / 60_000));
}

/** "Thu 3 Dec, 16:00 (Europe/Berlin) · Thu 3 Dec, 15:00 (UTC)": the host's zone, then UTC for everyone else. */
export function inviteWhen(
  scheduledStart: string | null,
  settings: DateTimeSettings & { now?: number } = {},
): string {
  if (!scheduledStart)
    return "Whenever you are both ready: the host starts the clock when everyone is there.";
  const utc = formatZonedStart(scheduledStart, { ...settings, timeZone: "UTC" });
  const local = formatZonedStart(scheduledStart, settings);
  return local === utc ? utc : `${local} · ${utc}`;
}

function what(details: InviteDetails): string {
  const length =
    details.questionCount <= 1
      ? `about ${formatMinutes(details.minutes)}`
      : details.minutesOfCurrentOnly
        ? `${formatCount(details.questionCount, "question")}, the first about ${formatMinutes(details.minutes)}`
        : `${formatCount(details.questionCount, "question")}, about ${formatMinutes(details.minutes)} in all`;
  const question = details.questionTitle
    ? `“${details.questionTitle}”`
    : "the question stays hidden until the host reveals it";
  return `A peer mock interview hosted by ${details.hostName} (${question}), ${length}.`;
}

export function inviteSummary(details: InviteDetails): string {
  return details.questionTitle
    ? `Mock interview: ${details.questionTitle}`
    : `Mock interview with ${details.hostName}`;
}

/** The invite to paste into a chat or an email, in the host's locale and zone. */
export function inviteText(
  details: InviteDetails,
  settings: DateTimeSettings & { now?: number } = {},
): string {
  return [
    `${details.name}, you are invited to a Loopwright mock interview.`,
    "",
    `What: ${what(details)}`,
    `Your seat: you join ${SEAT[details.role]}.`,
    `When: ${inviteWhen(details.scheduledStart, settings)}`,
    `Link: ${details.link}`,
    "",
    "How to join: open the link in a web browser, ideally on a computer. No account or app is needed. The link is yours alone: it signs you in to your seat, so please don’t forward it.",
  ].join("\n");
}

/** A UID that stays the same for one person's invite to one session, so a re-download updates the event. */
export function inviteUid(details: Pick<InviteDetails, "sessionId" | "participantId">): string {
  return `${details.sessionId}.${details.participantId}@loopwright`;
}

/** The calendar event for a scheduled session; null when it has no planned start. */
export function inviteEvent(
  details: InviteDetails,
  settings: DateTimeSettings & { now?: number } = {},
): EventAttributes | null {
  if (!details.scheduledStart) return null;
  return {
    productId: "loopwright/sessions",
    uid: inviteUid(details),
    title: inviteSummary(details),
    start: Date.parse(details.scheduledStart),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: details.minutes },
    description: inviteText(details, settings),
    url: details.link,
    status: "CONFIRMED",
    busyStatus: "BUSY",
  };
}

/** "mock-interview-cara.ics": the person's name kept to letters and digits. */
export function inviteFileName(details: Pick<InviteDetails, "name">): string {
  const slug = details.name
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  return `mock-interview${slug ? `-${slug}` : ""}.ics`;
}
