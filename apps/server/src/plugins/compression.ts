import compress from "@fastify/compress";
import type { FastifyInstance } from "fastify";

/**
 * Bodies under this many bytes go as they are: a small JSON answer barely
 * shrinks, and the header and the work cost more than the bytes saved.
 */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * What is worth compressing: text, JSON and XML. The plugin's default also
 * compresses application/octet-stream, which is as likely to be compressed
 * already; fonts, images and archives are left to mime-db, which marks them
 * not compressible. Server-sent events would be held back by a compressor.
 */
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)/u;

/**
 * Brotli or gzip for dynamic responses (API JSON, CSV exports, the not-built
 * page), whichever the client prefers. Static files from the web build arrive
 * precompressed at the highest levels (web-app.ts), and a response that already
 * carries a Content-Encoding is passed through untouched. Brotli runs at the
 * plugin's default quality 4: on-the-fly quality 11 costs far more CPU for a few
 * per cent. It hooks every route as it is added, so it must be registered
 * before the routes are; a WebSocket upgrade never reaches onSend, so it is
 * unaffected.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    encodings: ["br", "gzip"],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    customTypes: COMPRESSIBLE,
  });
}
