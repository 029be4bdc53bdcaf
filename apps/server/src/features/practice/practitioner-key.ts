import { randomUUID } from "node:crypto";
import { PRACTITIONER_AUTH_SCHEME } from "@loopwright/schema";
import type { FastifyRequest } from "fastify";
import { bearerSecret, generateSecret, hashSecret } from "../../lib/secrets.js";
import { HttpError } from "../../plugins/errors.js";
import type { PracticeRepository } from "../../storage/store.js";

export async function createPractitioner(repo: PracticeRepository): Promise<string> {
  const key = generateSecret();
  await repo.createPractitioner(randomUUID(), hashSecret(key));
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
  const key = bearerSecret(header);
  if (!key) {
    throw unauthorized(
      `The Authorization header must be '${PRACTITIONER_AUTH_SCHEME} <key>' with a practitioner key.`,
    );
  }
  const id = await repo.findPractitionerIdByKeyHash(hashSecret(key));
  if (!id)
    throw unauthorized(
      "This practitioner key is not known here. Open your personal link again, or start afresh.",
    );
  return id;
}
