import type { FastifyInstance } from "fastify";

/**
 * One line per request, written when the response has gone: method, path,
 * status and time taken, under the request's id. Fastify's own request
 * logging writes two lines, the first through a serializer of the whole
 * request, and at bank-route speeds that was the largest cost left per
 * request (issue 15). A request that never completes is still logged by
 * whatever ends it (the error handler, the connection timeout).
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook("onResponse", (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      "request",
    );
    done();
  });
}
