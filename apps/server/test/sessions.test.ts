import { CLOSE_CODES, MAX_FRAME_BYTES, PROTOCOL_VERSION } from "@loopwright/schema";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { callJson, getJson, type RunningServer, startServer } from "./helpers.js";
import { TestClient } from "./ws-client.js";

let server: RunningServer;
let question: any;
const open: TestClient[] = [];

beforeAll(async () => {
  server = await startServer();
  const list = (await getJson(`${server.url}/api/questions?competency=org-design`)).body;
  question = (await getJson(`${server.url}/api/questions/${list.questions[0].id}`)).body;
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

const post = (path: string, body?: unknown, bearer?: string) =>
  callJson(server.url, "POST", path, body, bearer);

/** A session with host, candidate, co-interviewer and observer, each joined over a real socket. */
async function room() {
  const created = (
    await post("/api/sessions", { questionId: question.id, hostName: "Hana", candidateName: "Cara" })
  ).body;
  const cred = async (token: string) =>
    (await post("/api/sessions/exchange", { token })).body.credential as string;
  const hostCred = await cred(created.host.token);
  const co = (
    await post(`/api/sessions/${created.sessionId}/links`, { role: "co-interviewer", name: "Cole" }, hostCred)
  ).body;
  const obs = (
    await post(`/api/sessions/${created.sessionId}/links`, { role: "observer", name: "Omar" }, hostCred)
  ).body;
  const creds = {
    host: hostCred,
    candidate: await cred(created.candidate.token),
    co: await cred(co.token),
    observer: await cred(obs.token),
  };
  const clients = {
    host: await TestClient.join(server.url, created.sessionId, creds.host),
    candidate: await TestClient.join(server.url, created.sessionId, creds.candidate),
    co: await TestClient.join(server.url, created.sessionId, creds.co),
    observer: await TestClient.join(server.url, created.sessionId, creds.observer),
  };
  open.push(...Object.values(clients));
  return { id: created.sessionId as string, creds, clients, created };
}

describe("session links", () => {
  it("are 256-bit secrets exchanged for credentials; a bad or revoked one is refused", async () => {
    const { created, creds, id } = await room();
    expect(created.host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await post("/api/sessions/exchange", { token: "A".repeat(43) })).status).toBe(401);
    const participants = (
      await getJson(`${server.url}/api/sessions/${id}/participants`, {
        headers: { authorization: `Bearer ${creds.host}` },
      })
    ).body.participants;
    const observer = participants.find((p: { role: string }) => p.role === "observer");
    const revoke = await getJson(`${server.url}/api/sessions/${id}/links/${observer.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${creds.host}` },
    });
    expect(revoke.status).toBe(200);
    const asCandidate = await post(
      `/api/sessions/${id}/links`,
      { role: "observer", name: "X" },
      creds.candidate,
    );
    expect(asCandidate.status).toBe(403);
  });

  it("closes a revoked participant's socket with a reason", async () => {
    const { creds, id, clients } = await room();
    const participants = (
      await getJson(`${server.url}/api/sessions/${id}/participants`, {
        headers: { authorization: `Bearer ${creds.host}` },
      })
    ).body.participants;
    const observer = participants.find((p: { role: string }) => p.role === "observer");
    await getJson(`${server.url}/api/sessions/${id}/links/${observer.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${creds.host}` },
    });
    const closed = await clients.observer.waitForClose();
    expect(closed.code).toBe(CLOSE_CODES.revoked);
    expect(closed.reason).toContain("revoked");
  });
});

describe("the handshake", () => {
  it("refuses an incompatible protocol version with a close code and a reason (P-HS-1)", async () => {
    const { id, creds } = await room();
    const client = await TestClient.open(server.url, id);
    client.sendRaw({ type: "hello", protocol: PROTOCOL_VERSION + 1, credential: creds.host });
    const closed = await client.waitForClose();
    expect(closed.code).toBe(CLOSE_CODES.protocolVersion);
    expect(closed.reason).toContain(`this server speaks ${PROTOCOL_VERSION}`);
  });

  it("refuses a credential for another session and an upgrade from another site (P-LIM-1)", async () => {
    const a = await room();
    const b = await room();
    const client = await TestClient.open(server.url, a.id);
    client.sendRaw({ type: "hello", protocol: PROTOCOL_VERSION, credential: b.creds.host });
    expect((await client.waitForClose()).code).toBe(CLOSE_CODES.unauthorized);
    await expect(TestClient.open(server.url, a.id, "https://evil.example")).rejects.toThrow("403");
  });
});

