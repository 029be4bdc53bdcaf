import { createHash, randomBytes, randomUUID } from "node:crypto";
import { PRACTITIONER_AUTH_SCHEME } from "@loopwright/schema";
import type { FastifyRequest } from "fastify";
import { HttpError } from "../../plugins/errors.js";
import type { PracticeRepository } from "../../storage/store.js";

/** 256 bits from the CSPRNG, URL-safe so it can travel in a link fragment. */
export function generatePractitionerKey(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Keys are long random secrets, so a fast unsalted hash is enough: there is
 * nothing to brute-force, and lookup by hash stays a single indexed query.
 */
export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export async function createPractitioner(repo: PracticeRepository): Promise<string> {
  const key = generatePractitionerKey();
  await repo.createPractitioner(randomUUID(), hashKey(key));
  return key;
}

const unauthorized = (message: string) => new HttpError(401, "unauthorized", message);

/** Resolves the practitioner from `Authorization: Bearer <key>`, or answers 401. */
export async function authenticatePractitioner(
  request: FastifyRequest,
  repo: PracticeRepository,
): Promise<string> {
  const header = request.headers.authorization;
  if (!header) {
    throw unauthorized(
      `This needs your practitioner key in an 'Authorization: ${PRACTITIONER_AUTH_SCHEME} <key>' header.`,
    );
  }
  const [scheme, key] = header.split(" ");
  if (scheme !== PRACTITIONER_AUTH_SCHEME || !key || !/^[A-Za-z0-9_-]{22,128}$/.test(key)) {
    throw unauthorized(
      `The Authorization header must be '${PRACTITIONER_AUTH_SCHEME} <key>' with a practitioner key.`,
    );
  }
  const id = await repo.findPractitionerIdByKeyHash(hashKey(key));
  if (!id)
    throw unauthorized(
      "This practitioner key is not known here. Open your personal link again, or start afresh.",
    );
  return id;
}
