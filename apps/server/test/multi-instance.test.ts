import { CLOSE_CODES, type RoomView } from "@loopwright/schema";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PostgresStore } from "../src/storage/postgres/postgres-store.js";
import { callJson, getJson, type RunningServer, startServer } from "./helpers.js";
import { startTestPostgres, type TestPostgres } from "./support/postgres-server.js";
import { TestClient } from "./ws-client.js";

/*
 * Two server instances on one PostgreSQL database, each a real Fastify on its
 * own port with its own store, pool and LISTEN connection; nothing is shared
 * between them but the database.
 */
let postgres: TestPostgres;
let a: RunningServer;
let b: RunningServer;
let storeOfB: PostgresStore;
let question: any;
const open: TestClient[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  const env = { DATABASE_URL: await postgres.createDatabase() };
  a = await startServer(env);
  // B's store is opened here so a test can cut its LISTEN connection.
  storeOfB = await PostgresStore.open({ connectionString: env.DATABASE_URL });
  b = await startServer(env, { store: storeOfB });
  const list = (await getJson(`${a.url}/api/questions?competency=org-design`)).body;
  question = (await getJson(`${a.url}/api/questions/${list.questions[0].id}`)).body;
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await storeOfB?.close();
  await postgres?.stop();
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

const call = (server: RunningServer, method: string, path: string, body?: unknown, bearer?: string) =>
  callJson(server.url, method, path, body, bearer);
const post = (server: RunningServer, path: string, body?: unknown, bearer?: string) =>
  call(server, "POST", path, body, bearer);

async function join(
  server: RunningServer,
  sessionId: string,
  credential: string,
  lastSeq: number | null = null,
) {
  const client = await TestClient.join(server.url, sessionId, credential, lastSeq);
  open.push(client);
  return client;
}

/** A fresh join's snapshot: exactly what that participant is shown now, from that instance. */
async function viewOn(server: RunningServer, sessionId: string, credential: string): Promise<RoomView> {
  const client = await join(server, sessionId, credential);
  const welcome = client.messages.find((m) => m.type === "welcome");
  client.close();
  if (welcome?.type !== "welcome" || !welcome.view) throw new Error("no snapshot in the welcome");
  return welcome.view;
}

const eventSeqs = (client: TestClient) =>
  client.messages.flatMap((m) => (m.type === "event" ? [m.event.seq] : []));

describe("two instances on one PostgreSQL", () => {
  it("serve one session: host on A, candidate and observer on B, each sees the other's changes in order", async () => {
    // Created through A; every link is exchanged on the instance its holder uses.
    const created = (
      await post(a, "/api/sessions", { questionId: question.id, hostName: "Hana", candidateName: "Cara" })
    ).body;
    const id = created.sessionId as string;
    const hostCred = (await post(a, "/api/sessions/exchange", { token: created.host.token })).body.credential;
    const coLink = (
      await post(b, `/api/sessions/${id}/links`, { role: "co-interviewer", name: "Cole" }, hostCred)
    ).body;
    const obsLink = (await post(a, `/api/sessions/${id}/links`, { role: "observer", name: "Omar" }, hostCred))
      .body;
    const candCred = (await post(b, "/api/sessions/exchange", { token: created.candidate.token })).body
      .credential;
    const coCred = (await post(a, "/api/sessions/exchange", { token: coLink.token })).body.credential;
    const obsCred = (await post(b, "/api/sessions/exchange", { token: obsLink.token })).body.credential;

    const host = await join(a, id, hostCred);
    const co = await join(a, id, coCred);
    const candidate = await join(b, id, candCred);
    const observer = await join(b, id, obsCred);

    // Presence crosses instances: A's host sees B's candidate online, and B's candidate the host.
    const online = (client: TestClient, participantId: string) =>
      client.waitFor(
        (m) =>
          m.type === "presence" &&
          m.participants.some((p) => p.id === participantId && p.status === "online"),
      );
    await online(host, created.candidate.participant.id);
    await online(candidate, created.host.participant.id);

    const acks: number[] = [];
    const ack = async (client: TestClient, body: Record<string, unknown>) => {
      const reply = await client.intent(body);
      expect(reply).toMatchObject({ type: "ack" });
      if (reply.type === "ack") acks.push(reply.seq);
    };
    await ack(host, { type: "reveal-prompt" });
    await candidate.waitFor((m) => m.type === "event" && m.event.patch.promptRevealed === true);
    await ack(host, { type: "clock", action: "start" });
    await ack(host, { type: "inject-curveball", curveballId: question.guide.curveballs[0].id });
    await candidate.waitFor((m) => m.type === "event" && (m.event.patch.curveballs?.length ?? 0) === 1);
    await ack(candidate, { type: "answer", text: "Clarify: which teams own the platform?", revision: 1 });
    await host.waitFor((m) => m.type === "event" && m.event.patch.answer?.revision === 1);
    await ack(host, { type: "add-note", text: "NOTE-HOST-PRIVATE", shared: false });
    await ack(co, { type: "add-note", text: "NOTE-CO-SHARED", shared: true });

    // Writers on both instances at once: the database orders them, nobody loses a write.
    await Promise.all([
      ack(candidate, { type: "answer", text: "Clarify, then propose three teams.", revision: 2 }),
      ack(host, { type: "add-note", text: "NOTE-HOST-RACE", shared: false }),
      ack(co, { type: "add-note", text: "NOTE-CO-RACE", shared: false }),
    ]);

    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    const scores = Object.fromEntries(dims.map((d: string, i: number) => [d, 2 + (i % 3)]));
    await ack(co, { type: "submit-score", scores, recommendation: "yes", feedback: "FEEDBACK-CO" });
    // Blind: the host on A has not submitted, so the co-interviewer's score (also on A) stays hidden.
    expect(host.frames).not.toContain("FEEDBACK-CO");
    await ack(host, { type: "submit-score", scores, recommendation: "no", feedback: "FEEDBACK-HOST" });
    await host.waitFor((m) => m.type === "event" && JSON.stringify(m).includes("FEEDBACK-CO"));

    // Role isolation on B: until release the candidate and observer get nothing of the panel's.
    for (const who of [candidate, observer]) {
      for (const secret of [
        "NOTE-HOST-PRIVATE",
        "NOTE-CO-SHARED",
        "NOTE-HOST-RACE",
        "FEEDBACK-CO",
        '"scores"',
      ]) {
        expect(who.frames).not.toContain(secret);
      }
      for (const probe of question.guide.probes) expect(who.frames).not.toContain(probe);
    }

    await ack(host, { type: "release" });
    const report = await candidate.waitFor((m) => m.type === "event" && m.event.patch.released === true);
    expect(JSON.stringify(report)).toContain("NOTE-CO-SHARED");
    expect(JSON.stringify(report)).not.toContain("NOTE-HOST-PRIVATE");
    expect(JSON.stringify(report)).not.toContain("NOTE-HOST-RACE");

    // One sequence for the whole session, whichever instance committed: no gaps, no repeats
    // (seq 1 and 2 are the two links the host added before anyone joined).
    expect([...acks].sort((x, y) => x - y)).toEqual(acks.map((_, i) => i + 3));
    const last = Math.max(...acks);
    for (const client of [host, co, candidate, observer]) {
      await client.waitFor((m) => m.type === "event" && m.event.seq === last);
      const seqs = eventSeqs(client);
      expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y));
    }

    // Every participant is shown exactly the same session by either instance.
    for (const credential of [hostCred, coCred, candCred, obsCred]) {
      const fromA = await viewOn(a, id, credential);
      const fromB = await viewOn(b, id, credential);
      expect(fromB).toEqual(fromA);
      expect(fromA.seq).toBe(last);
    }
    const candidateView = await viewOn(a, id, candCred);
    expect(candidateView.answer).toEqual({ text: "Clarify, then propose three teams.", revision: 2 });

    // A revocation made through A closes the observer's socket on B.
    const observerId = obsLink.participant.id;
    expect(
      (await call(a, "DELETE", `/api/sessions/${id}/links/${observerId}`, undefined, hostCred)).status,
    ).toBe(200);
    const closed = await observer.waitForClose();
    expect(closed.code).toBe(CLOSE_CODES.revoked);
  });

  it("closes the candidate's socket on B when the host re-issues their link through A", async () => {
    const created = (
      await post(a, "/api/sessions", { questionId: question.id, hostName: "Hana", candidateName: "Cara" })
    ).body;
    const id = created.sessionId as string;
    const hostCred = (await post(a, "/api/sessions/exchange", { token: created.host.token })).body.credential;
    const candCred = (await post(b, "/api/sessions/exchange", { token: created.candidate.token })).body
      .credential;
    const candidate = await join(b, id, candCred);
    await candidate.intent({ type: "answer", text: "Written on B.", revision: 1 });
    const reissued = await post(
      a,
      `/api/sessions/${id}/links/${created.candidate.participant.id}/reissue`,
      undefined,
      hostCred,
    );
    expect(reissued.status).toBe(201);
    expect((await candidate.waitForClose()).code).toBe(CLOSE_CODES.linkReplaced);
    // B refuses the old link too, and the new one joins there as the same candidate.
    expect((await post(b, "/api/sessions/exchange", { token: created.candidate.token })).status).toBe(401);
    const fresh = (await post(b, "/api/sessions/exchange", { token: reissued.body.token })).body;
    const view = await viewOn(b, id, fresh.credential);
    expect(view.you.id).toBe(created.candidate.participant.id);
    expect(view.answer.text).toBe("Written on B.");
  });

  it("resumes a participant on the other instance with the events it missed", async () => {
    const created = (
      await post(a, "/api/sessions", { questionId: question.id, hostName: "Hana", candidateName: "Cara" })
    ).body;
    const id = created.sessionId as string;
    const hostCred = (await post(a, "/api/sessions/exchange", { token: created.host.token })).body.credential;
    const candCred = (await post(a, "/api/sessions/exchange", { token: created.candidate.token })).body
      .credential;
    const host = await join(a, id, hostCred);
    const candidate = await join(a, id, candCred);
    await host.intent({ type: "reveal-prompt" });
    await candidate.waitFor((m) => m.type === "event" && m.event.patch.promptRevealed === true);
    const seen = candidate.lastSeq;
    candidate.close();
    await host.intent({ type: "clock", action: "start" });
    await host.intent({ type: "inject-curveball", curveballId: question.guide.curveballs[0].id });
    await host.intent({ type: "add-note", text: "not for the candidate", shared: false });
    const back = await join(b, id, candCred, seen);
    expect(back.messages.find((m) => m.type === "welcome")).toMatchObject({ mode: "replay" });
    await back.waitFor((m) => m.type === "event" && (m.event.patch.curveballs?.length ?? 0) > 0);
    expect(back.messages.flatMap((m) => (m.type === "event" ? [m.event.kind] : []))).toEqual([
      "clock",
      "inject-curveball",
    ]);
    expect(back.frames).not.toContain("not for the candidate");
  });

  it("catches up from the log after missing notifications while its LISTEN connection was down", async () => {
    const created = (
      await post(a, "/api/sessions", { questionId: question.id, hostName: "Hana", candidateName: "Cara" })
    ).body;
    const id = created.sessionId as string;
    const hostCred = (await post(a, "/api/sessions/exchange", { token: created.host.token })).body.credential;
    const candCred = (await post(b, "/api/sessions/exchange", { token: created.candidate.token })).body
      .credential;
    const host = await join(a, id, hostCred);
    const candidate = await join(b, id, candCred);
    storeOfB.bus.dropConnectionForTest();
    await host.intent({ type: "reveal-prompt" });
    await host.intent({ type: "clock", action: "start" });
    // B reconnects, LISTENs again, and reads what it missed by sequence number.
    await candidate.waitFor((m) => m.type === "event" && m.event.patch.promptRevealed === true, 10_000);
    await candidate.waitFor((m) => m.type === "event" && m.event.patch.clock?.startedAt != null, 10_000);
  });
});