describe("role isolation over real sockets", () => {
  it("sends the candidate and observer no notes, scores, probes or uninjected curveballs before release", async () => {
    const { clients } = await room();
    await clients.host.intent({ type: "add-note", text: "NOTE-HOST-PRIVATE", shared: false });
    await clients.co.intent({ type: "add-note", text: "NOTE-CO-SHARED", shared: true });
    await clients.host.intent({ type: "reveal-prompt" });
    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    const scores = Object.fromEntries(dims.map((d: string) => [d, 3]));
    await clients.co.intent({ type: "submit-score", scores, recommendation: "yes", feedback: "FEEDBACK-CO" });
    await clients.candidate.intent({ type: "answer", text: "my answer", revision: 1 });
    await clients.host.waitFor((m) => m.type === "event" && m.event.patch.answer?.text === "my answer");
    for (const who of [clients.candidate, clients.observer]) {
      for (const secret of [
        "NOTE-HOST-PRIVATE",
        "NOTE-CO-SHARED",
        "FEEDBACK-CO",
        '"scores"',
        '"submittedBy"',
      ]) {
        expect(who.frames).not.toContain(secret);
      }
      for (const probe of question.guide.probes) expect(who.frames).not.toContain(probe);
      for (const c of question.guide.curveballs) expect(who.frames).not.toContain(c.lookFor);
    }
    // The host has not submitted, so the co-interviewer's score stays hidden from them too.
    expect(clients.host.frames).not.toContain("FEEDBACK-CO");
    await clients.host.intent({
      type: "submit-score",
      scores,
      recommendation: "no",
      feedback: "FEEDBACK-HOST",
    });
    await clients.host.waitFor((m) => m.type === "event" && JSON.stringify(m).includes("FEEDBACK-CO"));
    await clients.host.intent({ type: "release" });
    const report = await clients.candidate.waitFor(
      (m) => m.type === "event" && m.event.patch.released === true,
    );
    expect(JSON.stringify(report)).toContain("FEEDBACK-CO");
    expect(JSON.stringify(report)).toContain("NOTE-CO-SHARED");
    expect(JSON.stringify(report)).not.toContain("NOTE-HOST-PRIVATE");
  });
});

describe("bad input", () => {
  it("answers malformed, invalid and forbidden messages with an error frame and changes nothing", async () => {
    const { clients } = await room();
    clients.candidate.sendRaw("{not json");
    expect(await clients.candidate.waitFor((m) => m.type === "error")).toMatchObject({ code: "bad-frame" });
    const unknown = await clients.candidate.intent({ type: "make-coffee" });
    expect(unknown).toMatchObject({ type: "error", code: "invalid-message" });
    const bad = await clients.candidate.intent({ type: "answer", text: 42, revision: 1 });
    expect(bad).toMatchObject({ type: "error", code: "invalid-message" });
    expect((bad as { message: string }).message).toContain("text");
    const forbidden = await clients.candidate.intent({ type: "release" });
    expect(forbidden).toMatchObject({ type: "error", code: "forbidden" });
    expect(clients.host.frames).not.toContain('"released":true');
    // The socket survives all of that.
    expect((await clients.candidate.intent({ type: "answer", text: "still here", revision: 1 })).type).toBe(
      "ack",
    );
  });

  it("closes only the socket that sends an oversized frame, floods (P-LIM-2), or keeps sending garbage", async () => {
    const { clients } = await room();
    clients.observer.sendRaw(
      JSON.stringify({ type: "ping", clientTime: 1, pad: "x".repeat(MAX_FRAME_BYTES) }),
    );
    expect((await clients.observer.waitForClose()).code).toBe(CLOSE_CODES.tooLarge);

    for (let i = 0; i < 200; i++) clients.co.sendRaw({ type: "ping", clientTime: i });
    expect((await clients.co.waitForClose()).code).toBe(CLOSE_CODES.rateLimited);

    for (let i = 0; i < 12; i++) clients.candidate.sendRaw(`garbage ${i}`);
    expect((await clients.candidate.waitForClose()).code).toBe(CLOSE_CODES.tooManyInvalid);

    // The host's socket is untouched.
    const pong = clients.host.waitFor((m) => m.type === "pong");
    clients.host.sendRaw({ type: "ping", clientTime: 5 });
    expect(await pong).toMatchObject({ type: "pong", clientTime: 5 });
  });
});

