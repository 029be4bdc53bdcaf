import { randomUUID } from "node:crypto";
import { PRACTITIONER_AUTH_SCHEME } from "@loopwright/schema";
import { UnauthenticatedError } from "../../lib/domain-errors.js";
import { generateSecret, hashSecret } from "../../lib/secrets.js";
import type { PracticeRepository } from "../../storage/store.js";

export async function createPractitioner(repo: PracticeRepository): Promise<string> {
  const key = generateSecret();
  await repo.createPractitioner(randomUUID(), hashSecret(key));
  return key;
}

/**
 * The practitioner whose key came as `Authorization: Bearer <key>`; `sent` says
 * whether any Authorization header came, so a missing one and a malformed one
 * are told apart.
 */
export async function practitionerFor(
  key: string | null,
  sent: boolean,
  repo: PracticeRepository,
): Promise<string> {
  if (!sent) {
    throw new UnauthenticatedError(
      `This needs your practitioner key in an 'Authorization: ${PRACTITIONER_AUTH_SCHEME} <key>' header.`,
    );
  }
  if (!key) {
    throw new UnauthenticatedError(
      `The Authorization header must be '${PRACTITIONER_AUTH_SCHEME} <key>' with a practitioner key.`,
    );
  }
  const id = await repo.findPractitionerIdByKeyHash(hashSecret(key));
  if (!id) {
    throw new UnauthenticatedError(
      "This practitioner key is not known here. Open your personal link again, or start afresh.",
    );
  }
  return id;
}
