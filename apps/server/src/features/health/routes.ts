import { healthSchema } from "@loopwright/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Store } from "../../storage/store.js";
import type { QuestionCatalog } from "../questions/catalog.js";

export const healthRoutes: FastifyPluginAsyncZod<{
  catalog: QuestionCatalog;
  store: Store;
  version: string;
  /** Peer-session rooms held in memory by this instance. */
  loadedRooms: () => number;
}> = async (app, { catalog, store, version, loadedRooms }) => {
  app.get(
    "/api/health",
    { schema: { tags: ["health"], summary: "Liveness and readiness", response: { 200: healthSchema } } },
    async () => {
      await store.ping();
      return {
        status: "ok" as const,
        version,
        questions: catalog.size,
        storage: store.kind,
        rooms: loadedRooms(),
      };
    },
  );
};
