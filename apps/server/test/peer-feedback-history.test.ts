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

const call = (method: string, path: string, body?: unknown, bearer?: string) =>
  callJson(server.url, method, path, body, bearer);
const post = (path: string, body?: unknown, bearer?: string) => call("POST", path, body, bearer);
const practitioner = async () => (await post("/api/practitioners")).body.key as string;

/** A session whose candidate answered and whose host scored, wrote feedback and took notes; not yet released. */
async function scoredSession() {
  const created = (
    await post("/api/sessions", { questionId: question.id, hostName: "Hana", candidateName: "Cara" })
  ).body;
  const id = created.sessionId as string;
  const cred = async (token: string) =>
    (await post("/api/sessions/exchange", { token })).body.credential as string;
  const hostCred = await cred(created.host.token);
  const candCred = await cred(created.candidate.token);
  const host = await TestClient.join(server.url, id, hostCred);
  const candidate = await TestClient.join(server.url, id, candCred);
  open.push(host, candidate);
  await candidate.intent({ type: "answer", text: "## Clarify\nWho owns the roadmap?", revision: 1 });
  await host.intent({ type: "add-note", text: "Asked about ownership first", shared: true });
  await host.intent({ type: "add-note", text: "PRIVATE: compare with last week", shared: false });
  const dims = question.rubric.dimensions as { id: string; name: string }[];
  const submitted = await host.intent({
    type: "submit-score",
    scores: Object.fromEntries(dims.map((d, i) => [d.id, (i % 4) + 1])),
    recommendation: "yes",
    feedback: "Structured and calm; quantify the trade-offs next time.",
  });
  expect(submitted.type).toBe("ack");
  return { id, hostCred, candCred, host, dims };
}

const save = (key: string | undefined, sessionId: string, credential: string) =>
  post("/api/practice/peer-feedback", { sessionId, credential }, key);

describe("saving a peer session's released feedback to the practice history", () => {
  it("saves nothing before release, then the released report once, however often it is saved", async () => {
    const key = await practitioner();
    const s = await scoredSession();

    const early = await save(key, s.id, s.candCred);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/not been released/);
    expect((await call("GET", "/api/practice/peer-feedback", undefined, key)).body.entries).toEqual([]);

    expect((await s.host.intent({ type: "release" })).type).toBe("ack");
    const first = await save(key, s.id, s.candCred);
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    const entry = first.body.entry;
    expect(entry).toMatchObject({
      kind: "peer-session",
      sessionId: s.id,
      questionId: question.id,
      questionTitle: question.title,
      competency: question.competency,
      answer: "## Clarify\nWho owns the roadmap?",
      sharedNotes: [{ authorName: "Hana", text: "Asked about ownership first" }],
    });
    expect(entry.interviewers).toEqual([
      {
        name: "Hana",
        recommendation: "yes",
        feedback: "Structured and calm; quantify the trade-offs next time.",
        scores: s.dims.map((d, i) => ({ dimensionId: d.id, dimension: d.name, score: (i % 4) + 1 })),
      },
    ]);
    // A private note never reaches the history.
    expect(JSON.stringify(entry)).not.toContain("PRIVATE");

    const again = await save(key, s.id, s.candCred);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ entry, created: false });
    const listed = (await call("GET", "/api/practice/peer-feedback", undefined, key)).body.entries;
    expect(listed).toEqual([entry]);
    expect((await call("GET", `/api/practice/peer-feedback/${entry.id}`, undefined, key)).body).toEqual(
      entry,
    );

    // Someone else's history does not hold it, nor reach it by id.
    const other = await practitioner();
    expect((await call("GET", `/api/practice/peer-feedback/${entry.id}`, undefined, other)).status).toBe(404);
    expect((await call("GET", "/api/practice/peer-feedback", undefined, other)).body.entries).toEqual([]);

    // The history export carries it, as JSON and as Markdown.
    const json = await getJson(`${server.url}/api/attempts/export?format=json`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(json.body.peerSessions).toEqual([entry]);
    const markdown = await fetch(`${server.url}/api/attempts/export?format=markdown`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const text = await markdown.text();
    expect(text).toContain(`## Peer session: ${question.title}`);
    expect(text).toContain("Structured and calm; quantify the trade-offs next time.");
  });

  it("needs both the candidate's own session credential and a practitioner key", async () => {
    const key = await practitioner();
    const s = await scoredSession();
    await s.host.intent({ type: "release" });
    expect((await save(undefined, s.id, s.candCred)).status).toBe(401);
    expect((await save("not-a-known-practitioner-key-000000000", s.id, s.candCred)).status).toBe(401);
    const asHost = await save(key, s.id, s.hostCred);
    expect(asHost.status).toBe(403);
    expect(asHost.body.message).toMatch(/Only the candidate/);
    expect((await save(key, s.id, "A".repeat(43))).status).toBe(401);
    // A credential for another session does not reach this one.
    const t = await scoredSession();
    expect((await save(key, t.id, s.candCred)).status).toBe(404);
    expect((await call("GET", "/api/practice/peer-feedback", undefined, key)).body.entries).toEqual([]);
  });

  it("deletes one saved session, only for its owner, and deleting the whole history takes them with the attempts", async () => {
    const key = await practitioner();
    const [s, t] = [await scoredSession(), await scoredSession()];
    for (const session of [s, t]) await session.host.intent({ type: "release" });
    const one = (await save(key, s.id, s.candCred)).body.entry;
    const two = (await save(key, t.id, t.candCred)).body.entry;
    const attempt = await call("POST", "/api/attempts", { questionId: question.id }, key);
    expect(attempt.status).toBe(201);

    const other = await practitioner();
    expect((await call("DELETE", `/api/practice/peer-feedback/${one.id}`, undefined, other)).status).toBe(
      404,
    );
    const deleted = await call("DELETE", `/api/practice/peer-feedback/${one.id}`, undefined, key);
    expect(deleted).toMatchObject({ status: 200, body: { deleted: 1 } });
    expect((await call("DELETE", `/api/practice/peer-feedback/${one.id}`, undefined, key)).status).toBe(404);
    expect((await call("GET", "/api/practice/peer-feedback", undefined, key)).body.entries).toEqual([two]);

    // One attempt and one saved session are left; deleting the whole history removes both.
    expect((await call("DELETE", "/api/attempts", undefined, key)).body).toEqual({ deleted: 2 });
    expect((await call("GET", "/api/practice/peer-feedback", undefined, key)).body.entries).toEqual([]);
    expect((await call("GET", "/api/attempts", undefined, key)).body.attempts).toEqual([]);
  });
});
