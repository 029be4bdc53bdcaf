import {
  apiErrorSchema,
  questionIdParamsSchema,
  questionListQuerySchema,
  questionListSchema,
  questionSchema,
} from "@loopwright/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notFound } from "../../plugins/errors.js";
import type { QuestionCatalog } from "./catalog.js";

export const questionRoutes: FastifyPluginAsyncZod<{ catalog: QuestionCatalog }> = async (
  app,
  { catalog },
) => {
  app.get(
    "/api/questions",
    {
      schema: {
        tags: ["questions"],
        summary: "List questions, filtered by competency and level and searched by text",
        querystring: questionListQuerySchema,
        response: { 200: questionListSchema, 400: apiErrorSchema },
      },
    },
    async (request) => {
      const questions = catalog.list(request.query);
      return { total: questions.length, questions };
    },
  );

  app.get(
    "/api/questions/:id",
    {
      schema: {
        tags: ["questions"],
        summary: "One question with its guide, rubric, talking points and example answers",
        params: questionIdParamsSchema,
        response: { 200: questionSchema, 400: apiErrorSchema, 404: apiErrorSchema },
      },
    },
    async (request) => {
      const question = catalog.get(request.params.id);
      if (!question) throw notFound(`No question has the id '${request.params.id}'.`);
      return question;
    },
  );
};
