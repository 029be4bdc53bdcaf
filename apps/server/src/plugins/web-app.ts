import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { notFound } from "./errors.js";

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Loopwright</title>
<body style="font:16px/1.5 system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>The web app has not been built</h1>
<p>The API is running. Build the client with <code>pnpm build</code> (or start everything with <code>pnpm start</code>) and reload.</p>
<p>API documentation: <a href="/api/docs">/api/docs</a></p></body></html>`;

/** Vite fingerprints what it puts in assets/, so a name there always means the same bytes. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Serves the built React app. Unknown /api paths get a JSON 404; any other
 * unknown path gets index.html so client-side routes survive a reload.
 *
 * Hashed assets are cached for a year; index.html (and anything else outside
 * assets/) is revalidated on every use, so a deploy is picked up at once. The
 * build's precompressed .br/.gz files are sent as they are when the browser
 * accepts them; compression.ts does the rest.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const indexFile = path.join(distDir, "index.html");
  const built = existsSync(indexFile);
  if (built) {
    const assetsDir = `${path.sep}assets${path.sep}`;
    await app.register(fastifyStatic, {
      root: distDir,
      // Look files up per request rather than at start, so a rebuild while running is served correctly.
      wildcard: true,
      preCompressed: true,
      // send's own `Cache-Control: public, max-age=0` is applied after setHeaders and would
      // replace the header set there (and the no-cache of the index.html fallback below).
      cacheControl: false,
      setHeaders(res, filePath) {
        res.setHeader("cache-control", filePath.includes(assetsDir) ? IMMUTABLE : "no-cache");
        // The web build (apps/web/build/precompress.ts) writes a .br and .gz beside what is worth
        // compressing, so a cache must keep the bodies apart; on a file without them it costs nothing.
        res.setHeader("vary", "accept-encoding");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split("?")[0] ?? "";
    if (pathname.startsWith("/api/") || pathname === "/api" || request.method !== "GET") {
      throw notFound(
        `There is no ${request.method} ${pathname} endpoint. The API is documented at /api/docs.`,
      );
    }
    // A missing file (a stale hashed asset, say) is a real 404, not the app shell.
    if (/\.[a-z0-9]+$/i.test(pathname)) throw notFound(`There is no file at ${pathname}.`);
    if (!built) return reply.type("text/html").send(NOT_BUILT_PAGE);
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
