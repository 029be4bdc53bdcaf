import {
  attemptIdParamsSchema,
  attemptListSchema,
  attemptSchema,
  clockActionBodySchema,
  deletedSchema,
  exportQuerySchema,
  practitionerCreatedSchema,
  saveAnswerBodySchema,
  saveAnswerResultSchema,
  selfScoreBodySchema,
  startAttemptBodySchema,
  startLoopBodySchema,
  submitAttemptBodySchema,
} from "@loopwright/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { routeDocs } from "../../lib/route-docs.js";
import { authenticateRoutes } from "../../plugins/authentication.js";
import type { PracticeRepository } from "../../storage/store.js";
import type { QuestionCatalog } from "../questions/catalog.js";
import type { PracticeService } from "./attempt-service.js";
import { historyAsMarkdown } from "./history-export.js";
import { listPeerFeedback } from "./peer-feedback.js";
import { createPractitioner, practitionerFor } from "./practitioner-key.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The practitioner whose key authenticated the request; set on the attempt routes only. */
    practitionerId: string;
  }
}

const docs = routeDocs("practice", "practitionerKey");

interface PracticeRouteOptions {
  service: PracticeService;
  repo: PracticeRepository;
  catalog: QuestionCatalog;
}

/** Everything a practitioner does with their key: one scope, so the key is checked once per request. */
const attemptRoutes: FastifyPluginAsyncZod<PracticeRouteOptions> = async (
  app,
  { service, repo, catalog },
) => {
  authenticateRoutes(app, "practitionerId", (key, request) =>
    practitionerFor(key, Boolean(request.headers.authorization), repo),
  );

  app.post(
    "/api/attempts",
    {
      schema: docs.secured("Start an attempt at a question, or at an unpractised question of a competency", {
        body: startAttemptBodySchema,
        response: { 201: attemptSchema },
      }),
    },
    async (request, reply) => reply.code(201).send(await service.start(request.practitionerId, request.body)),
  );

  app.post(
    "/api/practice-loops",
    {
      schema: docs.secured("Start a mock loop: several rounds taken back to back", {
        body: startLoopBodySchema,
        response: { 201: attemptSchema },
      }),
    },
    async (request, reply) =>
      reply.code(201).send(await service.startLoop(request.practitionerId, request.body.rounds)),
  );

  app.get(
    "/api/attempts",
    {
      schema: docs.secured("This practitioner's attempts, newest first", {
        response: { 200: attemptListSchema },
      }),
    },
    async (request) => ({ attempts: await service.list(request.practitionerId) }),
  );

  app.get(
    "/api/attempts/export",
    {
      // A download, not JSON: no response schema.
      schema: {
        ...docs.open("Download the whole history as JSON or Markdown", { querystring: exportQuerySchema }),
        security: docs.security,
      },
    },
    async (request, reply) => {
      const history = await service.history(request.practitionerId);
      const peerSessions = await listPeerFeedback(repo, request.practitionerId);
      const stamp = new Date().toISOString().slice(0, 10);
      if (request.query.format === "markdown") {
        return reply
          .type("text/markdown; charset=utf-8")
          .header("content-disposition", `attachment; filename="loopwright-history-${stamp}.md"`)
          .send(historyAsMarkdown(history, (id) => catalog.get(id), peerSessions));
      }
      return reply
        .type("application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="loopwright-history-${stamp}.json"`)
        .send(
          JSON.stringify({ exportedAt: new Date().toISOString(), attempts: history, peerSessions }, null, 2),
        );
    },
  );

  app.delete(
    "/api/attempts",
    {
      schema: docs.secured("Delete the whole practice history: every attempt and every saved peer session", {
        response: { 200: deletedSchema },
      }),
    },
    async (request) => ({ deleted: await service.deleteAll(request.practitionerId) }),
  );

  app.get(
    "/api/attempts/:id",
    {
      schema: docs.secured("One attempt with its clock, answer and, once self-scored, the review", {
        params: attemptIdParamsSchema,
        response: { 200: attemptSchema },
      }),
    },
    async (request) => service.get(request.practitionerId, request.params.id),
  );

  app.delete(
    "/api/attempts/:id",
    {
      schema: docs.secured("Delete one attempt", {
        params: attemptIdParamsSchema,
        response: { 200: deletedSchema },
      }),
    },
    async (request) => ({ deleted: await service.delete(request.practitionerId, request.params.id) }),
  );

  app.post(
    "/api/attempts/:id/start",
    {
      schema: docs.secured("Start the next round of a mock loop", {
        params: attemptIdParamsSchema,
        response: { 200: attemptSchema },
      }),
    },
    async (request) => service.beginRound(request.practitionerId, request.params.id),
  );

  app.post(
    "/api/attempts/:id/clock",
    {
      schema: docs.secured("Pause, resume, or move on to the next phase", {
        params: attemptIdParamsSchema,
        body: clockActionBodySchema,
        response: { 200: attemptSchema },
      }),
    },
    async (request) => service.clockAction(request.practitionerId, request.params.id, request.body.action),
  );

  app.put(
    "/api/attempts/:id/answer",
    {
      schema: docs.secured("Autosave the answer; idempotent by revision", {
        params: attemptIdParamsSchema,
        body: saveAnswerBodySchema,
        response: { 200: saveAnswerResultSchema },
      }),
    },
    async (request) => service.saveAnswer(request.practitionerId, request.params.id, request.body),
  );

  app.post(
    "/api/attempts/:id/submit",
    {
      schema: docs.secured("Hand the answer in and stop the clock", {
        params: attemptIdParamsSchema,
        body: submitAttemptBodySchema,
        response: { 200: attemptSchema },
      }),
    },
    async (request) => service.submit(request.practitionerId, request.params.id, request.body.answer),
  );

  app.put(
    "/api/attempts/:id/self-score",
    {
      schema: docs.secured("Score every rubric dimension and reflect; unlocks the review", {
        params: attemptIdParamsSchema,
        body: selfScoreBodySchema,
        response: { 200: attemptSchema },
      }),
    },
    async (request) =>
      service.selfScore(
        request.practitionerId,
        request.params.id,
        request.body.scores,
        request.body.reflection,
      ),
  );
};

export const practiceRoutes: FastifyPluginAsyncZod<PracticeRouteOptions> = async (app, options) => {
  app.post(
    "/api/practitioners",
    {
      schema: docs.open(
        "Create a practitioner and return its private key (shown once; only a hash is stored)",
        { response: { 201: practitionerCreatedSchema } },
      ),
    },
    async (_request, reply) => reply.code(201).send({ key: await createPractitioner(options.repo) }),
  );
  await app.register(attemptRoutes, options);
};
