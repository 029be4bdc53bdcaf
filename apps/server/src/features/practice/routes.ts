import {
  attemptIdParamsSchema,
  attemptListSchema,
  attemptSchema,
  clientErrorResponses,
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
import type { PracticeRepository } from "../../storage/store.js";
import type { QuestionCatalog } from "../questions/catalog.js";
import type { PracticeService } from "./attempt-service.js";
import { historyAsMarkdown } from "./history-export.js";
import { authenticatePractitioner, createPractitioner } from "./practitioner-key.js";

const errors = clientErrorResponses;
const security = [{ practitionerKey: [] }];

export const practiceRoutes: FastifyPluginAsyncZod<{
  service: PracticeService;
  repo: PracticeRepository;
  catalog: QuestionCatalog;
}> = async (app, { service, repo, catalog }) => {
  const who = (request: Parameters<typeof authenticatePractitioner>[0]) =>
    authenticatePractitioner(request, repo);
  const tags = ["practice"];

  app.post(
    "/api/practitioners",
    {
      schema: {
        tags,
        summary: "Create a practitioner and return its private key (shown once; only a hash is stored)",
        response: { 201: practitionerCreatedSchema },
      },
    },
    async (_request, reply) => reply.code(201).send({ key: await createPractitioner(repo) }),
  );

  app.post(
    "/api/attempts",
    {
      schema: {
        tags,
        security,
        summary: "Start an attempt at a question, or at an unpractised question of a competency",
        body: startAttemptBodySchema,
        response: { 201: attemptSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await service.start(await who(request), request.body)),
  );

  app.post(
    "/api/practice-loops",
    {
      schema: {
        tags,
        security,
        summary: "Start a mock loop: several rounds taken back to back",
        body: startLoopBodySchema,
        response: { 201: attemptSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.startLoop(await who(request), request.body.rounds)),
  );

  app.get(
    "/api/attempts",
    {
      schema: {
        tags,
        security,
        summary: "This practitioner's attempts, newest first",
        response: { 200: attemptListSchema, ...errors },
      },
    },
    async (request) => ({ attempts: await service.list(await who(request)) }),
  );

  app.get(
    "/api/attempts/export",
    {
      schema: {
        tags,
        security,
        summary: "Download the whole history as JSON or Markdown",
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const history = await service.history(await who(request));
      const stamp = new Date().toISOString().slice(0, 10);
      if (request.query.format === "markdown") {
        return reply
          .type("text/markdown; charset=utf-8")
          .header("content-disposition", `attachment; filename="loopwright-history-${stamp}.md"`)
          .send(historyAsMarkdown(history, (id) => catalog.get(id)));
      }
      return reply
        .type("application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="loopwright-history-${stamp}.json"`)
        .send(JSON.stringify({ exportedAt: new Date().toISOString(), attempts: history }, null, 2));
    },
  );

  app.delete(
    "/api/attempts",
    {
      schema: {
        tags,
        security,
        summary: "Delete the whole practice history",
        response: { 200: deletedSchema, ...errors },
      },
    },
    async (request) => ({ deleted: await service.deleteAll(await who(request)) }),
  );

  app.get(
    "/api/attempts/:id",
    {
      schema: {
        tags,
        security,
        summary: "One attempt with its clock, answer and, once self-scored, the review",
        params: attemptIdParamsSchema,
        response: { 200: attemptSchema, ...errors },
      },
    },
    async (request) => service.get(await who(request), request.params.id),
  );

  app.delete(
    "/api/attempts/:id",
    {
      schema: {
        tags,
        security,
        summary: "Delete one attempt",
        params: attemptIdParamsSchema,
        response: { 200: deletedSchema, ...errors },
      },
    },
    async (request) => ({ deleted: await service.delete(await who(request), request.params.id) }),
  );

  app.post(
    "/api/attempts/:id/start",
    {
      schema: {
        tags,
        security,
        summary: "Start the next round of a mock loop",
        params: attemptIdParamsSchema,
        response: { 200: attemptSchema, ...errors },
      },
    },
    async (request) => service.beginRound(await who(request), request.params.id),
  );

  app.post(
    "/api/attempts/:id/clock",
    {
      schema: {
        tags,
        security,
        summary: "Pause, resume, or move on to the next phase",
        params: attemptIdParamsSchema,
        body: clockActionBodySchema,
        response: { 200: attemptSchema, ...errors },
      },
    },
    async (request) => service.clockAction(await who(request), request.params.id, request.body.action),
  );

  app.put(
    "/api/attempts/:id/answer",
    {
      schema: {
        tags,
        security,
        summary: "Autosave the answer; idempotent by revision",
        params: attemptIdParamsSchema,
        body: saveAnswerBodySchema,
        response: { 200: saveAnswerResultSchema, ...errors },
      },
    },
    async (request) => service.saveAnswer(await who(request), request.params.id, request.body),
  );

  app.post(
    "/api/attempts/:id/submit",
    {
      schema: {
        tags,
        security,
        summary: "Hand the answer in and stop the clock",
        params: attemptIdParamsSchema,
        body: submitAttemptBodySchema,
        response: { 200: attemptSchema, ...errors },
      },
    },
    async (request) => service.submit(await who(request), request.params.id, request.body.answer),
  );

  app.put(
    "/api/attempts/:id/self-score",
    {
      schema: {
        tags,
        security,
        summary: "Score every rubric dimension and reflect; unlocks the review",
        params: attemptIdParamsSchema,
        body: selfScoreBodySchema,
        response: { 200: attemptSchema, ...errors },
      },
    },
    async (request) =>
      service.selfScore(await who(request), request.params.id, request.body.scores, request.body.reflection),
  );
};
