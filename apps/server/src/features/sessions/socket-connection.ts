import { TokenBucket } from "@loopwright/pacing";
import {
  CLOSE_CODES,
  clientMessageSchema,
  HANDSHAKE_TIMEOUT_MS,
  LINK_REPLACED_MESSAGE,
  MAX_INVALID_FRAMES,
  PROTOCOL_VERSION,
  RATE_LIMIT,
  type ServerMessage,
  SUPPORTED_PROTOCOL_VERSIONS,
} from "@loopwright/schema";
import type { FastifyBaseLogger } from "fastify";
import type { WebSocket } from "ws";
import type { Room, RoomSocket } from "./room.js";
import type { SessionService } from "./session-service.js";

/**
 * A room sends one message object to every socket whose event is the same;
 * it is serialised and encoded once, the first time, and dropped with it.
 */
const frames = new WeakMap<ServerMessage, Buffer>();
function frameOf(message: ServerMessage): Buffer {
  let frame = frames.get(message);
  if (!frame) {
    frame = Buffer.from(JSON.stringify(message));
    frames.set(message, frame);
  }
  return frame;
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return "The message does not match the protocol.";
  const where = first.path.length ? `'${first.path.map(String).join(".")}': ` : "";
  return `${where}${first.message}`;
}

/**
 * One WebSocket's life: the versioned handshake, validation of every frame,
 * rate limiting, then intents handed to the room. The message handler is
 * attached before any async work so no frame can be missed.
 */
export function handleSocket(
  ws: WebSocket,
  sessionId: string,
  service: SessionService,
  log: FastifyBaseLogger,
): void {
  const socket: RoomSocket = {
    send(message: ServerMessage) {
      if (ws.readyState === ws.OPEN) ws.send(frameOf(message), { binary: false });
    },
    close(code: number, reason: string) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    },
  };
  const bucket = new TokenBucket(RATE_LIMIT.perSecond, RATE_LIMIT.burst, Date.now());
  let invalidFrames = 0;
  let room: Room | null = null;
  let handshaking = false;

  const handshakeTimer = setTimeout(
    () => socket.close(CLOSE_CODES.handshakeTimeout, "No hello received in time."),
    HANDSHAKE_TIMEOUT_MS,
  );

  const reject = (code: string, message: string, opId?: string) => {
    invalidFrames += 1;
    socket.send({ type: "error", code, message, ...(opId ? { opId } : {}) });
    if (invalidFrames > MAX_INVALID_FRAMES) {
      socket.close(CLOSE_CODES.tooManyInvalid, "Too many invalid messages.");
    }
  };

  ws.on("message", (data, isBinary) => {
    // P-LIM-2: a flood closes only the flooding socket.
    if (!bucket.take(Date.now())) {
      socket.close(CLOSE_CODES.rateLimited, `More than ${RATE_LIMIT.perSecond} messages a second.`);
      return;
    }
    if (isBinary) return reject("bad-frame", "Binary frames are not part of the protocol; send JSON text.");
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      return reject("bad-frame", "The frame is not valid JSON.");
    }
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const opId =
        typeof (raw as { opId?: unknown })?.opId === "string" ? (raw as { opId: string }).opId : undefined;
      return reject("invalid-message", describeIssues(parsed.error.issues), opId);
    }
    const message = parsed.data;

    if (message.type === "hello") {
      if (room || handshaking) return reject("invalid-message", "The handshake has already been done.");
      handshaking = true;
      clearTimeout(handshakeTimer);
      // P-HS-1: an incompatible protocol is refused with a close code and a reason the client shows.
      if (!SUPPORTED_PROTOCOL_VERSIONS.includes(message.protocol)) {
        socket.close(
          CLOSE_CODES.protocolVersion,
          `Protocol ${message.protocol} is not supported; this server speaks ${PROTOCOL_VERSION}. Reload the page.`,
        );
        return;
      }
      void (async () => {
        const participant = await service.participantFor(message.credential);
        if (!participant && (await service.wasReplaced(message.credential))) {
          socket.close(CLOSE_CODES.linkReplaced, LINK_REPLACED_MESSAGE);
          return;
        }
        if (!participant || participant.sessionId !== sessionId) {
          socket.close(
            CLOSE_CODES.unauthorized,
            "This link is not valid for this session, or it was revoked.",
          );
          return;
        }
        const joined = await service.room(sessionId);
        await joined.join(
          socket,
          {
            id: participant.id,
            name: participant.name,
            role: participant.role,
            revoked: false,
            linkReissuedAt: participant.linkReissuedAt,
          },
          message.lastSeq,
        );
        // A socket that closed while joining must not stay in the room (it would keep it loaded).
        if (ws.readyState === ws.OPEN) room = joined;
        else joined.leave(socket);
      })().catch((error) => {
        log.error({ err: error }, "session handshake failed");
        socket.close(1011, "The server could not open this session.");
      });
      return;
    }
    if (message.type === "ping") {
      socket.send({ type: "pong", clientTime: message.clientTime, serverNow: Date.now() });
      return;
    }
    if (!room) return reject("not-joined", "Send hello first.", message.opId);
    // The room has already told the sender; what is left is to say why in the log.
    room.handleIntent(socket, message).catch((error) => log.error({ err: error }, "session intent failed"));
  });

  ws.on("close", () => {
    clearTimeout(handshakeTimer);
    room?.leave(socket);
  });
  ws.on("error", (error) => log.warn({ err: error }, "session socket error"));
}
