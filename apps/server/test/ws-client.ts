import { PROTOCOL_VERSION, type ServerMessage } from "@loopwright/schema";
import WebSocket from "ws";

/** A real WebSocket client for integration tests, recording every frame and the close. */
export class TestClient {
  readonly messages: ServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];
  private opCounter = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.messages.push(JSON.parse(data.toString()));
      this.notify();
    });
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.notify();
    });
    ws.on("error", () => this.notify());
  }

  private notify() {
    for (const w of this.waiters.splice(0)) w();
  }

  static async open(baseUrl: string, sessionId: string, origin?: string): Promise<TestClient> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/ws/sessions/${sessionId}`, {
      headers: origin ? { origin } : {},
    });
    const client = new TestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once("error", reject);
    });
    return client;
  }

  static async join(baseUrl: string, sessionId: string, credential: string, lastSeq: number | null = null) {
    const client = await TestClient.open(baseUrl, sessionId);
    client.sendRaw({ type: "hello", protocol: PROTOCOL_VERSION, credential, lastSeq });
    await client.waitFor((m) => m.type === "welcome");
    return client;
  }

  sendRaw(message: unknown): void {
    this.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** Sends an intent with a fresh opId and resolves with the ack or error for it. */
  async intent(body: Record<string, unknown>, opId = `op-${Date.now()}-${++this.opCounter}`) {
    this.sendRaw({ opId, ...body });
    return this.waitFor(
      (m) => (m.type === "ack" || m.type === "error") && "opId" in m && m.opId === opId,
    ) as Promise<Extract<ServerMessage, { type: "ack" | "error" }>>;
  }

  async waitFor(predicate: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      for (; seen < this.messages.length; seen++) {
        const m = this.messages[seen] as ServerMessage;
        if (predicate(m)) return m;
      }
      if (this.closed)
        throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) while waiting`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out; got ${JSON.stringify(this.messages.slice(-3))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitForClose(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error("socket did not close");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.closed;
  }

  get lastSeq(): number {
    let seq = 0;
    for (const m of this.messages) {
      if (m.type === "event") seq = Math.max(seq, m.event.seq);
      if (m.type === "welcome" && m.view) seq = Math.max(seq, m.view.seq);
    }
    return seq;
  }

  get frames(): string {
    return JSON.stringify(this.messages);
  }

  close() {
    this.ws.close();
  }
}
