import type { RoomView } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import { applyEvent, ClockOffset, sampleOffset } from "./room-sync";
import { roomViewFixture } from "./room-view.fixture";

const view = (): RoomView =>
  roomViewFixture({
    seq: 4,
    you: { id: "p1", name: "Cara", role: "candidate" },
    participants: [{ id: "p1", name: "Cara", role: "candidate" }],
  });

describe("merging events into the view", () => {
  it("replaces only the top-level fields in the patch and takes the event's seq", () => {
    const before = view();
    const after = applyEvent(before, {
      seq: 5,
      kind: "reveal-prompt",
      patch: { promptRevealed: true, prompt: "The prompt" },
    });
    expect(after).toMatchObject({ promptRevealed: true, prompt: "The prompt", seq: 5 });
    expect(after.clock).toBe(before.clock);
    expect(after.answer).toBe(before.answer);
    expect(before.promptRevealed).toBe(false);
  });

  it("replaces a nested field whole rather than deep-merging it", () => {
    const after = applyEvent(view(), {
      seq: 5,
      kind: "answer",
      patch: { answer: { text: "hi", revision: 3 } },
    });
    expect(after.answer).toEqual({ text: "hi", revision: 3 });
  });

  it("ignores an event it has already seen, so an overlapping replay changes nothing", () => {
    const before = view();
    expect(applyEvent(before, { seq: 4, kind: "x", patch: { released: true } })).toBe(before);
    expect(applyEvent(before, { seq: 2, kind: "x", patch: { released: true } })).toBe(before);
  });

  it("applies a replayed run of events in order", () => {
    let v = view();
    v = applyEvent(v, { seq: 5, kind: "clock", patch: { promptRevealed: true } });
    v = applyEvent(v, {
      seq: 6,
      kind: "inject-curveball",
      patch: { curveballs: [{ id: "c", title: "C", prompt: "p", elapsedMs: 1000 }] },
    });
    expect(v.seq).toBe(6);
    expect(v.curveballs).toHaveLength(1);
    expect(v.promptRevealed).toBe(true);
  });
});

describe("the clock offset", () => {
  it("assumes the server read its clock halfway through the round trip", () => {
    expect(sampleOffset({ sentAt: 1000, receivedAt: 1100, serverNow: 6050 })).toEqual({
      offsetMs: 5000,
      rttMs: 100,
    });
  });

  it("keeps the estimate from the lowest-round-trip sample", () => {
    const offset = new ClockOffset();
    offset.add({ sentAt: 0, receivedAt: 400, serverNow: 5300 }); // rtt 400 → 5100
    offset.add({ sentAt: 1000, receivedAt: 1020, serverNow: 6010 }); // rtt 20 → 5000
    offset.add({ sentAt: 2000, receivedAt: 2300, serverNow: 7250 }); // rtt 300 → 5100
    expect(offset.estimate).toEqual({ offsetMs: 5000, rttMs: 20 });
    expect(offset.offsetMs).toBe(5000);
  });

  it("uses the welcome's server time only until a ping returns", () => {
    const offset = new ClockOffset();
    offset.seed(10_000, 9_000);
    expect(offset.offsetMs).toBe(1000);
    offset.add({ sentAt: 9_100, receivedAt: 9_140, serverNow: 10_070 });
    expect(offset.offsetMs).toBe(950);
    offset.seed(99_999, 0);
    expect(offset.offsetMs).toBe(950);
  });

  it("lets an old best sample age out of the window", () => {
    const offset = new ClockOffset(3);
    offset.add({ sentAt: 0, receivedAt: 2, serverNow: 1 }); // rtt 2, offset 0
    for (let i = 1; i <= 3; i++)
      offset.add({ sentAt: i * 1000, receivedAt: i * 1000 + 50, serverNow: i * 1000 + 525 });
    expect(offset.estimate).toEqual({ offsetMs: 500, rttMs: 50 });
  });
});
