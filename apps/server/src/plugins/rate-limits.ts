import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from "fastify";
import { HttpError } from "./errors.js";

export type RateLimitTier = "create" | "exchange" | "analyze";

/**
 * Which routes get a tighter limit than the global one, in one table so the
 * policy can be read (and tested) in one place. A tier is one bucket per
 * client address shared by all its routes: twenty creations a minute means
 * twenty in all, not twenty of each kind.
 */
export const RATE_LIMITED_ROUTES: Record<RateLimitTier, readonly string[]> = {
  create: [
    "POST /api/practitioners",
    "POST /api/attempts",
    "POST /api/practice-loops",
    "POST /api/practice/peer-feedback",
    "POST /api/sessions",
    "POST /api/sessions/:id/links",
    "POST /api/sessions/:id/links/:participantId/reissue",
    "POST /api/sessions/:id/next",
    "POST /api/sessions/:id/swap",
    "POST /api/workspaces",
    "POST /api/workspaces/:workspaceId/members",
    "POST /api/workspaces/:workspaceId/members/:id/link",
    "POST /api/workspaces/:workspaceId/loops",
    "POST /api/workspaces/:workspaceId/exercises",
    "POST /api/workspaces/:workspaceId/exercises/:id/rounds",
  ],
  exchange: [
    "POST /api/sessions/exchange",
    "POST /api/sessions/:id/swap-link",
    "POST /api/workspaces/sessions",
  ],
  analyze: [
    "POST /api/calibration/analyze",
    "POST /api/calibration/analyze/csv",
    "POST /api/calibration/analyze/csv/columns",
  ],
};

export interface RateLimitSettings {
  /** Requests a minute from one address to any route; 0 = no limit. */
  perMinute: number;
  tiers: Record<RateLimitTier, number>;
}

const TIER_OF = new Map(
  Object.entries(RATE_LIMITED_ROUTES).flatMap(([tier, routes]) =>
    routes.map((route) => [route, tier as RateLimitTier] as const),
  ),
);

export function tierOf(method: string, url: string): RateLimitTier | undefined {
  return TIER_OF.get(`${method} ${url}`);
}

/** Health probes from a load balancer and fingerprinted static files are never limited. */
function exempt(request: FastifyRequest): boolean {
  const path = request.url.split("?", 1)[0] ?? "";
  return path === "/api/health" || path.startsWith("/assets/");
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? "1 second" : `${s} seconds`;
}

function tooManyRequests(max: number, ttlMs: number): HttpError {
  return new HttpError(
    429,
    "rate_limited",
    `Too many requests from your address: at most ${max} a minute here. Try again in ${seconds(ttlMs)}.`,
  );
}

/**
 * Limits per client address (request.ip, which honours TRUST_PROXY, so behind a
 * proxy each browser has its own bucket and a forged X-Forwarded-For counts for
 * nothing without it). In-memory per instance: several instances each count
 * their own share.
 */
export async function registerRateLimits(app: FastifyInstance, settings: RateLimitSettings): Promise<void> {
  await app.register(rateLimit, {
    global: settings.perMinute > 0,
    max: settings.perMinute,
    timeWindow: 60_000,
    allowList: exempt,
    errorResponseBuilder: (_request, context) => tooManyRequests(context.max, context.ttl),
  });
  // app.rateLimit() handlers skip a request the global limit already counted,
  // so each tier is checked with createRateLimit and answered here instead.
  const limiters = new Map<RateLimitTier, onRequestHookHandler>();
  for (const [tier, max] of Object.entries(settings.tiers) as [RateLimitTier, number][]) {
    if (max <= 0) continue;
    const check = app.createRateLimit({ max, timeWindow: 60_000 });
    limiters.set(tier, async (request, reply) => {
      const result = await check(request);
      if (result.isAllowed || !result.isExceeded) return;
      reply.header("retry-after", result.ttlInSeconds);
      throw tooManyRequests(result.max, result.ttl);
    });
  }
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const tier = methods.map((m) => tierOf(m, route.url)).find(Boolean);
    const limiter = tier && limiters.get(tier);
    if (!limiter) return;
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [...existing, limiter];
  });
}
