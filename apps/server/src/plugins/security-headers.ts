import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyRequest } from "fastify";

/** Six months: long enough to matter, short enough to undo a mistaken TLS set-up. */
const HSTS = "max-age=15552000; includeSubDomains";

/**
 * Whether the browser reached us over TLS: the request's own protocol (which
 * Fastify reads from X-Forwarded-Proto only when TRUST_PROXY believes the
 * proxy), or a request addressed to the host of an https PUBLIC_ORIGIN
 * (`httpsHost`, worked out once at start rather than per request).
 */
function servedOverHttps(request: FastifyRequest, httpsHost: string | null): boolean {
  return request.protocol === "https" || (httpsHost !== null && request.host === httpsHost);
}

/**
 * helmet's headers, except three that only make sense over https. Sent over
 * plain HTTP, `upgrade-insecure-requests` makes a browser on
 * http://team-laptop.local:3000 fetch every script over https and render a
 * blank page; HSTS is ignored there, and Cross-Origin-Opener-Policy is ignored
 * with a console error on every page. So they are added per response, only
 * when served over TLS.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  { publicOrigin }: { publicOrigin: string | undefined },
): Promise<void> {
  await app.register(helmet, {
    referrerPolicy: { policy: "no-referrer" },
    hsts: false,
    crossOriginOpenerPolicy: false,
    contentSecurityPolicy: {
      directives: {
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "upgrade-insecure-requests": null,
      },
    },
  });
  const origin = publicOrigin ? new URL(publicOrigin) : null;
  const httpsHost = origin?.protocol === "https:" ? origin.host : null;
  app.addHook("onSend", async (request, reply, payload) => {
    if (!servedOverHttps(request, httpsHost)) return payload;
    reply.header("strict-transport-security", HSTS);
    reply.header("cross-origin-opener-policy", "same-origin");
    const csp = reply.getHeader("content-security-policy");
    if (typeof csp === "string") reply.header("content-security-policy", `${csp};upgrade-insecure-requests`);
    return payload;
  });
}
