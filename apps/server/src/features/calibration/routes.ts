import {
  analysisWithFlagsSchema,
  analyzeRequestSchema,
  apiErrorSchema,
  clientErrorResponses,
  createExerciseBodySchema,
  createMemberBodySchema,
  createWorkspaceBodySchema,
  exchangeLinkBodySchema,
  exerciseResultsSchema,
  exerciseSchema,
  exerciseSummarySchema,
  loopBodySchema,
  loopSchema,
  memberCreatedSchema,
  okSchema,
  recordIdSchema,
  saveScoresBodySchema,
  sessionSchema,
  workspaceCreatedSchema,
  workspaceViewSchema,
} from "@loopwright/schema";
import type { FastifyReply, FastifyRequest, FastifySchemaCompiler } from "fastify";
import { type FastifyPluginAsyncZod, validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { badRequest, frameworkClientError, HttpError } from "../../plugins/errors.js";
import type { Analyzer } from "./analysis-pool.js";
import type { SerializedAnalysis } from "./analysis-task.js";
import type { CalibrationService } from "./calibration-service.js";

const errors = clientErrorResponses;
const security = [{ workspaceSession: [] }];
const tags = ["calibration"];
const id = recordIdSchema;
const wsParams = z.object({ workspaceId: id });
const wsItemParams = z.object({ workspaceId: id, id });
const ok = okSchema;
const formatQuery = z.object({ format: z.enum(["json", "csv"]).default("json") }).strict();
const csvQuery = z
  .object({
    min: z.coerce.number().int("min must be a whole number").default(1),
    max: z.coerce.number().int("max must be a whole number").default(4),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict();

/**
 * The worker already serialised the answer (JSON checked against the response
 * schema, or CSV), so the serializer is replaced for this reply only.
 */
function sendSerialized(reply: FastifyReply, { contentType, body }: SerializedAnalysis) {
  if (contentType.startsWith("text/csv"))
    reply.header("content-disposition", 'attachment; filename="calibration-analysis.csv"');
  return reply
    .type(contentType)
    .serializer((payload: unknown) => payload as string)
    .send(body as never);
}

/** 100,000 ratings with long names fit: a typical JSON rating is under 100 bytes, a CSV row under 50. */
const ANALYZE_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * The analysis routes take their bodies as text and hand them to the worker,
 * which parses and validates them; the body schema stays for the OpenAPI
 * document but is not run here. Other parts (the query) are validated as usual.
 */
function bodyCheckedInWorker<S>(
  route: Parameters<FastifySchemaCompiler<S>>[0],
): ReturnType<FastifySchemaCompiler<S>> {
  if (route.httpPart === "body") return (body: unknown) => ({ value: body });
  return validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
}

const mediaType = (request: FastifyRequest) =>
  String(request.headers["content-type"] ?? "")
    .split(";", 1)[0]
    ?.trim()
    .toLowerCase();

/* ── stateless analysis, in a scope of its own so its body parsers apply to nothing else ── */

const analysisRoutes: FastifyPluginAsyncZod<{ analyzer: Analyzer }> = async (app, { analyzer }) => {
  const asText = { parseAs: "string", bodyLimit: ANALYZE_BODY_LIMIT } as const;
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", asText, (_req, body, done) => done(null, body));
  app.addContentTypeParser("text/csv", asText, (_req, body, done) => done(null, body));

  app.post(
    "/api/calibration/analyze",
    {
      bodyLimit: ANALYZE_BODY_LIMIT,
      validatorCompiler: bodyCheckedInWorker,
      schema: {
        tags,
        summary: "Agreement statistics and rater severity for ratings exported from anywhere",
        querystring: formatQuery,
        body: analyzeRequestSchema,
        response: {
          200: analysisWithFlagsSchema,
          400: apiErrorSchema,
          422: apiErrorSchema,
          503: apiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      // Only JSON reaches the worker as JSON; a CSV belongs on /analyze/csv.
      if (mediaType(request) !== "application/json") {
        const { error, message } = frameworkClientError({
          code: "FST_ERR_CTP_INVALID_MEDIA_TYPE",
          message: "",
        });
        throw new HttpError(415, error, message);
      }
      const body = (request.body as unknown as string | undefined) ?? "";
      return sendSerialized(
        reply,
        await analyzer.analyzeUpload({ kind: "json", body, format: request.query.format }),
      );
    },
  );

  app.post(
    "/api/calibration/analyze/csv",
    {
      bodyLimit: ANALYZE_BODY_LIMIT,
      schema: {
        tags,
        summary: "The same analysis for a CSV upload with columns rater, subject, dimension, score",
        querystring: csvQuery,
        consumes: ["text/csv"],
        response: {
          200: analysisWithFlagsSchema,
          400: apiErrorSchema,
          422: apiErrorSchema,
          503: apiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      if (mediaType(request) !== "text/csv" || typeof request.body !== "string")
        throw badRequest("Send the CSV as the request body with content type text/csv.");
      const { min, max, format } = request.query;
      return sendSerialized(
        reply,
        await analyzer.analyzeUpload({ kind: "csv", body: request.body, scale: { min, max }, format }),
      );
    },
  );
};

export const calibrationRoutes: FastifyPluginAsyncZod<{
  service: CalibrationService;
  analyzer: Analyzer;
}> = async (app, { service, analyzer }) => {
  await app.register(analysisRoutes, { analyzer });

  /* ── workspaces and links ── */

  app.post(
    "/api/workspaces",
    {
      schema: {
        tags,
        summary: "Create a team workspace; the answer carries the admin link's secret, shown once",
        body: createWorkspaceBodySchema,
        response: { 201: workspaceCreatedSchema, 400: apiErrorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createWorkspace(request.body.name, request.body.adminName)),
  );

  app.post(
    "/api/workspaces/sessions",
    {
      schema: {
        tags,
        summary: "Exchange a link's secret (from the URL fragment) for a session credential",
        body: exchangeLinkBodySchema,
        response: { 201: sessionSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.exchange(request.body.token)),
  );

  app.get(
    "/api/workspaces/:workspaceId",
    {
      schema: {
        tags,
        security,
        summary: "The workspace, you, and (for the admin) its members",
        params: wsParams,
        response: { 200: workspaceViewSchema, ...errors },
      },
    },
    async (request) => service.view(await service.authenticate(request, request.params.workspaceId)),
  );

  app.post(
    "/api/workspaces/:workspaceId/members",
    {
      schema: {
        tags,
        security,
        summary: "Create an interviewer's personal link (admin)",
        params: wsParams,
        body: createMemberBodySchema,
        response: { 201: memberCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.addMember(
            await service.authenticate(request, request.params.workspaceId),
            request.body.name,
          ),
        ),
  );

  app.delete(
    "/api/workspaces/:workspaceId/members/:id",
    {
      schema: {
        tags,
        security,
        summary: "Revoke a member's link (admin)",
        params: wsItemParams,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      await service.revokeMember(
        await service.authenticate(request, request.params.workspaceId),
        request.params.id,
      );
      return { ok: true as const };
    },
  );

  /* ── loops ── */

  app.get(
    "/api/workspaces/:workspaceId/loops",
    {
      schema: {
        tags,
        security,
        summary: "The workspace's interview loops",
        params: wsParams,
        response: { 200: z.object({ loops: z.array(loopSchema) }), ...errors },
      },
    },
    async (request) => ({
      loops: await service.listLoops(await service.authenticate(request, request.params.workspaceId)),
    }),
  );

  app.post(
    "/api/workspaces/:workspaceId/loops",
    {
      schema: {
        tags,
        security,
        summary: "Define a loop (admin)",
        params: wsParams,
        body: loopBodySchema,
        response: { 201: loopSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.createLoop(
            await service.authenticate(request, request.params.workspaceId),
            request.body,
          ),
        ),
  );

  app.get(
    "/api/workspaces/:workspaceId/loops/:id",
    {
      schema: {
        tags,
        security,
        summary: "One loop with its coverage matrix",
        params: wsItemParams,
        response: { 200: loopSchema, ...errors },
      },
    },
    async (request) =>
      service.getLoop(await service.authenticate(request, request.params.workspaceId), request.params.id),
  );

  app.put(
    "/api/workspaces/:workspaceId/loops/:id",
    {
      schema: {
        tags,
        security,
        summary: "Change a loop (admin)",
        params: wsItemParams,
        body: loopBodySchema,
        response: { 200: loopSchema, ...errors },
      },
    },
    async (request) =>
      service.updateLoop(
        await service.authenticate(request, request.params.workspaceId),
        request.params.id,
        request.body,
      ),
  );

  app.delete(
    "/api/workspaces/:workspaceId/loops/:id",
    {
      schema: {
        tags,
        security,
        summary: "Delete a loop (admin)",
        params: wsItemParams,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      await service.deleteLoop(
        await service.authenticate(request, request.params.workspaceId),
        request.params.id,
      );
      return { ok: true as const };
    },
  );

  app.get(
    "/api/workspaces/:workspaceId/loops/:id/results",
    {
      schema: {
        tags,
        security,
        summary: "Agreement pooled across the loop's revealed exercises (admin)",
        params: wsItemParams,
        response: { 200: exerciseResultsSchema, ...errors },
      },
    },
    async (request) =>
      service.loopResults(await service.authenticate(request, request.params.workspaceId), request.params.id),
  );

  /* ── exercises ── */

  app.get(
    "/api/workspaces/:workspaceId/exercises",
    {
      schema: {
        tags,
        security,
        summary: "Exercises you run or sit on",
        params: wsParams,
        response: { 200: z.object({ exercises: z.array(exerciseSummarySchema) }), ...errors },
      },
    },
    async (request) => ({
      exercises: await service.listExercises(await service.authenticate(request, request.params.workspaceId)),
    }),
  );

  app.post(
    "/api/workspaces/:workspaceId/exercises",
    {
      schema: {
        tags,
        security,
        summary: "Create a calibration exercise (admin)",
        params: wsParams,
        body: createExerciseBodySchema,
        response: { 201: exerciseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.createExercise(
            await service.authenticate(request, request.params.workspaceId),
            request.body,
          ),
        ),
  );

  app.get(
    "/api/workspaces/:workspaceId/exercises/:id",
    {
      schema: {
        tags,
        security,
        summary: "An exercise: answers, progress and your own scores",
        params: wsItemParams,
        response: { 200: exerciseSchema, ...errors },
      },
    },
    async (request) =>
      service.getExercise(await service.authenticate(request, request.params.workspaceId), request.params.id),
  );

  app.put(
    "/api/workspaces/:workspaceId/exercises/:id/scores",
    {
      schema: {
        tags,
        security,
        summary: "Save your scores (blind); submit when every dimension of every answer is scored",
        params: wsItemParams,
        body: saveScoresBodySchema,
        response: { 200: exerciseSchema, ...errors },
      },
    },
    async (request) =>
      service.saveScores(
        await service.authenticate(request, request.params.workspaceId),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    "/api/workspaces/:workspaceId/exercises/:id/reveal",
    {
      schema: {
        tags,
        security,
        summary: "Reveal this round's results before everyone has submitted (admin)",
        params: wsItemParams,
        response: { 200: exerciseSchema, ...errors },
      },
    },
    async (request) =>
      service.reveal(await service.authenticate(request, request.params.workspaceId), request.params.id),
  );

  app.post(
    "/api/workspaces/:workspaceId/exercises/:id/rounds",
    {
      schema: {
        tags,
        security,
        summary: "Open a re-score round after discussion (admin)",
        params: wsItemParams,
        response: { 200: exerciseSchema, ...errors },
      },
    },
    async (request) =>
      service.openRescore(await service.authenticate(request, request.params.workspaceId), request.params.id),
  );

  app.get(
    "/api/workspaces/:workspaceId/exercises/:id/results",
    {
      schema: {
        tags,
        security,
        summary: "Agreement, severity and flags per round, once revealed",
        params: wsItemParams,
        response: { 200: exerciseResultsSchema, ...errors },
      },
    },
    async (request) =>
      service.results(await service.authenticate(request, request.params.workspaceId), request.params.id),
  );
};
