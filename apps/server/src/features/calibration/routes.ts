import {
  apiErrorSchema,
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
  memberSignInSchema,
  okSchema,
  recordIdSchema,
  saveScoresBodySchema,
  setExerciseDueBodySchema,
  workspaceCreatedSchema,
  workspaceViewSchema,
} from "@loopwright/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Analyzer } from "../../lib/analysis/analysis-pool.js";
import { routeDocs } from "../../lib/route-docs.js";
import { authenticateRoutes } from "../../plugins/authentication.js";
import type { MemberRecord } from "../../storage/store.js";
import { analysisRoutes } from "./analysis-routes.js";
import type { CalibrationServices } from "./services.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The workspace member whose credential authenticated the request; set on workspace routes only. */
    member: MemberRecord;
  }
}

const docs = routeDocs("calibration", "workspaceSession");
const wsParams = z.object({ workspaceId: recordIdSchema });
const wsItemParams = z.object({ workspaceId: recordIdSchema, id: recordIdSchema });
const ok = { ok: true as const };

/** Everything inside a workspace: one scope, so the member's credential is checked once per request. */
const memberRoutes: FastifyPluginAsyncZod<CalibrationServices> = async (
  app,
  { workspaces, loops, exercises, results },
) => {
  authenticateRoutes(app, "member", (credential, request) =>
    workspaces.memberFor(credential, (request.params as { workspaceId: string }).workspaceId),
  );

  app.get(
    "/api/workspaces/:workspaceId",
    {
      schema: docs.secured("The workspace, you, and (for the admin) its members", {
        params: wsParams,
        response: { 200: workspaceViewSchema },
      }),
    },
    async (request) => workspaces.view(request.member),
  );

  app.post(
    "/api/workspaces/:workspaceId/members",
    {
      schema: docs.secured("Create an interviewer's personal link (admin)", {
        params: wsParams,
        body: createMemberBodySchema,
        response: { 201: memberCreatedSchema },
      }),
    },
    async (request, reply) =>
      reply.code(201).send(await workspaces.addMember(request.member, request.body.name)),
  );

  app.post(
    "/api/workspaces/:workspaceId/members/:id/link",
    {
      schema: docs.secured(
        "Re-issue an interviewer's lost link (admin): the old one stops working, the new secret is shown once",
        {
          params: wsItemParams,
          response: { 201: memberCreatedSchema },
        },
      ),
    },
    async (request, reply) =>
      reply.code(201).send(await workspaces.reissueLink(request.member, request.params.id)),
  );

  app.delete(
    "/api/workspaces/:workspaceId/members/:id",
    {
      schema: docs.secured("Revoke a member's link (admin)", {
        params: wsItemParams,
        response: { 200: okSchema },
      }),
    },
    async (request) => {
      await workspaces.revokeMember(request.member, request.params.id);
      return ok;
    },
  );

  /* ── loops ── */

  app.get(
    "/api/workspaces/:workspaceId/loops",
    {
      schema: docs.secured("The workspace's interview loops", {
        params: wsParams,
        response: { 200: z.object({ loops: z.array(loopSchema) }) },
      }),
    },
    async (request) => ({ loops: await loops.list(request.member) }),
  );

  app.post(
    "/api/workspaces/:workspaceId/loops",
    {
      schema: docs.secured("Define a loop (admin)", {
        params: wsParams,
        body: loopBodySchema,
        response: { 201: loopSchema },
      }),
    },
    async (request, reply) => reply.code(201).send(await loops.create(request.member, request.body)),
  );

  app.get(
    "/api/workspaces/:workspaceId/loops/:id",
    {
      schema: docs.secured("One loop with its coverage matrix", {
        params: wsItemParams,
        response: { 200: loopSchema },
      }),
    },
    async (request) => loops.get(request.member, request.params.id),
  );

  app.put(
    "/api/workspaces/:workspaceId/loops/:id",
    {
      schema: docs.secured("Change a loop (admin)", {
        params: wsItemParams,
        body: loopBodySchema,
        response: { 200: loopSchema },
      }),
    },
    async (request) => loops.update(request.member, request.params.id, request.body),
  );

  app.delete(
    "/api/workspaces/:workspaceId/loops/:id",
    {
      schema: docs.secured("Delete a loop (admin)", { params: wsItemParams, response: { 200: okSchema } }),
    },
    async (request) => {
      await loops.delete(request.member, request.params.id);
      return ok;
    },
  );

  app.get(
    "/api/workspaces/:workspaceId/loops/:id/results",
    {
      schema: docs.secured("Agreement pooled across the loop's revealed exercises (admin)", {
        params: wsItemParams,
        response: { 200: exerciseResultsSchema },
      }),
    },
    async (request) => results.loop(request.member, request.params.id),
  );

  /* ── exercises ── */

  app.get(
    "/api/workspaces/:workspaceId/exercises",
    {
      schema: docs.secured("Exercises you run or sit on", {
        params: wsParams,
        response: { 200: z.object({ exercises: z.array(exerciseSummarySchema) }) },
      }),
    },
    async (request) => ({ exercises: await exercises.list(request.member) }),
  );

  app.post(
    "/api/workspaces/:workspaceId/exercises",
    {
      schema: docs.secured("Create a calibration exercise (admin)", {
        params: wsParams,
        body: createExerciseBodySchema,
        response: { 201: exerciseSchema },
      }),
    },
    async (request, reply) => reply.code(201).send(await exercises.create(request.member, request.body)),
  );

  app.get(
    "/api/workspaces/:workspaceId/exercises/:id",
    {
      schema: docs.secured("An exercise: answers, progress and your own scores", {
        params: wsItemParams,
        response: { 200: exerciseSchema },
      }),
    },
    async (request) => exercises.get(request.member, request.params.id),
  );

  app.put(
    "/api/workspaces/:workspaceId/exercises/:id/scores",
    {
      schema: docs.secured(
        "Save your scores (blind); submit when every dimension of every answer is scored",
        {
          params: wsItemParams,
          body: saveScoresBodySchema,
          response: { 200: exerciseSchema },
        },
      ),
    },
    async (request) => exercises.saveScores(request.member, request.params.id, request.body),
  );

  app.put(
    "/api/workspaces/:workspaceId/exercises/:id/due",
    {
      schema: docs.secured("Set or clear when the panel should have finished scoring (admin)", {
        params: wsItemParams,
        body: setExerciseDueBodySchema,
        response: { 200: exerciseSchema },
      }),
    },
    async (request) => exercises.setDue(request.member, request.params.id, request.body.dueAt),
  );

  app.post(
    "/api/workspaces/:workspaceId/exercises/:id/reveal",
    {
      schema: docs.secured("Reveal this round's results before everyone has submitted (admin)", {
        params: wsItemParams,
        response: { 200: exerciseSchema },
      }),
    },
    async (request) => exercises.reveal(request.member, request.params.id),
  );

  app.post(
    "/api/workspaces/:workspaceId/exercises/:id/rounds",
    {
      schema: docs.secured("Open a re-score round after discussion (admin)", {
        params: wsItemParams,
        response: { 200: exerciseSchema },
      }),
    },
    async (request) => exercises.openRescore(request.member, request.params.id),
  );

  app.get(
    "/api/workspaces/:workspaceId/exercises/:id/results",
    {
      schema: docs.secured("Agreement, severity and flags per round, once revealed", {
        params: wsItemParams,
        response: { 200: exerciseResultsSchema },
      }),
    },
    async (request) => results.exercise(request.member, request.params.id),
  );
};

export const calibrationRoutes: FastifyPluginAsyncZod<{
  services: CalibrationServices;
  analyzer: Analyzer;
}> = async (app, { services, analyzer }) => {
  await app.register(analysisRoutes, { analyzer });
  const { workspaces } = services;

  app.post(
    "/api/workspaces",
    {
      schema: docs.open("Create a team workspace; the answer carries the admin link's secret, shown once", {
        body: createWorkspaceBodySchema,
        response: { 201: workspaceCreatedSchema, 400: apiErrorSchema },
      }),
    },
    async (request, reply) =>
      reply.code(201).send(await workspaces.createWorkspace(request.body.name, request.body.adminName)),
  );

  app.post(
    "/api/workspaces/sessions",
    {
      schema: docs.open("Exchange a link's secret (from the URL fragment) for a session credential", {
        body: exchangeLinkBodySchema,
        response: { 201: memberSignInSchema, 400: apiErrorSchema, 401: apiErrorSchema },
      }),
    },
    async (request, reply) => reply.code(201).send(await workspaces.exchange(request.body.token)),
  );

  await app.register(memberRoutes, services);
};