describe("reconnecting", () => {
  it("receives exactly the events it missed, then carries on live", async () => {
    const { id, creds, clients } = await room();
    await clients.host.intent({ type: "reveal-prompt" });
    await clients.candidate.waitFor((m) => m.type === "event" && m.event.patch.promptRevealed === true);
    const seen = clients.candidate.lastSeq;
    clients.candidate.close();
    await clients.host.intent({ type: "clock", action: "start" });
    await clients.host.intent({ type: "inject-curveball", curveballId: question.guide.curveballs[0].id });
    await clients.host.intent({ type: "add-note", text: "not for the candidate", shared: false });
    const back = await TestClient.join(server.url, id, creds.candidate, seen);
    open.push(back);
    const welcome = back.messages.find((m) => m.type === "welcome");
    expect(welcome).toMatchObject({ mode: "replay" });
    await back.waitFor((m) => m.type === "event" && (m.event.patch.curveballs?.length ?? 0) > 0);
    const kinds = back.messages.flatMap((m) => (m.type === "event" ? [m.event.kind] : []));
    expect(kinds).toEqual(["clock", "inject-curveball"]);
  });

  it("applies an operation retried after a reconnect exactly once", async () => {
    const { id, creds, clients } = await room();
    const first = await clients.host.intent(
      { type: "add-note", text: "evidence at 12:00", shared: false },
      "retry-op-123456",
    );
    clients.host.close();
    const back = await TestClient.join(server.url, id, creds.host);
    open.push(back);
    const again = await back.intent(
      { type: "add-note", text: "evidence at 12:00", shared: false },
      "retry-op-123456",
    );
    expect(again).toEqual(first);
    const fresh = await TestClient.join(server.url, id, creds.host);
    open.push(fresh);
    const view = fresh.messages.find((m) => m.type === "welcome");
    expect(
      view?.type === "welcome" && view.view?.notes?.filter((n) => n.text === "evidence at 12:00"),
    ).toHaveLength(1);
  });
});

