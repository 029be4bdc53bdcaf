import { createRequire } from "node:module";
import path from "node:path";
import websocket from "@fastify/websocket";
import { loadBankOrThrow } from "@loopwright/bank";
import { MAX_FRAME_BYTES } from "@loopwright/schema";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import { calibrationRoutes } from "./features/calibration/routes.js";
import { calibrationServices } from "./features/calibration/services.js";
import { healthRoutes } from "./features/health/routes.js";
import { PracticeService } from "./features/practice/attempt-service.js";
import { peerFeedbackRoutes } from "./features/practice/peer-feedback.js";
import { practiceRoutes } from "./features/practice/routes.js";
import { QuestionCatalog } from "./features/questions/catalog.js";
import { questionRoutes } from "./features/questions/routes.js";
import { sessionRoutes } from "./features/sessions/routes.js";
import { SessionService } from "./features/sessions/session-service.js";
import { createAnalysisPool } from "./lib/analysis/analysis-pool.js";
import { registerCompression } from "./plugins/compression.js";
import { installErrorHandling } from "./plugins/errors.js";
import { registerOpenApi } from "./plugins/openapi.js";
import { registerRateLimits } from "./plugins/rate-limits.js";
import { OneLineRequestLog } from "./plugins/request-log.js";
import { registerSecurityHeaders } from "./plugins/security-headers.js";
import { registerWebApp } from "./plugins/web-app.js";
import { openSqliteStore } from "./storage/sqlite/sqlite-store.js";
import type { Store } from "./storage/store.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

export interface BuildOptions {
  config: Config;
  logger?: FastifyServerOptions["logger"];
  /** Supply a store to share one across app instances (tests); otherwise as configured. */
  store?: Store;
  /** The clock calibration judges due dates and link expiry by; tests move it. Date.now otherwise. */
  now?: () => number;
}

export type App = FastifyInstance;

/** PostgreSQL when DATABASE_URL is set (several instances may share it), otherwise SQLite in DATA_DIR. */
async function openStore(config: Config, log: FastifyBaseLogger): Promise<Store> {
  if (!config.DATABASE_URL) return openSqliteStore(config.DATA_DIR);
  // Loaded only when asked for: a SQLite start should not pay for the PostgreSQL driver.
  const { PostgresStore } = await import("./storage/postgres/postgres-store.js");
  return PostgresStore.open({
    connectionString: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    log,
  });
}

const hopsTrusted = (hops: number) => (_address: string, hop: number) => hop < hops;

/**
 * Builds the application without listening. Loads and validates the question
 * bank first so a bad file stops start-up with its name, then opens storage.
 */
export async function buildApp({ config, logger = false, store, now }: BuildOptions): Promise<App> {
  // Every start validates the bank; only the YAML parse of unchanged files is remembered.
  const catalog = new QuestionCatalog(
    loadBankOrThrow(config.BANK_DIR, {
      parseCacheFile: path.join(config.DATA_DIR, "cache", "bank-yaml.json"),
    }),
  );

  const app = Fastify({
    logger,
    logController: new OneLineRequestLog(),
    bodyLimit: 1024 * 1024,
    // Behind a proxy, request.ip, .protocol and .host come from X-Forwarded-* only when trusted.
    // Fastify accepts a hop count at run time, but its types want the equivalent function.
    trustProxy: typeof config.TRUST_PROXY === "number" ? hopsTrusted(config.TRUST_PROXY) : config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();
  const activeStore = store ?? (await openStore(config, app.log));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await registerCompression(app);
  await registerSecurityHeaders(app, { publicOrigin: config.PUBLIC_ORIGIN });
  await registerRateLimits(app, {
    perMinute: config.RATE_LIMIT_PER_MINUTE,
    tiers: {
      create: config.RATE_LIMIT_CREATE_PER_MINUTE,
      exchange: config.RATE_LIMIT_EXCHANGE_PER_MINUTE,
      analyze: config.RATE_LIMIT_ANALYZE_PER_MINUTE,
    },
  });
  await registerOpenApi(app, version);
  // Frames over 64 KiB are refused by ws itself (close 1009) before any parsing.
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });
  await app.register(questionRoutes, { catalog });
  const practice = new PracticeService({
    catalog,
    repo: activeStore.practice,
    locks: activeStore.locks,
    timeScale: config.PRACTICE_TIME_SCALE,
  });
  await app.register(practiceRoutes, { service: practice, repo: activeStore.practice, catalog });
  // Analyses run on worker threads so a large one cannot stall the event loop.
  const analyzer = createAnalysisPool({
    maxQueue: config.ANALYSIS_QUEUE_LIMIT,
    timeoutMs: config.ANALYSIS_TIMEOUT_SECONDS * 1000,
  });
  app.addHook("onClose", async () => analyzer.close());
  const calibration = calibrationServices({
    catalog,
    repo: activeStore.calibration,
    locks: activeStore.locks,
    analyzer,
    linkTtlDays: config.LINK_TTL_DAYS,
    sessionTtlHours: config.CREDENTIAL_TTL_HOURS,
    now,
  });
  await app.register(calibrationRoutes, { services: calibration, analyzer });
  const sessions = new SessionService({
    catalog,
    repo: activeStore.sessions,
    analyzer,
    linkTtlDays: config.LINK_TTL_DAYS,
    credentialTtlHours: config.CREDENTIAL_TTL_HOURS,
    roomIdleMs: config.ROOM_IDLE_SECONDS * 1000,
    bus: activeStore.bus,
  });
  await app.register(healthRoutes, {
    catalog,
    store: activeStore,
    version,
    loadedRooms: () => sessions.loadedRooms,
  });
  await app.register(sessionRoutes, { service: sessions, publicOrigin: config.PUBLIC_ORIGIN });
  await app.register(peerFeedbackRoutes, { sessions, repo: activeStore.practice });
  app.addHook("preClose", async () => sessions.closeAll());
  await registerWebApp(app, config.WEB_DIST_DIR);

  if (!store) app.addHook("onClose", async () => activeStore.close());
  return app;
}
