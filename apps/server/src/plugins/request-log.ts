import { type FastifyReply, type FastifyRequest, LogController } from "fastify";

/**
 * One line per request, written when the response has gone: method, path,
 * status and time taken, under the request's id (at error level when the
 * response failed). Fastify's default writes two, the first through a
 * serializer of the whole request, and at bank-route speeds that was the
 * largest cost left per request (issue 15). Fastify's other lines (errors,
 * unknown routes, stream failures) are kept as they are.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else reply.log.info(line, "request");
  }
}
