import {
  type CreateLinkBody,
  type CreateSessionBody,
  type ExerciseResults,
  exerciseResultsSchema,
  okSchema,
  practitionerCreatedSchema,
  reissuedLinkSchema,
  type SavePeerFeedbackBody,
  type SwapBody,
  savedPeerFeedbackSchema,
  sessionCreatedSchema,
  sessionCredentialSchema,
  sessionLinkSchema,
  sessionParticipantsSchema,
  swapLinkSchema,
  swapResultSchema,
} from "@loopwright/schema";
import { sendJson } from "../../api/client";

/** Parses the schema's output type without importing zod here. */
type Out<S extends { parse: (input: unknown) => unknown }> = ReturnType<S["parse"]>;

export type SessionCreated = Out<typeof sessionCreatedSchema>;
export type SessionLink = Out<typeof sessionLinkSchema>;
export type SessionCredentialResponse = Out<typeof sessionCredentialSchema>;
export type SessionParticipants = Out<typeof sessionParticipantsSchema>;
export type SwapLink = Out<typeof swapLinkSchema>;
export type ReissuedLink = Out<typeof reissuedLinkSchema>;
export type SavedPeerFeedback = Out<typeof savedPeerFeedbackSchema>;

/** Sent in full (no field left to the server's defaults), so the form states every choice. */
export type CreateSessionInput = CreateSessionBody;

const path = (sessionId: string, rest = "") => `/api/sessions/${encodeURIComponent(sessionId)}${rest}`;

/** Every HTTP call around a peer session. Credentials travel as bearer tokens, never in a URL. */
export const sessionsApi = {
  create(body: CreateSessionInput, signal?: AbortSignal): Promise<SessionCreated> {
    return sendJson("/api/sessions", sessionCreatedSchema, { method: "POST", body, signal });
  },

  exchange(token: string, signal?: AbortSignal): Promise<SessionCredentialResponse> {
    return sendJson("/api/sessions/exchange", sessionCredentialSchema, {
      method: "POST",
      body: { token },
      signal,
    });
  },

  participants(sessionId: string, credential: string, signal?: AbortSignal): Promise<SessionParticipants> {
    return sendJson(path(sessionId, "/participants"), sessionParticipantsSchema, {
      bearer: credential,
      signal,
    });
  },

  addLink(sessionId: string, credential: string, body: CreateLinkBody): Promise<SessionLink> {
    return sendJson(path(sessionId, "/links"), sessionLinkSchema, {
      method: "POST",
      body,
      bearer: credential,
    });
  },

  async revokeLink(sessionId: string, credential: string, participantId: string): Promise<void> {
    await sendJson(path(sessionId, `/links/${encodeURIComponent(participantId)}`), okSchema, {
      method: "DELETE",
      bearer: credential,
    });
  },

  /** The same participant's new link; the old one stops working at once (host). */
  reissueLink(sessionId: string, credential: string, participantId: string): Promise<ReissuedLink> {
    return sendJson(
      path(sessionId, `/links/${encodeURIComponent(participantId)}/reissue`),
      reissuedLinkSchema,
      { method: "POST", bearer: credential },
    );
  },

  /**
   * Keeps the released feedback in the practice history of this browser's
   * practitioner key; the session credential in the body proves the seat.
   */
  saveToHistory(practitionerKey: string, body: SavePeerFeedbackBody): Promise<SavedPeerFeedback> {
    return sendJson("/api/practice/peer-feedback", savedPeerFeedbackSchema, {
      method: "POST",
      body,
      bearer: practitionerKey,
    });
  },

  /** A practitioner key for a candidate who has never practised on this browser. */
  async createPractitioner(): Promise<string> {
    return (await sendJson("/api/practitioners", practitionerCreatedSchema, { method: "POST" })).key;
  },

  /** The mirrored session on the question the host chose (the server's pick without one). */
  swap(sessionId: string, credential: string, body: SwapBody = {}): Promise<{ sessionId: string }> {
    return sendJson(path(sessionId, "/swap"), swapResultSchema, { method: "POST", body, bearer: credential });
  },

  /** Mini loop: the next question with the same people in the same roles (host, after release). */
  next(sessionId: string, credential: string): Promise<{ sessionId: string }> {
    return sendJson(path(sessionId, "/next"), swapResultSchema, { method: "POST", bearer: credential });
  },

  /** How far the interviewers agreed (interviewers only, after release, two or more scorecards). */
  agreement(sessionId: string, credential: string, signal?: AbortSignal): Promise<ExerciseResults> {
    return sendJson(path(sessionId, "/agreement"), exerciseResultsSchema, { bearer: credential, signal });
  },

  swapLink(sessionId: string, credential: string): Promise<SwapLink> {
    return sendJson(path(sessionId, "/swap-link"), swapLinkSchema, { method: "POST", bearer: credential });
  },
};
