import { analyze } from "@loopwright/agreement";
import {
  type AnalysisWithFlags,
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
  type RatingInput,
  recordIdSchema,
  saveScoresBodySchema,
  sessionSchema,
  workspaceCreatedSchema,
  workspaceViewSchema,
} from "@loopwright/schema";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { badRequest } from "../../plugins/errors.js";
import type { CalibrationService } from "./calibration-service.js";
import { panelFlags, raterSubjectMeans, scoreDistributions } from "./panel-flags.js";
import { analysisToCsv, parseRatingsCsv } from "./ratings-csv.js";

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

/** CSV bypasses the JSON response schema: the serializer is replaced for this reply only. */
function sendCsv(reply: FastifyReply, csv: string) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", 'attachment; filename="calibration-analysis.csv"')
    .serializer((payload: unknown) => payload as string)
    .send(csv as never);
}

const ANALYZE_BODY_LIMIT = 32 * 1024 * 1024;

function withFlags(ratings: RatingInput[], scale: { min: number; max: number }): AnalysisWithFlags {
  const analysis = analyze(ratings, scale);
  return {
    ...analysis,
    flags: panelFlags(analysis, ratings),
    heatmap: raterSubjectMeans(ratings),
    distributions: scoreDistributions(ratings, scale),
    referenceOffsets: [],
  };
}

export const calibrationRoutes: FastifyPluginAsyncZod<{ service: CalibrationService }> = async (
  app,
  { service },
) => {
  app.addContentTypeParser(
    "text/csv",
    { parseAs: "string", bodyLimit: ANALYZE_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  /* ── stateless analysis ── */

  app.post(
    "/api/calibration/analyze",
    {
      bodyLimit: ANALYZE_BODY_LIMIT,
      schema: {
        tags,
        summary: "Agreement statistics and rater severity for ratings exported from anywhere",
        querystring: formatQuery,
        body: analyzeRequestSchema,
        response: { 200: analysisWithFlagsSchema, 400: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const result = withFlags(request.body.ratings, request.body.scale);
      if (request.query.format === "csv") return sendCsv(reply, analysisToCsv(result));
      return result;
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
        response: { 200: analysisWithFlagsSchema, 400: apiErrorSchema },
      },
    },
    async (request, reply) => {
      if (typeof request.body !== "string")
        throw badRequest("Send the CSV as the request body with content type text/csv.");
      const ratings = parseRatingsCsv(request.body);
      const parsed = analyzeRequestSchema.safeParse({
        scale: { min: request.query.min, max: request.query.max },
        ratings,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // Rows in the message count from the first rating; the CSV's line is one more (the header).
        const message = (issue?.message ?? "invalid ratings").replace(
          /row (\d+)/g,
          (_m, n) => `line ${Number(n) + 1}`,
        );
        throw badRequest(message, [{ path: issue?.path.join(".") ?? "", message }]);
      }
      const result = withFlags(parsed.data.ratings, parsed.data.scale);
      if (request.query.format === "csv") return sendCsv(reply, analysisToCsv(result));
      return result;
    },
  );

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
