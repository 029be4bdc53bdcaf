import { classifyFailure, type Failure, type FailureKind, retryDelay } from "./failures";

/**
 * Autosave as plain logic, with no React or DOM in it: the answer pads of
 * practice and sessions and the calibration scoring form all save through it.
 *
 * Every local change bumps a revision and, when a draft store is given, is kept
 * on the device at once, before anything is sent. After a pause the latest
 * {value, revision} is sent; the server applies a save only if its revision is
 * higher than the stored one, so retries, reorderings and duplicates are
 * harmless. Failed saves are retried with backoff; `online()` retries at once.
 */

export interface Revisioned<T> {
  value: T;
  revision: number;
}

export interface SaveResult {
  applied: boolean;
  revision: number;
  savedAt: string | null;
}

export type SaveStatus =
  | { kind: "saved"; savedAt: string | null }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "error"; message: string; retrying: boolean };

export interface AutosaveSnapshot<T> {
  value: T;
  revision: number;
  status: SaveStatus;
  /** Local changes the server has not acknowledged yet. */
  unsynced: boolean;
}

/** Where a not-yet-acknowledged draft is kept on this device. */
export interface DraftStore<T> {
  read(): Revisioned<T> | null;
  /** False when the device refused it (quota, disabled storage). */
  write(draft: Revisioned<T>): boolean;
  clear(): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions<T> {
  /** The value as the server has it. */
  server: Revisioned<T>;
  send: (draft: Revisioned<T>) => Promise<SaveResult>;
  /** Keeps drafts on the device; without one they live only as long as the page. */
  drafts?: DraftStore<T>;
  debounceMs?: number;
  isOnline?: () => boolean;
  timers?: Timers;
  random?: () => number;
}

export const AUTOSAVE_DEBOUNCE_MS = 700;

const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const noDrafts: DraftStore<never> = { read: () => null, write: () => false, clear: () => {} };

/**
 * What to start from: the server's value, unless this device kept a newer
 * draft (typed offline, or before a reload beat the save), which is restored
 * and must be sent again.
 */
export function reconcile<T>(
  server: Revisioned<T>,
  local: Revisioned<T> | null,
): { value: T; revision: number; confirmed: number; resend: boolean } {
  if (local && local.revision > server.revision) {
    return { value: local.value, revision: local.revision, confirmed: server.revision, resend: true };
  }
  return { value: server.value, revision: server.revision, confirmed: server.revision, resend: false };
}

export class AutosaveQueue<T> {
  private value: T;
  private revision: number;
  /** The highest revision the server has acknowledged. */
  private confirmed: number;
  private savedAt: string | null = null;
  private inFlight: Revisioned<T> | null = null;
  private failures = 0;
  private lastFailure: { kind: FailureKind; message: string } | null = null;
  private debounceTimer: unknown = null;
  private retryTimer: unknown = null;
  private running = false;
  private finished = false;
  private snapshot: AutosaveSnapshot<T>;
  private readonly listeners = new Set<() => void>();
  private readonly drafts: DraftStore<T>;
  private readonly debounceMs: number;
  private readonly isOnline: () => boolean;
  private readonly timers: Timers;
  private readonly random: () => number;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.drafts = options.drafts ?? noDrafts;
    this.debounceMs = options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS;
    this.isOnline = options.isOnline ?? (() => true);
    this.timers = options.timers ?? globalTimers;
    this.random = options.random ?? Math.random;
    const local = this.drafts.read();
    const start = reconcile(options.server, local);
    this.value = start.value;
    this.revision = start.revision;
    this.confirmed = start.confirmed;
    // A draft the server has already caught up with is only clutter.
    if (local && !start.resend) this.drafts.clear();
    this.snapshot = this.computeSnapshot();
  }

  /** Begins work: a restored draft is sent at once. Safe to call again after `stop()`. */
  start(): void {
    if (this.finished) return;
    this.running = true;
    if (this.revision > this.confirmed) this.flush();
  }

