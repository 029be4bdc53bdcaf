import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance, FastifyRequest } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/** Six months: long enough to matter, short enough to undo a mistaken TLS set-up. */
const HSTS = "max-age=15552000; includeSubDomains";

/**
 * helmet's headers, except three that only make sense over https. Sent over
 * plain HTTP, `upgrade-insecure-requests` makes a browser on
 * http://team-laptop.local:3000 fetch every script over https and render a
 * blank page; HSTS is ignored there, and Cross-Origin-Opener-Policy is ignored
 * with a console error on every page. So they are added per response, only
 * when served over TLS.
 */
export const HELMET_OPTIONS: HelmetOptions = {
  referrerPolicy: { policy: "no-referrer" },
  strictTransportSecurity: false,
  crossOriginOpenerPolicy: false,
  contentSecurityPolicy: {
    directives: {
      "script-src": ["'self'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "upgrade-insecure-requests": null,
    },
  },
};

/**
 * The headers helmet's middleware sets, read once by running it against a
 * recorder. With no CSP nonces they are the same for every response, and the
 * Fastify plugin rebuilds the middleware for each request, which cost more
 * than serving a bank response (issue 15).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}

/**
 * Whether the browser reached us over TLS: the request's own protocol (which
 * Fastify reads from X-Forwarded-Proto only when TRUST_PROXY believes the
 * proxy), or a request addressed to the host of an https PUBLIC_ORIGIN
 * (`httpsHost`, worked out once at start rather than per request).
 */
function servedOverHttps(request: FastifyRequest, httpsHost: string | null): boolean {
  return request.protocol === "https" || (httpsHost !== null && request.host === httpsHost);
}

export async function registerSecurityHeaders(
  app: FastifyInstance,
  { publicOrigin }: { publicOrigin: string | undefined },
): Promise<void> {
  const plain = helmetHeaders(HELMET_OPTIONS);
  const overTls = {
    ...plain,
    "strict-transport-security": HSTS,
    "cross-origin-opener-policy": "same-origin",
    "content-security-policy": `${plain["content-security-policy"]};upgrade-insecure-requests`,
  };
  const origin = publicOrigin ? new URL(publicOrigin) : null;
  const httpsHost = origin?.protocol === "https:" ? origin.host : null;
  // onRequest, as the plugin did, so error replies and 404s carry them too; a route may still override one.
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(servedOverHttps(request, httpsHost) ? overTls : plain);
    done();
  });
}
