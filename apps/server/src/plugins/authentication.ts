import type { FastifyInstance, FastifyRequest } from "fastify";
import { bearerSecret } from "../lib/secrets.js";

/**
 * Authenticates every route of one encapsulation context once, before its
 * handler, and leaves who the caller is on `request[property]` (declared by
 * the feature through declaration merging). Routes that need no credential
 * are registered outside that context.
 *
 * A preHandler rather than an onRequest hook: it then runs after the rate
 * limits and the schema checks, in the order clients have always seen (a
 * malformed body without a credential is a 400, a throttled client a 429).
 */
export function authenticateRoutes<K extends keyof FastifyRequest>(
  app: FastifyInstance,
  property: K,
  /** `credential` is the bearer secret, or null when the header is absent or malformed. */
  identify: (credential: string | null, request: FastifyRequest) => Promise<FastifyRequest[K]>,
): void {
  app.decorateRequest(property as string, null);
  app.addHook("preHandler", async (request) => {
    request[property] = await identify(bearerSecret(request.headers.authorization), request);
  });
}
