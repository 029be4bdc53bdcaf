import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { ifNoneMatchHits } from "./conditional.js";
import { type Coding, preferredCoding } from "./content-coding.js";

/**
 * The bank changes only with a redeploy, and a web client from the new deploy
 * may not understand a body from the old one (its schema check rejects it), so
 * a cache must not reuse a body unchecked even for a few minutes: `no-cache`
 * lets browsers and proxies store it but makes them revalidate every time,
 * which costs one 304 with no body while the deploy stays the same. `public`
 * because nothing here depends on who asks.
 */
export const CACHE_CONTROL = "public, no-cache";
const JSON_UTF8 = "application/json; charset=utf-8";

/**
 * Each body is compressed at most once per coding, so a higher quality than
 * compression.ts affords per response pays off; brotli above 6 took several
 * times longer on the bank for a few per cent, and this runs on the event loop.
 */
const BROTLI_QUALITY = 6;

/** Bytes as sent, with their strong validator. */
export interface Encoded {
  readonly body: Buffer;
  readonly etag: string;
}

/**
 * The first 128 bits of the SHA-256 of the exact bytes, in base64url: it
 * changes whenever a byte does, which is what makes it strong (RFC 9110 §8.8.3),
 * and the brotli, gzip and plain bodies, being different bytes, get different tags.
 */
export function strongEtag(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
}

function encoded(body: Buffer): Encoded {
  return { body, etag: strongEtag(body) };
}

/** A JSON body serialised once; its compressed forms are made on first request and kept. */
export class PreparedResponse {
  readonly identity: Encoded;
  private br: Encoded | undefined;
  private gzip: Encoded | undefined;

  constructor(json: string) {
    this.identity = encoded(Buffer.from(json, "utf8"));
  }

  in(coding: Coding): Encoded {
    if (coding === "br") {
      this.br ??= encoded(
        brotliCompressSync(this.identity.body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: this.identity.body.length,
          },
        }),
      );
      return this.br;
    }
    if (coding === "gzip") {
      this.gzip ??= encoded(gzipSync(this.identity.body));
      return this.gzip;
    }
    return this.identity;
  }
}

/**
 * Encodes `value` through the route's response schema and serialises it, as
 * the per-request serialiser did, but once: the schema still refuses a field
 * it does not declare (the strict bank schemas) before any byte is served.
 */
export function prepare(schema: z.ZodType, value: unknown): PreparedResponse {
  return new PreparedResponse(JSON.stringify(schema.encode(value)));
}

/**
 * Sends the prepared bytes in the coding the client prefers, or a bodiless
 * 304 when it already holds them. A Buffer with its content type set bypasses
 * Fastify's serialiser, which is the point; the security-header and rate-limit
 * hooks still run. The routes opt out of compression.ts, which would otherwise
 * compress these bytes again on every response and under the plain body's ETag.
 */
export function sendPrepared(request: FastifyRequest, reply: FastifyReply, prepared: PreparedResponse) {
  const coding = preferredCoding(request.headers["accept-encoding"]);
  const { body, etag } = prepared.in(coding);
  reply.header("etag", etag).header("cache-control", CACHE_CONTROL).header("vary", "accept-encoding");
  if (ifNoneMatchHits(request.headers["if-none-match"], etag)) return reply.code(304).send();
  if (coding !== "identity") reply.header("content-encoding", coding);
  return reply.type(JSON_UTF8).send(body);
}