  /** Stops timers; the draft stays on the device for next time. */
  stop(): void {
    this.running = false;
    this.clearDebounce();
    this.clearRetry();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AutosaveSnapshot<T> => this.snapshot;

  get hasUnsynced(): boolean {
    return this.revision > this.confirmed;
  }

  /** A local change: kept on this device at once, sent after a pause. */
  edit(value: T): void {
    if (this.finished || Object.is(value, this.value)) return;
    this.value = value;
    this.revision += 1;
    this.drafts.write({ value, revision: this.revision });
    // Known to be offline: say so now, not after the next failed save.
    if (!this.isOnline()) this.lastFailure = { kind: "network", message: "offline" };
    this.clearDebounce();
    if (this.running) {
      this.debounceTimer = this.timers.setTimeout(() => {
        this.debounceTimer = null;
        this.flush();
      }, this.debounceMs);
    }
    this.emit();
  }

  /**
   * The server's value moved on without us (another tab of the same person).
   * Taken as it is when nothing is pending here; otherwise what is being typed
   * here goes on top of it rather than being silently dropped.
   */
  adopt(server: Revisioned<T>): void {
    if (this.finished || server.revision <= this.revision) return;
    if (this.hasUnsynced) {
      this.revision = server.revision + 1;
      this.drafts.write({ value: this.value, revision: this.revision });
    } else {
      this.value = server.value;
      this.revision = server.revision;
      this.confirmed = server.revision;
    }
    this.emit();
  }

  /** Sends the latest revision now if the server lacks it. */
  flush(): void {
    this.clearDebounce();
    if (!this.running || this.finished) return;
    if (this.inFlight) return; // when it settles, the newer revision follows
    if (this.revision <= this.confirmed) {
      this.lastFailure = null;
      this.emit();
      return;
    }
    if (!this.isOnline()) {
      this.fail({ kind: "network", message: "offline" });
      return;
    }
    this.clearRetry();
    void this.send({ value: this.value, revision: this.revision });
  }

  /** The connection is back: retry at once, starting the backoff afresh. */
  online(): void {
    this.failures = 0;
    this.clearRetry();
    this.flush();
  }

  /** The browser reports it went offline; say so now rather than after a failed save. */
  offline(): void {
    if (this.hasUnsynced && !this.inFlight) {
      this.lastFailure = { kind: "network", message: "offline" };
      this.emit();
    }
  }

  /**
   * The final {value, revision} for a submit that saves it atomically, with
   * any pending save cancelled. Undefined when nothing was ever written.
   */
  finalAnswer(): Revisioned<T> | undefined {
    this.clearDebounce();
    return this.revision > 0 ? { value: this.value, revision: this.revision } : undefined;
  }

  /** The server has the value for good (submitted): nothing more to send or keep. */
  finish(): void {
    this.stop();
    this.finished = true;
    this.confirmed = Math.max(this.confirmed, this.revision);
    this.drafts.clear();
    this.lastFailure = null;
    this.emit();
  }

  private async send(draft: Revisioned<T>): Promise<void> {
    this.inFlight = draft;
    this.emit();
    let result: SaveResult;
    try {
      result = await this.options.send(draft);
    } catch (error) {
      this.inFlight = null;
      if (this.finished) return;
      this.fail(classifyFailure(error));
      return;
    }
    this.inFlight = null;
    this.failures = 0;
    this.lastFailure = null;
    if (result.revision >= draft.revision) {
      this.confirmed = Math.max(this.confirmed, draft.revision);
      this.savedAt = result.savedAt;
    }
    if (!result.applied && result.revision > draft.revision && this.revision <= result.revision) {
      // The server holds a newer revision from elsewhere (another tab or device). The value here is
      // what the person sees, so it goes on top rather than being silently dropped.
      this.revision = result.revision + 1;
      this.drafts.write({ value: this.value, revision: this.revision });
    }
    if (this.finished) return;
    if (this.revision > this.confirmed && this.debounceTimer === null) this.flush();
    else this.emit();
  }

  private fail(failure: Failure): void {
    this.lastFailure = failure;
    if (failure.kind !== "client") {
      this.failures += 1;
      this.clearRetry();
      if (this.running) {
        this.retryTimer = this.timers.setTimeout(
          () => {
            this.retryTimer = null;
            this.flush();
          },
          Math.max(retryDelay(this.failures, this.random), failure.retryAfterMs ?? 0),
        );
      }
    }
    this.emit();
  }

  private clearDebounce(): void {
    if (this.debounceTimer !== null) this.timers.clearTimeout(this.debounceTimer);
    this.debounceTimer = null;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private computeSnapshot(): AutosaveSnapshot<T> {
    const unsynced = this.revision > this.confirmed;
    let status: SaveStatus;
    if (!unsynced && !this.inFlight) status = { kind: "saved", savedAt: this.savedAt };
    else if (this.lastFailure?.kind === "network") status = { kind: "offline" };
    else if (this.lastFailure)
      status = {
        kind: "error",
        message: this.lastFailure.message,
        retrying: this.lastFailure.kind === "server",
      };
    else status = { kind: "saving" };
    return { value: this.value, revision: this.revision, status, unsynced };
  }

  private emit(): void {
    this.snapshot = this.computeSnapshot();
    for (const listener of this.listeners) listener();
  }
}