describe("a mini loop of several questions", () => {
  it("moves everyone on to the next question in the same roles, and refuses the same question twice", async () => {
    const list = (await getJson(`${server.url}/api/questions?competency=strategic-leadership`)).body;
    const second = list.questions[0].id;
    const twice = await post("/api/sessions", {
      questionId: question.id,
      followUpQuestionIds: [question.id],
      hostName: "Hana",
      candidateName: "Cara",
    });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain("same question twice");

    const created = (
      await post("/api/sessions", {
        questionId: question.id,
        followUpQuestionIds: [second],
        hostName: "Hana",
        candidateName: "Cara",
      })
    ).body;
    const hostCred = (await post("/api/sessions/exchange", { token: created.host.token })).body.credential;
    const candCred = (await post("/api/sessions/exchange", { token: created.candidate.token })).body
      .credential;
    const host = await TestClient.join(server.url, created.sessionId, hostCred);
    open.push(host);
    const welcome = host.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.view?.sequence).toEqual({ position: 1, total: 2 });
    // The interviewers learn which question comes next; the candidate does not (P-VIEW-2).
    expect(welcome?.type === "welcome" && welcome.view?.upcomingQuestionIds).toEqual([second]);
    const cand = await TestClient.join(server.url, created.sessionId, candCred);
    open.push(cand);
    const candWelcome = cand.messages.find((m) => m.type === "welcome");
    expect(candWelcome?.type === "welcome" && candWelcome.view).toBeTruthy();
    expect(candWelcome?.type === "welcome" && candWelcome.view?.upcomingQuestionIds).toBeUndefined();
    expect(JSON.stringify(cand.messages)).not.toContain(second);

    expect((await post(`/api/sessions/${created.sessionId}/next`, undefined, hostCred)).status).toBe(409);
    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    await host.intent({
      type: "submit-score",
      scores: Object.fromEntries(dims.map((d: string) => [d, 3])),
      recommendation: "yes",
      feedback: "",
    });
    await host.intent({ type: "release" });
    const next = await post(`/api/sessions/${created.sessionId}/next`, undefined, hostCred);
    expect(next.status).toBe(200);
    await host.waitFor((m) => m.type === "event" && m.event.patch.advancedTo === next.body.sessionId);

    const mine = (await post(`/api/sessions/${created.sessionId}/swap-link`, undefined, candCred)).body;
    expect(mine.participant.role).toBe("candidate");
    const theirs = (await post(`/api/sessions/${created.sessionId}/swap-link`, undefined, hostCred)).body;
    expect(theirs.participant.role).toBe("host");
    const q2 = await TestClient.join(server.url, next.body.sessionId, theirs.credential);
    open.push(q2);
    const view = (q2.messages.find((m) => m.type === "welcome") as any).view;
    expect(view.questionId).toBe(second);
    expect(view.sequence).toEqual({ position: 2, total: 2 });
    expect(view.upcomingQuestionIds).toEqual([]);
    // The last question has nowhere further to go.
    await q2.intent({
      type: "submit-score",
      scores: Object.fromEntries(
        (await getJson(`${server.url}/api/questions/${second}`)).body.rubric.dimensions.map(
          (d: { id: string }) => [d.id, 2],
        ),
      ),
      recommendation: "no",
      feedback: "",
    });
    await q2.intent({ type: "release" });
    const beyond = await post(`/api/sessions/${next.body.sessionId}/next`, undefined, theirs.credential);
    expect(beyond.status).toBe(409);
    expect(beyond.body.message).toContain("last question");
    // One interviewer is no panel.
    const solo = await getJson(`${server.url}/api/sessions/${next.body.sessionId}/agreement`, {
      headers: { authorization: `Bearer ${theirs.credential}` },
    });
    expect(solo.status).toBe(409);
    expect(solo.body.message).toContain("at least two interviewers");
  });
});

describe("panel agreement in a peer session", () => {
  it("is shown to interviewers after release, never to the candidate", async () => {
    const { id, creds, clients } = await room();
    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    const early = await getJson(`${server.url}/api/sessions/${id}/agreement`, {
      headers: { authorization: `Bearer ${creds.host}` },
    });
    expect(early.status).toBe(409);
    await clients.host.intent({
      type: "submit-score",
      scores: Object.fromEntries(dims.map((d: string) => [d, 4])),
      recommendation: "strong-yes",
      feedback: "",
    });
    await clients.co.intent({
      type: "submit-score",
      scores: Object.fromEntries(dims.map((d: string) => [d, 2])),
      recommendation: "no",
      feedback: "",
    });
    await clients.host.intent({ type: "release" });
    const { status, body } = await getJson(`${server.url}/api/sessions/${id}/agreement`, {
      headers: { authorization: `Bearer ${creds.co}` },
    });
    expect(status).toBe(200);
    const analysis = body.rounds[0].analysis;
    expect(analysis.raters.map((r: { rater: string }) => r.rater).sort()).toEqual(["Cole", "Hana"]);
    expect(analysis.raters.find((r: { rater: string }) => r.rater === "Cole").meanOffset).toBe(-2);
    expect(analysis.flags.some((f: { kind: string }) => f.kind === "split-answer")).toBe(true);
    const asCandidate = await getJson(`${server.url}/api/sessions/${id}/agreement`, {
      headers: { authorization: `Bearer ${creds.candidate}` },
    });
    expect(asCandidate.status).toBe(403);
  });
});

