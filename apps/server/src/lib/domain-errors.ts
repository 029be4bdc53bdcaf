/**
 * What services throw when a request breaks a rule of the domain. They say
 * what went wrong, not how to answer it: the error plugin (plugins/errors.ts)
 * maps each kind to its HTTP status and error code, so services stay free of
 * the transport and can be called from a socket or a test just the same.
 */
export abstract class DomainError extends Error {
  override name = this.constructor.name;
}

/** No such record here, or one the caller may not learn exists. */
export class NotFoundError extends DomainError {}

/** No credential, or one that is unknown, revoked or expired. */
export class UnauthenticatedError extends DomainError {}

/** The caller is known but their role does not allow this. */
export class ForbiddenError extends DomainError {}

/** The record's current state does not allow this now (already submitted, not yet started…). */
export class ConflictError extends DomainError {}

/** A well-formed request that names something that is not there or does not fit, at `path`. */
export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}
