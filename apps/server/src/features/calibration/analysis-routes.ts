import {
  analysisWithFlagsSchema,
  analyzeCsvQuerySchema,
  analyzeRequestSchema,
  apiErrorSchema,
  csvColumnsPreviewSchema,
} from "@loopwright/schema";
import type { FastifyReply, FastifyRequest, FastifySchemaCompiler } from "fastify";
import { type FastifyPluginAsyncZod, validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Analyzer } from "../../lib/analysis/analysis-pool.js";
import type { SerializedAnalysis } from "../../lib/analysis/analysis-task.js";
import { previewRatingsCsv } from "../../lib/analysis/ratings-csv.js";
import { badRequest, frameworkClientError, HttpError } from "../../plugins/errors.js";

const tags = ["calibration"];
/** 422: stopped for taking too long; 503: every analysis thread busy. */
const analysisResponses = {
  200: analysisWithFlagsSchema,
  400: apiErrorSchema,
  422: apiErrorSchema,
  503: apiErrorSchema,
};
const formatQuery = z.object({ format: z.enum(["json", "csv"]).default("json") }).strict();

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
/** The column preview reads a handful of records; the web client sends the file's first 64 KB. */
const CSV_PREVIEW_BODY_LIMIT = 1024 * 1024;

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

/** Stateless analysis, in a scope of its own so its body parsers apply to nothing else. */
export const analysisRoutes: FastifyPluginAsyncZod<{ analyzer: Analyzer }> = async (app, { analyzer }) => {
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
        response: analysisResponses,
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
        summary:
          "The same analysis for a CSV upload with columns rater, subject, dimension, score (or other headers, mapped in the query)",
        querystring: analyzeCsvQuerySchema,
        consumes: ["text/csv"],
        response: analysisResponses,
      },
    },
    async (request, reply) => {
      if (mediaType(request) !== "text/csv" || typeof request.body !== "string")
        throw badRequest("Send the CSV as the request body with content type text/csv.");
      const { min, max, format, ...columns } = request.query;
      return sendSerialized(
        reply,
        await analyzer.analyzeUpload({
          kind: "csv",
          body: request.body,
          scale: { min, max },
          format,
          columns,
        }),
      );
    },
  );

  app.post(
    "/api/calibration/analyze/csv/columns",
    {
      // Only the first records are read: the client sends the start of the file, not all of it.
      bodyLimit: CSV_PREVIEW_BODY_LIMIT,
      schema: {
        tags,
        summary:
          "The header, first rows and a guess at each column of a CSV, to map an export whose headers differ",
        consumes: ["text/csv"],
        response: { 200: csvColumnsPreviewSchema, 400: apiErrorSchema },
      },
    },
    async (request) => {
      if (mediaType(request) !== "text/csv" || typeof request.body !== "string")
        throw badRequest("Send the start of the CSV as the request body with content type text/csv.");
      return previewRatingsCsv(request.body);
    },
  );
};
