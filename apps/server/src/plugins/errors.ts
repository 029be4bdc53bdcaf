import type { ApiError } from "@loopwright/schema";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
} from "../lib/domain-errors.js";

/** An error the client caused, carried to the error handler with its status and code. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiError["issues"],
    /** Sent with the error, e.g. Retry-After on a 503. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const notFound = (message: string) => new HttpError(404, "not_found", message);
export const badRequest = (message: string, issues?: ApiError["issues"]) =>
  new HttpError(400, "bad_request", message, issues);

const CONTEXT_NAMES: Record<string, string> = {
  querystring: "query parameter",
  params: "path parameter",
  body: "body field",
  headers: "header",
};

export interface SchemaIssue {
  /** Dotted, e.g. "ratings.5.score"; empty for the whole input. */
  path: string;
  message: string;
  /** Keys the schema does not know, when that is the problem. */
  unknownKeys?: string[];
}

/**
 * The body for input that failed its schema. Shared so that input validated
 * off the main thread (see analysis-task.ts) reads exactly like input Fastify
 * validated.
 */
export function schemaIssuesBody(context: string, schemaIssues: SchemaIssue[]): ApiError {
  const noun = CONTEXT_NAMES[context] ?? context;
  const issues = schemaIssues.map(({ path, message, unknownKeys }) => {
    if (!path && unknownKeys?.length) {
      return { path: unknownKeys.join(", "), message: `unknown ${noun}; remove it` };
    }
    return { path: path || "(root)", message };
  });
  const first = issues[0];
  const message = first
    ? `Invalid ${noun} '${first.path}': ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`
    : `Invalid ${noun}`;
  return { error: "invalid_request", message, issues };
}

function validationBody(error: FastifyError): ApiError {
  return schemaIssuesBody(
    error.validationContext ?? "body",
    (error.validation ?? []).map((v) => ({
      path: v.instancePath.replace(/^\//, "").replaceAll("/", "."),
      message: v.message ?? "is invalid",
      unknownKeys: (v.params as { keys?: string[] } | undefined)?.keys,
    })),
  );
}

/** Maps Fastify's own client errors (bad JSON, too large, wrong media type) to readable bodies. */
export function frameworkClientError(error: Pick<FastifyError, "code" | "message">): ApiError {
  const code = error.code ?? "bad_request";
  const readable: Record<string, string> = {
    FST_ERR_CTP_INVALID_JSON_BODY: "The request body is not valid JSON.",
    FST_ERR_CTP_EMPTY_JSON_BODY: "The request body is empty but the content type says JSON.",
    FST_ERR_CTP_BODY_TOO_LARGE: "The request body is too large.",
    FST_ERR_CTP_INVALID_MEDIA_TYPE: "This content type is not supported; send application/json.",
  };
  return { error: code.toLowerCase(), message: readable[code] ?? error.message };
}

/** How each kind of domain error is answered; the bodies are what clients have always been sent. */
const DOMAIN_ERRORS: [new (...args: never[]) => DomainError, number, string][] = [
  [NotFoundError, 404, "not_found"],
  [UnauthenticatedError, 401, "unauthorized"],
  [ForbiddenError, 403, "forbidden"],
  [ConflictError, 409, "conflict"],
  [InvalidInputError, 400, "invalid_request"],
];

/** The HTTP form of a domain error; undefined for any other error. */
export function domainErrorAsHttp(error: unknown): HttpError | undefined {
  for (const [kind, status, code] of DOMAIN_ERRORS) {
    if (!(error instanceof kind)) continue;
    const issues =
      error instanceof InvalidInputError ? [{ path: error.path, message: error.message }] : undefined;
    return new HttpError(status, code, error.message, issues);
  }
  return undefined;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const error = domainErrorAsHttp(thrown) ?? thrown;
    if (error instanceof HttpError) {
      if (error.headers) reply.headers(error.headers);
      const body: ApiError = { error: error.code, message: error.message };
      if (error.issues) body.issues = error.issues;
      return reply.code(error.statusCode).send(body);
    }
    // The statistics package rejects data it cannot analyse; that is the caller's input, not our fault.
    if (error instanceof Error && error.name === "AgreementError") {
      return reply.code(400).send({ error: "invalid_ratings", message: error.message });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.code(400).send(validationBody(error));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send(frameworkClientError(error));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.code(500).send({
      error: "internal_error",
      message: "Something went wrong on our side; the error has been logged.",
    });
  });
}
