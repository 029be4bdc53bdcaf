import type { RoomEvent, RoomView } from "@loopwright/schema";

/**
 * The pure arithmetic behind the room client: merging server events into the
 * local view and the clock-offset estimate. No sockets, timers or globals here,
 * so each piece is unit-tested. The reconnect schedule and outbound pacing are
 * the server's too, in @loopwright/pacing.
 */

/* ───────────── view sync ───────────── */

/**
 * Merges one event into the view. A patch carries the top-level fields of this
 * participant's view that changed; everything else stays. Events at or below
 * the view's sequence number are already reflected and are ignored, so a
 * replay that overlaps what the client has seen changes nothing.
 */
export function applyEvent(view: RoomView, event: RoomEvent): RoomView {
  if (event.seq <= view.seq) return view;
  const next: RoomView = { ...view };
  for (const [key, value] of Object.entries(event.patch) as [keyof RoomView, unknown][]) {
    // The server never sends a field to clear it; an absent or undefined value means "unchanged".
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  next.seq = event.seq;
  return next;
}

/** The highest sequence number the client has seen: what it sends as `lastSeq` on reconnect. */
export function lastSeqOf(view: RoomView | null): number | null {
  return view ? view.seq : null;
}

/* ───────────── clock offset ───────────── */

export interface OffsetSample {
  /** Client clock when the ping left. */
  sentAt: number;
  /** Client clock when the pong arrived. */
  receivedAt: number;
  /** Server clock in the pong. */
  serverNow: number;
}

export interface OffsetEstimate {
  /** Add to the client's clock to get the server's. */
  offsetMs: number;
  rttMs: number;
}

/** offset = serverNow − (sent + received) / 2, assuming the pong's server time falls mid-trip. */
export function sampleOffset(sample: OffsetSample): OffsetEstimate {
  return {
    offsetMs: sample.serverNow - (sample.sentAt + sample.receivedAt) / 2,
    rttMs: Math.max(0, sample.receivedAt - sample.sentAt),
  };
}

/**
 * Keeps the estimate from the lowest-round-trip sample, whose midpoint
 * assumption has the least room to be wrong. Only the most recent `window`
 * samples compete, so a client whose own clock is later adjusted (NTP, sleep)
 * converges on the new offset instead of clinging to an old best sample.
 */
export class ClockOffset {
  private samples: OffsetEstimate[] = [];
  private best: OffsetEstimate | null = null;

  constructor(private readonly window = 12) {}

  add(sample: OffsetSample): OffsetEstimate {
    const estimate = sampleOffset(sample);
    this.samples.push(estimate);
    if (this.samples.length > this.window) this.samples.shift();
    this.best = this.samples.reduce((a, b) => (b.rttMs < a.rttMs ? b : a));
    return this.best;
  }

  /** A rough first estimate from the welcome's server time, used only until a ping returns. */
  seed(serverNow: number, receivedAt: number): void {
    if (this.best) return;
    this.best = { offsetMs: serverNow - receivedAt, rttMs: Number.POSITIVE_INFINITY };
  }

  get estimate(): OffsetEstimate | null {
    return this.best;
  }

  get offsetMs(): number {
    return this.best?.offsetMs ?? 0;
  }
}
