import {
  apiErrorSchema,
  createLinkBodySchema,
  createSessionBodySchema,
  exerciseResultsSchema,
  okSchema,
  recordIdSchema,
  reissuedLinkSchema,
  sessionCreatedSchema,
  sessionCredentialSchema,
  sessionExchangeBodySchema,
  sessionLinkSchema,
  sessionParticipantsSchema,
  swapBodySchema,
  swapLinkSchema,
  swapResultSchema,
} from "@loopwright/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { routeDocs } from "../../lib/route-docs.js";
import { authenticateRoutes } from "../../plugins/authentication.js";
import { HttpError } from "../../plugins/errors.js";
import type { PeerParticipantRecord } from "../../storage/store.js";
import type { SessionService } from "./session-service.js";
import { handleSocket } from "./socket-connection.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The participant whose credential authenticated the request; set on the session routes only. */
    participant: PeerParticipantRecord;
  }
}

const docs = routeDocs("sessions", "sessionCredential");
const id = recordIdSchema;
const params = z.object({ id });
const linkParams = z.object({ id, participantId: id });
const ok = okSchema;

/** Browsers send Origin on upgrade; only pages served from this app (or PUBLIC_ORIGIN) may open a room. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  publicOrigin?: string,
): boolean {
  if (!origin) return true; // non-browser clients send none; they still need a credential
  if (publicOrigin && origin === publicOrigin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** What a participant does with their session credential: one scope, so it is checked once per request. */
const participantRoutes: FastifyPluginAsyncZod<{ service: SessionService }> = async (app, { service }) => {
  authenticateRoutes(app, "participant", (credential, request) =>
    service.participantIn(credential, (request.params as { id: string }).id),
  );

  app.get(
    "/api/sessions/:id/participants",
    {
      schema: docs.secured("Everyone with a link, including revoked ones (host)", {
        params,
        response: { 200: sessionParticipantsSchema },
      }),
    },
    async (request) => ({
      participants: await service.listParticipants(request.participant),
    }),
  );

  app.post(
    "/api/sessions/:id/links",
    {
      schema: docs.secured("Create a co-interviewer or observer link (host)", {
        params,
        body: createLinkBodySchema,
        response: { 201: sessionLinkSchema },
      }),
    },
    async (request, reply) =>
      reply.code(201).send(await service.addLink(request.participant, request.body.role, request.body.name)),
  );

  app.delete(
    "/api/sessions/:id/links/:participantId",
    {
      schema: docs.secured("Revoke a link; its sockets are closed (host)", {
        params: linkParams,
        response: { 200: ok },
      }),
    },
    async (request) => {
      await service.revokeLink(request.participant, request.params.participantId);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/sessions/:id/links/:participantId/reissue",
    {
      schema: docs.secured(
        "Re-issue a participant's link: same participant, new link; the old one and its sockets stop at once (host)",
        {
          params: linkParams,
          response: { 201: reissuedLinkSchema, 404: apiErrorSchema, 409: apiErrorSchema },
        },
      ),
    },
    async (request, reply) =>
      reply.code(201).send(await service.reissueLink(request.participant, request.params.participantId)),
  );

  app.post(
    "/api/sessions/:id/swap",
    {
      schema: docs.secured("Create the mirrored session: roles exchanged, another question (host)", {
        params,
        body: swapBodySchema.nullish(),
        response: { 200: swapResultSchema },
      }),
    },
    async (request) => service.swap(request.participant, request.body?.questionId),
  );

  app.get(
    "/api/sessions/:id/agreement",
    {
      schema: docs.secured(
        "How far the interviewers agreed, across the mini loop so far (interviewers, after release)",
        { params, response: { 200: exerciseResultsSchema } },
      ),
    },
    async (request) => service.agreement(request.participant),
  );

  app.post(
    "/api/sessions/:id/next",
    {
      schema: docs.secured("Move a mini loop on to its next question, same people and roles (host)", {
        params,
        response: { 200: swapResultSchema },
      }),
    },
    async (request) => service.next(request.participant),
  );

  app.post(
    "/api/sessions/:id/swap-link",
    {
      schema: docs.secured(
        "Your new link and credential in the session that follows (swap or next question)",
        { params, response: { 201: swapLinkSchema } },
      ),
    },
    async (request, reply) => reply.code(201).send(await service.swapLink(request.participant)),
  );
};

export const sessionRoutes: FastifyPluginAsyncZod<{
  service: SessionService;
  publicOrigin?: string;
}> = async (app, { service, publicOrigin }) => {
  app.post(
    "/api/sessions",
    {
      schema: docs.open("Create a peer mock interview; returns the host's and the candidate's link secrets", {
        body: createSessionBodySchema,
        response: { 201: sessionCreatedSchema, 400: apiErrorSchema },
      }),
    },
    async (request, reply) => reply.code(201).send(await service.create(request.body)),
  );

  app.post(
    "/api/sessions/exchange",
    {
      schema: docs.open("Trade a link secret (from the URL fragment) for a session credential", {
        body: sessionExchangeBodySchema,
        response: { 201: sessionCredentialSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      }),
    },
    async (request, reply) => reply.code(201).send(await service.exchange(request.body.token)),
  );

  await app.register(participantRoutes, { service });

  app.get(
    "/ws/sessions/:id",
    {
      websocket: true,
      schema: { hide: true, params },
      preValidation: async (request) => {
        // P-LIM-1: refuse upgrades from other sites before any room work happens.
        if (!originAllowed(request.headers.origin, request.headers.host, publicOrigin)) {
          throw new HttpError(
            403,
            "forbidden",
            "WebSocket connections are only accepted from this app's own pages.",
          );
        }
      },
    },
    (socket, request) => handleSocket(socket, request.params.id, service, request.log),
  );
};
