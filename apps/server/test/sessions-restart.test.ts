import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, ServerProcess } from "./server-process.js";
import { TestClient } from "./ws-client.js";

describe("a live session across repeated kill -9", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "loopwright-room-restart-"));
  let server: ServerProcess;
  const clients: TestClient[] = [];

  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("loses no acknowledged write and keeps the timer, notes, scores and answer", async () => {
    server = new ServerProcess(await freePort(), { DATA_DIR: dataDir });
    await server.start();
    const post = async (p: string, body: unknown) =>
      (
        await fetch(`${server.url}${p}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        })
      ).json() as Promise<any>;
    const questions: any = await (await fetch(`${server.url}/api/questions?competency=org-design`)).json();
    const question: any = await (
      await fetch(`${server.url}/api/questions/${questions.questions[0].id}`)
    ).json();
    const created = await post("/api/sessions", {
      questionId: question.id,
      hostName: "Hana",
      candidateName: "Cara",
    });
    const hostCred = (await post("/api/sessions/exchange", { token: created.host.token })).credential;
    const candCred = (await post("/api/sessions/exchange", { token: created.candidate.token })).credential;

    let host = await TestClient.join(server.url, created.sessionId, hostCred);
    let cand = await TestClient.join(server.url, created.sessionId, candCred);
    clients.push(host, cand);
    expect((await host.intent({ type: "clock", action: "start" })).type).toBe("ack");
    const startedAt = (await host.waitFor(
      (m) => m.type === "event" && m.event.patch.clock?.startedAt != null,
    )) as any;

    let answer = "";
    const acknowledgedNotes: string[] = [];
    for (let round = 1; round <= 3; round++) {
      // Writes acknowledged before the crash must survive it.
      answer += `Paragraph ${round}. `;
      const ackAnswer = await cand.intent({ type: "answer", text: answer, revision: round });
      expect(ackAnswer.type).toBe("ack");
      const note = `evidence ${round}`;
      expect((await host.intent({ type: "add-note", text: note, shared: round % 2 === 0 })).type).toBe("ack");
      acknowledgedNotes.push(note);

      const hostSeq = host.lastSeq;
      const candSeq = cand.lastSeq;
      await server.kill();
      await server.start();

      host = await TestClient.join(server.url, created.sessionId, hostCred, hostSeq);
      cand = await TestClient.join(server.url, created.sessionId, candCred, candSeq);
      clients.push(host, cand);
      const snapshot = await TestClient.join(server.url, created.sessionId, hostCred);
      clients.push(snapshot);
      const view = (snapshot.messages.find((m) => m.type === "welcome") as any).view;
      expect(view.answer).toEqual({ text: answer, revision: round });
      expect(view.notes.map((n: { text: string }) => n.text)).toEqual(acknowledgedNotes);
      expect(view.clock.startedAt).toBe(startedAt.event.patch.clock.startedAt);
      snapshot.close();
    }

    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    const scores = Object.fromEntries(dims.map((d: string) => [d, 3]));
    expect(
      (await host.intent({ type: "submit-score", scores, recommendation: "yes", feedback: "solid" })).type,
    ).toBe("ack");
    await server.kill();
    await server.start();
    const after = await TestClient.join(server.url, created.sessionId, hostCred);
    clients.push(after);
    const view = (after.messages.find((m) => m.type === "welcome") as any).view;
    expect(view.scores.map((s: { feedback: string }) => s.feedback)).toEqual(["solid"]);
  }, 90_000);
});