describe("role swap", () => {
  it("creates the mirrored session and hands each person their new link", async () => {
    const { id, creds, clients } = await room();
    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    await clients.host.intent({
      type: "submit-score",
      scores: Object.fromEntries(dims.map((d: string) => [d, 2])),
      recommendation: "no",
      feedback: "",
    });
    expect((await post(`/api/sessions/${id}/swap`, undefined, creds.host)).status).toBe(409);
    await clients.host.intent({ type: "release" });
    const swap = await post(`/api/sessions/${id}/swap`, undefined, creds.host);
    expect(swap.status).toBe(200);
    await clients.candidate.waitFor(
      (m) => m.type === "event" && m.event.patch.swappedTo === swap.body.sessionId,
    );
    const mine = await post(`/api/sessions/${id}/swap-link`, undefined, creds.candidate);
    expect(mine.status).toBe(201);
    expect(mine.body.participant.role).toBe("host");
    expect(mine.body.sessionId).toBe(swap.body.sessionId);
    const theirs = await post(`/api/sessions/${id}/swap-link`, undefined, creds.host);
    expect(theirs.body.participant.role).toBe("candidate");
    const newHost = await TestClient.join(server.url, swap.body.sessionId, mine.body.credential);
    open.push(newHost);
    const welcome = newHost.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.view?.questionId).not.toBe(question.id);
    // The fresh link works too.
    expect((await post("/api/sessions/exchange", { token: mine.body.token })).status).toBe(201);
  });
});

describe("scheduled start", () => {
  const base = () => ({ questionId: question.id, hostName: "Hana", candidateName: "Cara" });

  it("is kept with the session and reaches every participant's view", async () => {
    const at = new Date(Date.now() + 2 * 86_400_000);
    at.setUTCSeconds(0, 0);
    const created = await post("/api/sessions", {
      ...base(),
      scheduledStart: at.toISOString().replace(".000", ""),
    });
    expect(created.status).toBe(201);
    const cred = async (token: string) =>
      (await post("/api/sessions/exchange", { token })).body.credential as string;
    for (const token of [created.body.host.token, created.body.candidate.token]) {
      const client = await TestClient.join(server.url, created.body.sessionId, await cred(token));
      open.push(client);
      const welcome = client.messages.find((m) => m.type === "welcome");
      expect(welcome?.type === "welcome" && welcome.view?.scheduledStart).toBe(at.toISOString());
    }
  });

  it("is null when the host leaves it out", async () => {
    const { clients } = await room();
    const welcome = clients.candidate.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.view?.scheduledStart).toBeNull();
  });

  it("is refused with a clear message when malformed, already past or after the links expire", async () => {
    const malformed = await post("/api/sessions", { ...base(), scheduledStart: "3 Dec 2026 16:00" });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain("UTC date and time");
    const past = await post("/api/sessions", {
      ...base(),
      scheduledStart: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain("already passed");
    const tooLate = await post("/api/sessions", {
      ...base(),
      scheduledStart: new Date(Date.now() + 400 * 86_400_000).toISOString(),
    });
    expect(tooLate.status).toBe(400);
    expect(JSON.stringify(tooLate.body)).toContain("scheduled start must be before");
  });
});

describe("role swap onto a question the host chose", () => {
  it("uses the chosen question, and refuses the same one or an unknown one", async () => {
    const { id, creds, clients } = await room();
    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    await clients.host.intent({
      type: "submit-score",
      scores: Object.fromEntries(dims.map((d: string) => [d, 3])),
      recommendation: "yes",
      feedback: "",
    });
    await clients.host.intent({ type: "release" });
    const list = (await getJson(`${server.url}/api/questions?competency=strategic-leadership`)).body;
    const chosen = list.questions[1].id as string;
    expect((await post(`/api/sessions/${id}/swap`, { questionId: question.id }, creds.host)).status).toBe(
      400,
    );
    expect(
      (await post(`/api/sessions/${id}/swap`, { questionId: "no-such-question" }, creds.host)).status,
    ).toBe(400);
    const swap = await post(`/api/sessions/${id}/swap`, { questionId: chosen }, creds.host);
    expect(swap.status).toBe(200);
    const mine = await post(`/api/sessions/${id}/swap-link`, undefined, creds.candidate);
    const newHost = await TestClient.join(server.url, swap.body.sessionId, mine.body.credential);
    open.push(newHost);
    const welcome = newHost.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.view?.questionId).toBe(chosen);
  });
});
