import { backoffDelay } from "@loopwright/pacing";
import pg from "pg";
import type { InstanceBus, InstanceMessage } from "../store.js";
import type { Pool } from "./pool.js";

export const CHANNEL = "loopwright_sessions";
/** NOTIFY refuses payloads of 8,000 bytes or more; ours carry references, so this is a bug guard. */
const MAX_PAYLOAD_BYTES = 7_900;
/** Reopening the LISTEN connection: a few instances on one database are no herd, so no jitter. */
const LISTEN_BACKOFF = { baseMs: 100, maxMs: 5_000, jitter: "none" } as const;

interface Envelope {
  /** The sending instance. */
  i: string;
  m: InstanceMessage;
}

export function notification(instanceId: string, message: InstanceMessage) {
  const payload = JSON.stringify({ i: instanceId, m: message } satisfies Envelope);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
    throw new Error(
      `A ${message.type} notification of ${Buffer.byteLength(payload)} bytes is over NOTIFY's limit.`,
    );
  }
  return { channel: CHANNEL, payload };
}

export interface BusLog {
  warn(object: object, message: string): void;
}

/**
 * LISTEN on one dedicated connection (a pooled one would be handed to other
 * queries and lose the subscription). When that connection drops it is
 * reopened with backoff and LISTENs again, and every resync listener is told,
 * since anything sent meanwhile is gone: NOTIFY is not durable.
 */
export class PostgresInstanceBus implements InstanceBus {
  private readonly listeners: ((message: InstanceMessage, from: string) => void)[] = [];
  private readonly resyncListeners: (() => void)[] = [];
  private client: pg.Client | null = null;
  private closed = false;
  /** Consecutive failed attempts to reopen the LISTEN connection. */
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly instanceId: string,
    private readonly connectionString: string,
    private readonly pool: Pool,
    private readonly log: BusLog,
  ) {}

  /** Resolves once the first LISTEN is in place, so nothing committed after start is missed. */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on("notification", (n) => this.deliver(n.payload));
    client.on("error", (err) => {
      this.log.warn({ err }, "the LISTEN connection to PostgreSQL failed; reconnecting");
      this.reconnectLater(client);
    });
    client.on("end", () => this.reconnectLater(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
    this.failures = 0;
  }

  private reconnectLater(failed: pg.Client): void {
    if (this.closed || this.client !== failed) return;
    this.client = null;
    failed.end().catch(() => undefined);
    const delay = backoffDelay(this.failures, LISTEN_BACKOFF);
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => {
          for (const listener of this.resyncListeners) listener();
        },
        (err: unknown) => {
          this.log.warn({ err }, "could not LISTEN on PostgreSQL yet; trying again");
          this.client = failed; // lets reconnectLater schedule the next attempt
          this.reconnectLater(failed);
        },
      );
    }, delay);
    this.retryTimer.unref?.();
  }

  private deliver(payload: string | undefined): void {
    if (!payload) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch {
      return; // not one of ours
    }
    if (envelope.i === this.instanceId) return;
    for (const listener of this.listeners) listener(envelope.m, envelope.i);
  }

  async publish(message: InstanceMessage): Promise<void> {
    const { channel, payload } = notification(this.instanceId, message);
    await this.pool.query("SELECT pg_notify($1, $2)", [channel, payload]);
  }

  subscribe(listener: (message: InstanceMessage, from: string) => void): void {
    this.listeners.push(listener);
  }

  onResync(listener: () => void): void {
    this.resyncListeners.push(listener);
  }

  /** Drops the LISTEN connection as a network failure would (tests of the resync path). */
  dropConnectionForTest(): void {
    const client = this.client;
    if (client) this.reconnectLater(client);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
