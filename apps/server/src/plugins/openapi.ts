import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** OpenAPI document generated from the route schemas: JSON at /api/openapi.json, a browsable UI at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Loopwright API",
        description:
          "Question bank, practice, peer sessions and loop calibration for director-level interviews.",
        version,
      },
      tags: [
        { name: "health", description: "Service status" },
        { name: "questions", description: "The question bank" },
        { name: "practice", description: "Solo timed practice, owned by a private practitioner key" },
        {
          name: "calibration",
          description: "Team workspaces, loops, calibration exercises and agreement statistics",
        },
      ],
      components: {
        securitySchemes: {
          practitionerKey: {
            type: "http",
            scheme: "bearer",
            description: "The practitioner key from POST /api/practitioners",
          },
          sessionCredential: {
            type: "http",
            scheme: "bearer",
            description: "The credential from POST /api/sessions/exchange",
          },
          workspaceSession: {
            type: "http",
            scheme: "bearer",
            description: "The credential from POST /api/workspaces/sessions",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
