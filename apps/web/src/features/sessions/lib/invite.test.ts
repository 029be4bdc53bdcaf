import { createEvent } from "ics";
import { describe, expect, it } from "vitest";
import {
  clockMinutes,
  type InviteDetails,
  inviteEvent,
  inviteFileName,
  inviteText,
  inviteUid,
  remainingLoopMinutes,
} from "./invite";

const START = "2026-12-03T15:00:00.000Z";
const details: InviteDetails = {
  sessionId: "s-123",
  participantId: "p-456",
  name: "Cara",
  role: "candidate",
  hostName: "Hana",
  questionTitle: null,
  questionCount: 1,
  minutes: 40,
  scheduledStart: START,
  link: "https://lan.test/sessions/join#token=abc",
};
const berlin = { locale: "en-GB", timeZone: "Europe/Berlin", now: Date.parse("2026-11-20T10:00:00Z") };

describe("invite text", () => {
  it("says what, when (host's zone and UTC), the link and how to join", () => {
    const text = inviteText(details, berlin);
    expect(text).toContain("hosted by Hana");
    expect(text).toContain("about 40 min");
    expect(text).toContain("you join as the candidate");
    expect(text).toContain("When: Thu 3 Dec, 16:00 (Europe/Berlin) · Thu 3 Dec, 15:00 (UTC)");
    expect(text).toContain(`Link: ${details.link}`);
    expect(text).toContain("No account");
  });

  it("never names the question to the candidate, and does to a co-interviewer", () => {
    expect(inviteText({ ...details, questionTitle: null })).toContain(
      "stays hidden until the host reveals it",
    );
    const co = inviteText({
      ...details,
      role: "co-interviewer",
      questionTitle: "Rebalancing spans of control",
    });
    expect(co).toContain("“Rebalancing spans of control”");
  });

  it("says 'whenever you are both ready' without a scheduled start", () => {
    expect(inviteText({ ...details, scheduledStart: null }, berlin)).toContain(
      "When: Whenever you are both ready",
    );
  });

  it("gives a mini loop's length in all", () => {
    expect(inviteText({ ...details, questionCount: 3, minutes: 120 })).toContain(
      "3 questions, about 120 min in all",
    );
  });
});

describe("calendar event", () => {
  it("is an .ics event with the start in UTC, the duration, summary, link and a stable UID", () => {
    const event = inviteEvent(details, berlin);
    if (!event) throw new Error("a scheduled session has an event");
    const { error, value } = createEvent(event);
    expect(error).toBeNull();
    // Long lines are folded (RFC 5545 §3.1); read them unfolded. The e2e run parses it with ical.js.
    const lines = (value ?? "").replace(/\r\n[ \t]/g, "").split("\r\n");
    expect(lines).toContain("DTSTART:20261203T150000Z");
    expect(lines).toContain("DURATION:PT40M");
    expect(lines).toContain("SUMMARY:Mock interview with Hana");
    expect(lines).toContain(`URL:${details.link}`);
    expect(lines).toContain(`UID:${inviteUid(details)}`);
    expect(lines.find((l) => l.startsWith("DESCRIPTION:"))).toContain(details.link);
    expect(inviteUid(details)).toBe(inviteUid({ sessionId: "s-123", participantId: "p-456" }));
  });

  it("is not made without a scheduled start", () => {
    expect(inviteEvent({ ...details, scheduledStart: null })).toBeNull();
  });

  it("names its file after the person", () => {
    expect(inviteFileName({ name: "Zoë O’Neil" })).toBe("mock-interview-zoe-o-neil.ics");
  });
});

describe("planned length", () => {
  it("adds every phase and its extensions, in whole minutes", () => {
    const phases = [
      { id: "a", name: "A", durationMs: 5 * 60_000 },
      { id: "b", name: "B", durationMs: 30 * 60_000 },
    ];
    expect(clockMinutes({ phases, extensionsMs: [0, 0] })).toBe(35);
    expect(clockMinutes({ phases, extensionsMs: [0, 2 * 60_000] })).toBe(37);
  });
});

describe("a mini loop's remaining length", () => {
  const written = (...minutes: number[]) => ({
    phases: minutes.map((m, i) => ({ id: `p${i}`, name: `P${i}`, minutes: m })),
  });
  it("adds the questions still to come at the host's scale (worked by hand)", () => {
    // The host halved the lengths: this question's 5 + 10 + 15 written minutes run 2.5 + 5 + 7.5.
    const clock = {
      phases: [2.5, 5, 7.5].map((m, i) => ({ id: `p${i}`, name: `P${i}`, durationMs: m * 60_000 })),
      extensionsMs: [0, 2 * 60_000, 0],
    };
    // 15 minutes here, 2 more added to phase 2; the next question's 10 + 20 halved is 15: 32 in all.
    expect(remainingLoopMinutes(clock, written(5, 10, 15), [written(10, 20)])).toBe(32);
    // Two more to come, one of 40 written minutes (20 halved): 52.
    expect(remainingLoopMinutes(clock, written(5, 10, 15), [written(10, 20), written(40)])).toBe(52);
    // The last question of a loop is just its own clock.
    expect(remainingLoopMinutes(clock, written(5, 10, 15), [])).toBe(clockMinutes(clock));
  });
});
