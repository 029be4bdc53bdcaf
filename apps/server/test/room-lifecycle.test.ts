import { beforeAll, describe, expect, it } from "vitest";
import { getJson, postJson, type RunningServer, startServer } from "./helpers.js";
import { TestClient } from "./ws-client.js";

/**
 * Rooms are loaded on first join and unloaded once nobody has been connected
 * for ROOM_IDLE_SECONDS (here 50 ms), with every change kept in storage.
 */

let server: RunningServer;
let questionId: string;

beforeAll(async () => {
  server = await startServer({ ROOM_IDLE_SECONDS: "0.05" });
  questionId = (await getJson(`${server.url}/api/questions?competency=org-design`)).body.questions[0].id;
});

const post = async (path: string, body: unknown) => (await postJson(`${server.url}${path}`, body)).body;

const loadedRooms = async () => (await getJson(`${server.url}/api/health`)).body.rooms as number;

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function hostOf() {
  const created = await post("/api/sessions", { questionId, hostName: "Hana", candidateName: "Cara" });
  const { credential } = await post("/api/sessions/exchange", { token: created.host.token });
  return { sessionId: created.sessionId as string, credential: credential as string };
}

describe("room lifecycle", () => {
  it("unloads a room after its last socket leaves, and reloads it with everything that was committed", async () => {
    const { sessionId, credential } = await hostOf();
    const first = await TestClient.join(server.url, sessionId, credential);
    expect(await loadedRooms()).toBeGreaterThanOrEqual(1);
    const ack = await first.intent({ type: "add-note", text: "Strong on spans", shared: false });
    expect(ack.type).toBe("ack");
    first.close();
    await until(async () => (await loadedRooms()) === 0, "the room to unload");

    const again = await TestClient.join(server.url, sessionId, credential);
    const welcome = again.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.view?.notes?.map((n) => n.text)).toEqual([
      "Strong on spans",
    ]);
    expect(welcome?.type === "welcome" && welcome.view?.seq).toBe(1);
    again.close();
  });

  it("keeps a room loaded while anyone is connected", async () => {
    const { sessionId, credential } = await hostOf();
    const one = await TestClient.join(server.url, sessionId, credential);
    const two = await TestClient.join(server.url, sessionId, credential);
    one.close();
    await new Promise((r) => setTimeout(r, 200));
    expect((await two.intent({ type: "reveal-prompt" })).type).toBe("ack");
    expect(await loadedRooms()).toBe(1);
    two.close();
    await until(async () => (await loadedRooms()) === 0, "the room to unload");
  });

  it("returns to no rooms after 1,000 sessions are opened and closed", async () => {
    const sessions = [];
    for (let i = 0; i < 1_000; i++) sessions.push(await hostOf());
    for (let i = 0; i < sessions.length; i += 50) {
      const clients = await Promise.all(
        sessions.slice(i, i + 50).map((s) => TestClient.join(server.url, s.sessionId, s.credential)),
      );
      for (const c of clients) c.close();
    }
    await until(async () => (await loadedRooms()) === 0, "every room to unload", 30_000);
  }, 120_000);
});
