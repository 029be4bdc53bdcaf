import type { RoomView } from "@loopwright/schema";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, ServerProcess } from "./server-process.js";
import { startTestPostgres, type TestPostgres } from "./support/postgres-server.js";
import { TestClient } from "./ws-client.js";

const KILLS = 20;

/** A small seeded generator (mulberry32), so a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One person in the session: their socket, and every operation they sent and what became of it. */
class Person {
  client: TestClient | null = null;
  on = 0;
  lastSeq: number | null = null;
  readonly pending = new Map<string, Record<string, unknown>>();
  readonly acked = new Map<string, number>();
  private counter = 0;

  constructor(
    readonly name: string,
    readonly credential: string,
  ) {}

  /** Sends an operation; it stays pending until its ack arrives, on this socket or a later one. */
  send(body: Record<string, unknown>): void {
    const opId = `${this.name}-${++this.counter}-op`;
    this.pending.set(opId, body);
    this.transmit(opId, body);
  }

  private transmit(opId: string, body: Record<string, unknown>): void {
    const client = this.client;
    if (!client || client.closed) return;
    client.sendRaw({ opId, ...body });
    client
      .waitFor((m) => m.type === "ack" && m.opId === opId, 15_000)
      .then((m) => {
        if (m.type !== "ack") return;
        this.pending.delete(opId);
        this.acked.set(opId, m.seq);
      })
      .catch(() => undefined); // the socket closed first: resent after reconnecting
  }

  async connect(server: ServerProcess, sessionId: string, index: number): Promise<void> {
    this.client = await TestClient.join(server.url, sessionId, this.credential, this.lastSeq);
    this.on = index;
    // The client's side of the protocol: everything not acknowledged is sent again, same opId.
    for (const [opId, body] of this.pending) this.transmit(opId, body);
  }

  /** Remembers how far this socket got, then lets it go. */
  detach(): void {
    if (this.client) this.lastSeq = Math.max(this.lastSeq ?? 0, this.client.lastSeq);
    this.client?.close();
    this.client = null;
  }

  async settled(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0) {
      if (Date.now() > deadline) throw new Error(`${this.name} still waits for ${[...this.pending.keys()]}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe("two instances, one killed with kill -9 over and over", () => {
  let postgres: TestPostgres;
  const servers: ServerProcess[] = [];
  const people: Person[] = [];

  afterAll(async () => {
    for (const p of people) p.detach();
    for (const s of servers) await s.kill();
    await postgres?.stop();
  });

  it(`loses no acknowledged write across ${KILLS} kills, and the clients resume on the other instance`, async () => {
    const seed = Number(process.env.KILL_SEED ?? Date.now() % 100_000);
    const rand = random(seed);
    postgres = await startTestPostgres();
    const env = { DATABASE_URL: await postgres.createDatabase() };
    for (let i = 0; i < 2; i++) servers.push(new ServerProcess(await freePort(), env));
    await Promise.all(servers.map((s) => s.start()));
    const [first] = servers as [ServerProcess];

    const post = async (path: string, body: unknown) =>
      (
        await fetch(`${first.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        })
      ).json() as Promise<any>;
    const list: any = await (await fetch(`${first.url}/api/questions?competency=org-design`)).json();
    const created = await post("/api/sessions", {
      questionId: list.questions[0].id,
      hostName: "Hana",
      candidateName: "Cara",
    });
    const sessionId = created.sessionId as string;
    const host = new Person(
      "host",
      (await post("/api/sessions/exchange", { token: created.host.token })).credential,
    );
    const candidate = new Person(
      "cand",
      (await post("/api/sessions/exchange", { token: created.candidate.token })).credential,
    );
    people.push(host, candidate);
    await host.connect(servers[0] as ServerProcess, sessionId, 0);
    await candidate.connect(servers[1] as ServerProcess, sessionId, 1);
    host.send({ type: "reveal-prompt" });
    host.send({ type: "clock", action: "start" });
    await host.settled();

    const notes: string[] = [];
    const answers = new Map<string, number>();
    let revision = 0;
    let inFlightAtKill = 0;

    for (let kill = 1; kill <= KILLS; kill++) {
      // Writes in flight from both instances, then one instance dies at a random moment among them.
      for (let k = 0; k < 3; k++) {
        const text = `note ${kill}.${k}`;
        notes.push(text);
        host.send({ type: "add-note", text, shared: k % 2 === 0 });
        revision++;
        candidate.send({ type: "answer", text: `answer at revision ${revision}`, revision });
        answers.set(`cand-${revision}`, revision);
      }
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 40)));
      const victim = Math.floor(rand() * 2);
      const survivor = 1 - victim;
      await (servers[victim] as ServerProcess).kill();
      inFlightAtKill += people.reduce((sum, p) => sum + p.pending.size, 0);

      // Whoever was on the dead instance resumes on the survivor, from the seq they had seen.
      for (const person of people) {
        if (person.on === victim) {
          person.detach();
          await person.connect(servers[survivor] as ServerProcess, sessionId, survivor);
        }
      }
      await Promise.all(people.map((p) => p.settled()));
      await (servers[victim] as ServerProcess).start();

      // Every acknowledged write is there, exactly once, seen from either instance.
      for (const server of servers) {
        const check = await TestClient.join(server.url, sessionId, host.credential);
        const welcome = check.messages.find((m) => m.type === "welcome");
        check.close();
        const view = (welcome?.type === "welcome" ? welcome.view : undefined) as RoomView;
        expect(
          view.notes?.map((n) => n.text),
          `seed ${seed}, kill ${kill}`,
        ).toEqual(notes);
        expect(view.answer, `seed ${seed}, kill ${kill}`).toEqual({
          text: `answer at revision ${revision}`,
          revision,
        });
      }
      // Sometimes both people end up on one instance, sometimes on both: move one back across.
      if (rand() < 0.5) {
        const mover = people[Math.floor(rand() * 2)] as Person;
        const target = 1 - mover.on;
        mover.detach();
        await mover.connect(servers[target] as ServerProcess, sessionId, target);
      }
    }

    // The kills did land among unacknowledged writes, which were then sent again and applied once.
    expect(inFlightAtKill, `seed ${seed}`).toBeGreaterThan(0);
    expect(host.pending.size + candidate.pending.size).toBe(0);
    // Each socket's events came in order, none twice, across the reconnects.
    for (const person of people) {
      const events = (person.client as TestClient).messages.flatMap((m) =>
        m.type === "event" ? [m.event.seq] : [],
      );
      expect(events).toEqual([...new Set(events)].sort((x, y) => x - y));
    }
  }, 240_000);
});
