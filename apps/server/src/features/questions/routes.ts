import {
  apiErrorSchema,
  questionIdParamsSchema,
  questionListQuerySchema,
  questionListSchema,
  questionSchema,
} from "@loopwright/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notFound } from "../../plugins/errors.js";
import { BankResponses } from "./bank-responses.js";
import type { QuestionCatalog } from "./catalog.js";
import { sendPrepared } from "./prepared-response.js";

/**
 * The response schemas stay declared for the OpenAPI document and for the
 * error bodies; a 200 is bytes BankResponses encoded through the same schema
 * once, so it is not validated and serialised again per request. They are
 * compressed once too (prepared-response.ts), hence `compress: false`.
 */
export const questionRoutes: FastifyPluginAsyncZod<{ catalog: QuestionCatalog }> = async (
  app,
  { catalog },
) => {
  const responses = new BankResponses(catalog);

  app.get(
    "/api/questions",
    {
      compress: false,
      schema: {
        tags: ["questions"],
        summary: "List questions, filtered by competency and level and searched by text",
        querystring: questionListQuerySchema,
        response: { 200: questionListSchema, 400: apiErrorSchema },
      },
    },
    async (request, reply) => sendPrepared(request, reply, responses.list(request.query)),
  );

  app.get(
    "/api/questions/:id",
    {
      compress: false,
      schema: {
        tags: ["questions"],
        summary: "One question with its guide, rubric, talking points and example answers",
        params: questionIdParamsSchema,
        response: { 200: questionSchema, 400: apiErrorSchema, 404: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const prepared = responses.question(request.params.id);
      if (!prepared) throw notFound(`No question has the id '${request.params.id}'.`);
      return sendPrepared(request, reply, prepared);
    },
  );
};
