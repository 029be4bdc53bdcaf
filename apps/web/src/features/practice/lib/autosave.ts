/**
 * The answer pad's autosave, as plain logic with no React or DOM in it.
 *
 * Every local change bumps a revision and is written to local storage at once,
 * before anything is sent, so a reload, a dropped connection or a server
 * restart loses nothing. After a pause in typing the latest {text, revision}
 * is PUT to the server, which applies a save only if its revision is higher
 * than the stored one; so retries, reorderings and duplicates are harmless.
 * Failed saves are retried with backoff; `online()` retries at once.
 */

export interface AnswerDraft {
  text: string;
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

export interface AutosaveSnapshot {
  text: string;
  revision: number;
  status: SaveStatus;
  /** Local changes the server has not acknowledged yet. */
  unsynced: boolean;
}

export interface DraftStorage {
  getItem(name: string): string | null;
  setItem(name: string, value: string): void;
  removeItem(name: string): void;
}

export const AUTOSAVE_DEBOUNCE_MS = 700;
const DRAFT_PREFIX = "loopwright.practice.draft.";

export function draftStorageName(attemptId: string): string {
  return `${DRAFT_PREFIX}${attemptId}`;
}

export function readDraft(storage: DraftStorage, attemptId: string): AnswerDraft | null {
  let raw: string | null;
  try {
    raw = storage.getItem(draftStorageName(attemptId));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === "object" &&
      value !== null &&
      typeof (value as AnswerDraft).text === "string" &&
      Number.isInteger((value as AnswerDraft).revision) &&
      (value as AnswerDraft).revision >= 0
    ) {
      return { text: (value as AnswerDraft).text, revision: (value as AnswerDraft).revision };
    }
  } catch {
    // A corrupt draft is no draft.
  }
  return null;
}

/** Returns false when storage refused the write (quota, disabled storage). */
export function writeDraft(storage: DraftStorage, attemptId: string, draft: AnswerDraft): boolean {
  try {
    storage.setItem(
      draftStorageName(attemptId),
      JSON.stringify({ text: draft.text, revision: draft.revision }),
    );
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage, attemptId: string): void {
  try {
    storage.removeItem(draftStorageName(attemptId));
  } catch {
    // Nothing to do: the draft simply stays.
  }
}

/** Removes every practice draft (after "delete all history"). */
export function clearAllDrafts(
  storage: DraftStorage & { readonly length: number; key(i: number): string | null },
) {
  const names: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name?.startsWith(DRAFT_PREFIX)) names.push(name);
  }
  for (const name of names) storage.removeItem(name);
}

/**
 * What the pad starts from: the server's answer, unless this device kept a
 * newer draft (typed offline, or before a reload beat the save), which is
 * restored and must be sent again.
 */
export function reconcile(
  server: AnswerDraft,
  local: AnswerDraft | null,
): { text: string; revision: number; confirmed: number; resend: boolean } {
  if (local && local.revision > server.revision) {
    return { text: local.text, revision: local.revision, confirmed: server.revision, resend: true };
  }
  return { text: server.text, revision: server.revision, confirmed: server.revision, resend: false };
}

/** 1 s, 2 s, 4 s … capped at 30 s, with ±20 % jitter so many tabs do not retry in step. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export type FailureKind = "network" | "server" | "client";

export interface Failure {
  kind: FailureKind;
  message: string;
  /** The server's Retry-After: no retry sooner than this. */
  retryAfterMs?: number;
}

/**
 * Unreachable server → network; 5xx or 429 → server (worth retrying, no sooner
 * than its Retry-After); anything else → client (it will fail again).
 */
export function classifyFailure(error: unknown): Failure {
  const { status, retryAfterSeconds } = (error ?? {}) as { status?: unknown; retryAfterSeconds?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  if (typeof status !== "number" || status === 0) return { kind: "network", message };
  if (status >= 500 || status === 429) {
    return typeof retryAfterSeconds === "number"
      ? { kind: "server", message, retryAfterMs: retryAfterSeconds * 1000 }
      : { kind: "server", message };
  }
  return { kind: "client", message };
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions {
  attemptId: string;
  /** The answer as the server has it. */
  server: AnswerDraft;
  storage: DraftStorage;
  send: (draft: AnswerDraft) => Promise<SaveResult>;
  debounceMs?: number;
  isOnline?: () => boolean;
  timers?: Timers;
  random?: () => number;
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AutosaveQueue {
  private text: string;
  private revision: number;
  /** The highest revision the server has acknowledged. */
  private confirmed: number;
  private savedAt: string | null = null;
  private inFlight: AnswerDraft | null = null;
  private failures = 0;
  private lastFailure: { kind: FailureKind; message: string } | null = null;
  private debounceTimer: unknown = null;
  private retryTimer: unknown = null;
  private running = false;
  private finished = false;
  private snapshot: AutosaveSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly debounceMs: number;
  private readonly isOnline: () => boolean;
  private readonly timers: Timers;
  private readonly random: () => number;

  constructor(private readonly options: AutosaveOptions) {
    this.debounceMs = options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS;
    this.isOnline = options.isOnline ?? (() => true);
    this.timers = options.timers ?? globalTimers;
    this.random = options.random ?? Math.random;
    const local = readDraft(options.storage, options.attemptId);
    const start = reconcile(options.server, local);
    this.text = start.text;
    this.revision = start.revision;
    this.confirmed = start.confirmed;
    // A draft the server has already caught up with is only clutter.
    if (local && !start.resend) clearDraft(options.storage, options.attemptId);
    this.snapshot = this.computeSnapshot();
  }

  /** Begins work: a restored draft is sent at once. Safe to call again after `stop()`. */
  start(): void {
    if (this.finished) return;
    this.running = true;
    if (this.revision > this.confirmed) this.flush();
  }

  /** Stops timers; the draft stays in storage for next time. */
  stop(): void {
    this.running = false;
    this.clearDebounce();
    this.clearRetry();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AutosaveSnapshot => this.snapshot;

  get hasUnsynced(): boolean {
    return this.revision > this.confirmed;
  }

  /** A local change: kept on this device at once, sent after a pause in typing. */
  edit(text: string): void {
    if (this.finished || text === this.text) return;
    this.text = text;
    this.revision += 1;
    writeDraft(this.options.storage, this.options.attemptId, { text, revision: this.revision });
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
    void this.send({ text: this.text, revision: this.revision });
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
   * The final {text, revision} for the submit body, which saves it atomically
   * with the submit. Undefined when nothing was ever written.
   */
  finalAnswer(): AnswerDraft | undefined {
    this.clearDebounce();
    return this.revision > 0 ? { text: this.text, revision: this.revision } : undefined;
  }

  /** The server has the answer for good (submitted): nothing more to send or keep. */
  finish(): void {
    this.stop();
    this.finished = true;
    this.confirmed = Math.max(this.confirmed, this.revision);
    clearDraft(this.options.storage, this.options.attemptId);
    this.lastFailure = null;
    this.emit();
  }

  private async send(draft: AnswerDraft): Promise<void> {
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
      // The server holds a newer revision from elsewhere (another tab or device). The text being
      // typed here is what the person sees, so it goes on top rather than being silently dropped.
      this.revision = result.revision + 1;
      writeDraft(this.options.storage, this.options.attemptId, { text: this.text, revision: this.revision });
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

  private computeSnapshot(): AutosaveSnapshot {
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
    return { text: this.text, revision: this.revision, status, unsynced };
  }

  private emit(): void {
    this.snapshot = this.computeSnapshot();
    for (const listener of this.listeners) listener();
  }
}
