import { clientErrorResponses } from "@loopwright/schema";

interface RouteSchema {
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  consumes?: string[];
  response?: Record<number, unknown>;
}

/**
 * How a feature's routes describe themselves in the OpenAPI document: its tag
 * and, for routes behind its credential, the security scheme and the client
 * errors (400, 401, 403, 404, 409) any of them may answer.
 */
export function routeDocs(tag: string, securityScheme: string) {
  const tags = [tag];
  const security = [{ [securityScheme]: [] }];
  return {
    security,
    /** A route anyone may call. */
    open: <S extends RouteSchema>(summary: string, schema: S) => ({ tags, summary, ...schema }),
    /** A route behind the feature's credential. */
    secured: <S extends RouteSchema>(summary: string, schema: S) => ({
      tags,
      security,
      summary,
      ...schema,
      response: { ...schema.response, ...clientErrorResponses } as S["response"] &
        typeof clientErrorResponses,
    }),
  };
}
