import type { Room } from "./room.js";

interface Entry {
  loading: Promise<Room>;
  idleTimer?: NodeJS.Timeout;
}

/**
 * The rooms this instance holds in memory. A room is loaded from storage on
 * first use and unloaded once nobody has been connected to it for `idleMs`,
 * after its queued commits have drained: every change is already committed, so
 * a room loaded again later starts from exactly where it stopped.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Entry>();

  constructor(
    private readonly load: (sessionId: string, onEmpty: () => void) => Promise<Room>,
    private readonly idleMs: number,
  ) {}

  /** Rooms in memory right now (health output, and tests of the lifecycle). */
  get size(): number {
    return this.rooms.size;
  }

  /** The room, loaded on first use; if nobody connects to it, it is unloaded again later. */
  get(sessionId: string): Promise<Room> {
    let entry = this.rooms.get(sessionId);
    if (!entry) {
      const loading = this.load(sessionId, () => this.unloadLater(sessionId));
      entry = { loading };
      this.rooms.set(sessionId, entry);
      loading.catch(() => this.rooms.delete(sessionId));
    }
    const current = entry;
    clearTimeout(current.idleTimer);
    current.idleTimer = undefined;
    return current.loading.then((room) => {
      // Used by a request rather than a socket (a swap, a revocation): it still must not stay forever.
      if (room.connectionCount === 0) this.unloadLater(sessionId);
      return room;
    });
  }

  /** Every room in memory now, once loaded (those that fail to load are left out). */
  async loaded(): Promise<Room[]> {
    const settled = await Promise.allSettled([...this.rooms.values()].map((entry) => entry.loading));
    return settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  }

  /** The room only if it is in memory; nothing is loaded to answer. */
  ifLoaded(sessionId: string): Promise<Room | undefined> {
    return this.rooms.get(sessionId)?.loading ?? Promise.resolve(undefined);
  }

  private unloadLater(sessionId: string): void {
    const entry = this.rooms.get(sessionId);
    if (!entry) return;
    clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => void this.unloadIfIdle(sessionId, entry), this.idleMs);
    entry.idleTimer.unref?.();
  }

  private async unloadIfIdle(sessionId: string, entry: Entry): Promise<void> {
    const room = await entry.loading;
    if (room.connectionCount > 0) return;
    // A join queued behind the last commits counts: look again once they are done.
    await room.drain();
    if (room.connectionCount > 0 || this.rooms.get(sessionId) !== entry) return;
    this.rooms.delete(sessionId);
    room.close();
  }

  /** At shutdown: let every queued commit finish, then close the rooms' sockets. */
  async closeAll(): Promise<void> {
    const entries = [...this.rooms.values()];
    this.rooms.clear();
    for (const entry of entries) {
      clearTimeout(entry.idleTimer);
      try {
        const room = await entry.loading;
        await room.drain();
        room.close();
      } catch {
        // a room that failed to load has nothing to drain or close
      }
    }
  }
}
