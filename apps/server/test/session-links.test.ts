import { CLOSE_CODES, LINK_REPLACED_MESSAGE, PROTOCOL_VERSION } from "@loopwright/schema";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { callJson, getJson, type RunningServer, startServer } from "./helpers.js";
import { TestClient } from "./ws-client.js";

let server: RunningServer;
let questionId: string;
const open: TestClient[] = [];

beforeAll(async () => {
  server = await startServer();
  const list = (await getJson(`${server.url}/api/questions?competency=org-design`)).body;
  questionId = list.questions[0].id;
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

const request = (method: string, path: string, body?: unknown, bearer?: string) =>
  callJson(server.url, method, path, body, bearer);
const post = (path: string, body?: unknown, bearer?: string) => request("POST", path, body, bearer);
const exchange = (token: string) => post("/api/sessions/exchange", { token });

async function session() {
  const created = (await post("/api/sessions", { questionId, hostName: "Hana", candidateName: "Cara" })).body;
  const id = created.sessionId as string;
  const host = (await exchange(created.host.token)).body.credential as string;
  const candidate = (await exchange(created.candidate.token)).body.credential as string;
  const observerLink = (await post(`/api/sessions/${id}/links`, { role: "observer", name: "Omar" }, host))
    .body;
  const observer = (await exchange(observerLink.token)).body.credential as string;
  const join = async (credential: string) => {
    const client = await TestClient.join(server.url, id, credential);
    open.push(client);
    return client;
  };
  return { id, created, host, candidate, observer, observerLink, join };
}

const reissue = (id: string, participantId: string, bearer: string) =>
  post(`/api/sessions/${id}/links/${participantId}/reissue`, undefined, bearer);

describe("re-issuing a participant's link", () => {
  it("gives the same participant a new link; the old link, its credential and its socket stop at once", async () => {
    const s = await session();
    const candidateId = s.created.candidate.participant.id as string;
    const cand = await s.join(s.candidate);
    const answer = await cand.intent({ type: "answer", text: "## Clarify\nWho decides?", revision: 1 });
    expect(answer.type).toBe("ack");

    const { status, body } = await reissue(s.id, candidateId, s.host);
    expect(status).toBe(201);
    expect(body.participant).toEqual({ id: candidateId, name: "Cara", role: "candidate" });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.token).not.toBe(s.created.candidate.token);
    expect(Date.parse(body.reissuedAt)).not.toBeNaN();

    // The open socket of the old link is closed with the reason the page shows.
    const closed = await cand.waitForClose();
    expect(closed).toEqual({ code: CLOSE_CODES.linkReplaced, reason: LINK_REPLACED_MESSAGE });

    // The old link and the credential traded for it are refused, saying why.
    const old = await exchange(s.created.candidate.token);
    expect(old.status).toBe(401);
    expect(old.body.message).toBe(LINK_REPLACED_MESSAGE);
    const oldCredential = await request("GET", `/api/sessions/${s.id}/agreement`, undefined, s.candidate);
    expect(oldCredential.status).toBe(401);
    expect(oldCredential.body.message).toBe(LINK_REPLACED_MESSAGE);
    const again = await TestClient.open(server.url, s.id);
    open.push(again);
    again.sendRaw({ type: "hello", protocol: PROTOCOL_VERSION, credential: s.candidate, lastSeq: null });
    expect(await again.waitForClose()).toEqual({
      code: CLOSE_CODES.linkReplaced,
      reason: LINK_REPLACED_MESSAGE,
    });

    // The new link joins as the same participant, the answer written before intact.
    const fresh = await exchange(body.token);
    expect(fresh.status).toBe(201);
    expect(fresh.body.participant).toEqual({ id: candidateId, name: "Cara", role: "candidate" });
    const back = await s.join(fresh.body.credential);
    const welcome = back.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.view?.you.id).toBe(candidateId);
    expect(welcome?.type === "welcome" && welcome.view?.answer).toEqual({
      text: "## Clarify\nWho decides?",
      revision: 1,
    });

    // The host's list shows when the link was re-issued; the others stayed connected.
    const listed = (await request("GET", `/api/sessions/${s.id}/participants`, undefined, s.host)).body;
    const entry = listed.participants.find((p: { id: string }) => p.id === candidateId);
    expect(entry).toMatchObject({ revoked: false, linkReissuedAt: body.reissuedAt });
    expect(listed.participants.filter((p: { id: string }) => p.id === candidateId)).toHaveLength(1);
    const stillHost = await request("GET", `/api/sessions/${s.id}/participants`, undefined, s.host);
    expect(stillHost.status).toBe(200);
  });

  it("works for observers too and leaves everyone else's link and socket alone", async () => {
    const s = await session();
    const cand = await s.join(s.candidate);
    const obs = await s.join(s.observer);
    const { status, body } = await reissue(s.id, s.observerLink.participant.id, s.host);
    expect(status).toBe(201);
    expect(body.participant.role).toBe("observer");
    expect((await obs.waitForClose()).code).toBe(CLOSE_CODES.linkReplaced);
    await cand.intent({ type: "answer", text: "still here", revision: 1 });
    expect(cand.closed).toBeNull();
    expect((await exchange(s.created.candidate.token)).status).toBe(201);
    expect((await exchange(s.observerLink.token)).body.message).toBe(LINK_REPLACED_MESSAGE);
  });

  it("is for the host only, within their own session, and not for a revoked link", async () => {
    const a = await session();
    const b = await session();
    const candidateId = a.created.candidate.participant.id as string;
    const hostId = a.created.host.participant.id as string;

    const asCandidate = await reissue(a.id, candidateId, a.candidate);
    expect(asCandidate.status).toBe(403);
    const asObserver = await reissue(a.id, candidateId, a.observer);
    expect(asObserver.status).toBe(403);
    // Another session's participant is not found through this session, nor this one through the other.
    expect((await reissue(a.id, b.created.candidate.participant.id, a.host)).status).toBe(404);
    expect((await reissue(b.id, candidateId, b.host)).status).toBe(404);
    // A's host's credential says nothing about session B.
    expect((await reissue(b.id, b.created.candidate.participant.id, a.host)).status).toBe(404);
    expect((await reissue(a.id, hostId, a.host)).status).toBe(409);

    await request(
      "DELETE",
      `/api/sessions/${a.id}/links/${a.observerLink.participant.id}`,
      undefined,
      a.host,
    );
    const revoked = await reissue(a.id, a.observerLink.participant.id, a.host);
    expect(revoked.status).toBe(409);
    expect(revoked.body.message).toMatch(/revoked/);

    // None of the refused calls changed a link.
    expect((await exchange(a.created.candidate.token)).status).toBe(201);
    expect((await exchange(b.created.candidate.token)).status).toBe(201);
  });
});
