import {
  apiErrorSchema,
  clientErrorResponses,
  createLinkBodySchema,
  createSessionBodySchema,
  exerciseResultsSchema,
  okSchema,
  recordIdSchema,
  sessionCreatedSchema,
  sessionCredentialSchema,
  sessionExchangeBodySchema,
  sessionLinkSchema,
  sessionParticipantsSchema,
  swapLinkSchema,
  swapResultSchema,
} from "@loopwright/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpError } from "../../plugins/errors.js";
import type { SessionService } from "./session-service.js";
import { handleSocket } from "./socket-connection.js";

const errors = clientErrorResponses;
const security = [{ sessionCredential: [] }];
const tags = ["sessions"];
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

export const sessionRoutes: FastifyPluginAsyncZod<{
  service: SessionService;
  publicOrigin?: string;
}> = async (app, { service, publicOrigin }) => {
  app.post(
    "/api/sessions",
    {
      schema: {
        tags,
        summary: "Create a peer mock interview; returns the host's and the candidate's link secrets",
        body: createSessionBodySchema,
        response: { 201: sessionCreatedSchema, 400: apiErrorSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(request.body)),
  );

  app.post(
    "/api/sessions/exchange",
    {
      schema: {
        tags,
        summary: "Trade a link secret (from the URL fragment) for a session credential",
        body: sessionExchangeBodySchema,
        response: { 201: sessionCredentialSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.exchange(request.body.token)),
  );

  app.get(
    "/api/sessions/:id/participants",
    {
      schema: {
        tags,
        security,
        summary: "Everyone with a link, including revoked ones (host)",
        params,
        response: { 200: sessionParticipantsSchema, ...errors },
      },
    },
    async (request) => ({
      participants: await service.listParticipants(await service.authenticate(request, request.params.id)),
    }),
  );

  app.post(
    "/api/sessions/:id/links",
    {
      schema: {
        tags,
        security,
        summary: "Create a co-interviewer or observer link (host)",
        params,
        body: createLinkBodySchema,
        response: { 201: sessionLinkSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.addLink(
            await service.authenticate(request, request.params.id),
            request.body.role,
            request.body.name,
          ),
        ),
  );

  app.delete(
    "/api/sessions/:id/links/:participantId",
    {
      schema: {
        tags,
        security,
        summary: "Revoke a link; its sockets are closed (host)",
        params: linkParams,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      await service.revokeLink(
        await service.authenticate(request, request.params.id),
        request.params.participantId,
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/api/sessions/:id/swap",
    {
      schema: {
        tags,
        security,
        summary: "Create the mirrored session: roles exchanged, another question (host)",
        params,
        response: { 200: swapResultSchema, ...errors },
      },
    },
    async (request) => service.swap(await service.authenticate(request, request.params.id)),
  );

  app.get(
    "/api/sessions/:id/agreement",
    {
      schema: {
        tags,
        security,
        summary: "How far the interviewers agreed, across the mini loop so far (interviewers, after release)",
        params,
        response: { 200: exerciseResultsSchema, ...errors },
      },
    },
    async (request) => service.agreement(await service.authenticate(request, request.params.id)),
  );

  app.post(
    "/api/sessions/:id/next",
    {
      schema: {
        tags,
        security,
        summary: "Move a mini loop on to its next question, same people and roles (host)",
        params,
        response: { 200: swapResultSchema, ...errors },
      },
    },
    async (request) => service.next(await service.authenticate(request, request.params.id)),
  );

  app.post(
    "/api/sessions/:id/swap-link",
    {
      schema: {
        tags,
        security,
        summary: "Your new link and credential in the session that follows (swap or next question)",
        params,
        response: { 201: swapLinkSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.swapLink(await service.authenticate(request, request.params.id))),
  );

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