describe("practice and calibration on two instances", () => {
  it("autosaves an answer through one instance and reads it back through the other", async () => {
    const key = (await post(a, "/api/practitioners")).body;
    const headers = { authorization: `Bearer ${key.key}` };
    const start = await getJson(`${b.url}/api/attempts`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ questionId: question.id }),
    });
    expect(start.status).toBe(201);
    const attemptId = start.body.id;
    expect(start.body.status).toBe("active");
    const save = (server: RunningServer, text: string, revision: number) =>
      getJson(`${server.url}/api/attempts/${attemptId}/answer`, {
        method: "PUT",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ text, revision }),
      });
    // Saves racing through both instances: the newest revision wins, wherever it landed.
    const results = await Promise.all([
      save(a, "draft one", 1),
      save(b, "draft two", 2),
      save(a, "draft three", 3),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await save(b, "late draft", 2)).toMatchObject({ body: { applied: false, revision: 3 } });
    const read = await getJson(`${a.url}/api/attempts/${attemptId}`, { headers });
    expect(read.body.answer).toMatchObject({ text: "draft three", revision: 3 });
  });

  it("scores a calibration exercise from both instances at once and opens the results once the panel is done", async () => {
    const ws = (await post(a, "/api/workspaces", { name: "Platform hiring", adminName: "Maya" })).body;
    const admin = (await post(b, "/api/workspaces/sessions", { token: ws.adminToken })).body.credential;
    const wsId = ws.workspace.id as string;
    const interviewers: { id: string; credential: string; server: RunningServer }[] = [];
    for (const [name, server] of [
      ["Ana", a],
      ["Ben", b],
    ] as const) {
      const made = (await post(a, `/api/workspaces/${wsId}/members`, { name }, admin)).body;
      const session = (await post(server, "/api/workspaces/sessions", { token: made.token })).body;
      interviewers.push({ id: made.member.id, credential: session.credential, server });
    }
    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    // Submitted at the same moment through different instances: whichever lands last sees the
    // other's submission and opens the results, and both instances then show them.
    for (let round = 0; round < 5; round++) {
      const exercise = (
        await post(
          b,
          `/api/workspaces/${wsId}/exercises`,
          {
            name: `Bar ${round}`,
            items: question.examples.map((e: { id: string }) => ({
              kind: "example",
              questionId: question.id,
              exampleId: e.id,
            })),
            interviewerIds: interviewers.map((i) => i.id),
          },
          admin,
        )
      ).body;
      const scores = exercise.items.flatMap((item: { id: string }) =>
        dims.map((dimension: string) => ({ itemId: item.id, dimension, score: 3 })),
      );
      const submitted = await Promise.all(
        interviewers.map((i) =>
          call(
            i.server,
            "PUT",
            `/api/workspaces/${wsId}/exercises/${exercise.id}/scores`,
            { round: 1, scores, submit: true },
            i.credential,
          ),
        ),
      );
      expect(submitted.map((r) => r.status)).toEqual([200, 200]);
      for (const server of [a, b]) {
        const results = await call(
          server,
          "GET",
          `/api/workspaces/${wsId}/exercises/${exercise.id}/results`,
          undefined,
          admin,
        );
        expect(results.status, `exercise ${round} on ${server.url}`).toBe(200);
      }
    }
  });
});
