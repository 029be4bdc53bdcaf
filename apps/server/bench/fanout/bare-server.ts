/**
 * The fan-out baseline: a bare `ws` server with Loopwright's rooms and frames
 * and none of its work. The first frame joins the room named in the URL (the
 * hello's credential is not checked); an answer intent gets the room's next
 * seq, and the event Loopwright would send for it goes to every socket of the
 * room, the sender's included, then the ack to the sender. No validation, no
 * views, no storage: what is left is parsing, one JSON.stringify and the
 * socket writes, the floor any server relaying these frames pays.
 *
 * Run by the fanout suite as a child process: PORT=… node --import tsx bench/fanout/bare-server.ts
 */
import { createServer } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";

interface BareRoom {
  seq: number;
  sockets: Set<WebSocket>;
}

const rooms = new Map<string, BareRoom>();
const http = createServer((request, response) => {
  response.writeHead(request.url === "/health" ? 200 : 404, { "content-type": "application/json" });
  response.end(JSON.stringify({ ok: request.url === "/health" }));
});
const wss = new WebSocketServer({ server: http, maxPayload: 64 * 1024 });

wss.on("connection", (ws, request) => {
  const roomId = /^\/ws\/sessions\/([^/?]+)/.exec(request.url ?? "")?.[1];
  if (!roomId) return ws.close(4001, "no room");
  let room: BareRoom | null = null;
  ws.on("message", (data) => {
    const message = JSON.parse(data.toString()) as {
      type: string;
      opId?: string;
      text?: string;
      revision?: number;
    };
    if (message.type === "hello") {
      room = rooms.get(roomId) ?? { seq: 0, sockets: new Set() };
      rooms.set(roomId, room);
      room.sockets.add(ws);
      ws.send(JSON.stringify({ type: "welcome", protocol: 1, serverNow: Date.now(), mode: "snapshot" }));
      return;
    }
    if (!room || message.type !== "answer") return;
    room.seq += 1;
    const event = JSON.stringify({
      type: "event",
      event: {
        seq: room.seq,
        kind: "answer",
        patch: { answer: { text: message.text, revision: message.revision } },
      },
    });
    for (const socket of room.sockets) socket.send(event);
    ws.send(JSON.stringify({ type: "ack", opId: message.opId, seq: room.seq }));
  });
  ws.on("close", () => {
    room?.sockets.delete(ws);
    if (room?.sockets.size === 0) rooms.delete(roomId);
  });
});

http.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
process.on("SIGTERM", () => {
  for (const ws of wss.clients) ws.terminate();
  http.close(() => process.exit(0));
});
