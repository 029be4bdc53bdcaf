import { createHash, randomBytes } from "node:crypto";

/** 256 bits from the CSPRNG, URL-safe so it can travel in a link fragment. */
export function generateSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Shorter random ids for records whose ids appear in URLs; 96 bits keeps them unguessable. */
export function generateId(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * Secrets are long random strings, so a fast unsalted hash is enough: there is
 * nothing to brute-force, and lookup by hash stays a single indexed query.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Reads `Authorization: Bearer <secret>`; null when absent or malformed. */
export function bearerSecret(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, secret] = header.split(" ");
  if (scheme !== "Bearer" || !secret || !/^[A-Za-z0-9_-]{22,128}$/.test(secret)) return null;
  return secret;
}
