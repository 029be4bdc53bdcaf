import {
  deletedSchema,
  type PeerFeedbackEntry,
  peerFeedbackIdParamsSchema,
  peerFeedbackListSchema,
  peerFeedbackReportSchema,
  savedPeerFeedbackSchema,
  savePeerFeedbackBodySchema,
} from "@loopwright/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { NotFoundError } from "../../lib/domain-errors.js";
import { routeDocs } from "../../lib/route-docs.js";
import { generateId } from "../../lib/secrets.js";
import { authenticateRoutes } from "../../plugins/authentication.js";
import type { PeerFeedbackRecord, PracticeRepository } from "../../storage/store.js";
import type { SessionService } from "../sessions/session-service.js";
import { practitionerFor } from "./practitioner-key.js";

/** A stored entry as the history shows it; its report is parsed, never cast. */
export function peerFeedbackEntry(record: PeerFeedbackRecord): PeerFeedbackEntry {
  return {
    ...peerFeedbackReportSchema.parse(record.feedback),
    id: record.id,
    kind: "peer-session",
    sessionId: record.sessionId,
    questionId: record.questionId,
    answer: record.answerText,
    sessionDate: record.sessionDate,
    savedAt: record.savedAt,
  };
}

export async function listPeerFeedback(
  repo: PracticeRepository,
  practitionerId: string,
): Promise<PeerFeedbackEntry[]> {
  return (await repo.listPeerFeedback(practitionerId)).map(peerFeedbackEntry);
}

/**
 * Saving a peer session's released feedback into the candidate's practice
 * history. Two proofs: the practitioner key names whose history (as every
 * practice route), and the candidate's session credential, sent in the body,
 * proves the seat in the session. What is saved is read from the room on the
 * server, never taken from the page.
 */
export const peerFeedbackRoutes: FastifyPluginAsyncZod<{
  sessions: SessionService;
  repo: PracticeRepository;
  now?: () => number;
}> = async (app, { sessions, repo, now = Date.now }) => {
  const docs = routeDocs("practice", "practitionerKey");
  authenticateRoutes(app, "practitionerId", (key, request) =>
    practitionerFor(key, Boolean(request.headers.authorization), repo),
  );

  app.post(
    "/api/practice/peer-feedback",
    {
      schema: docs.secured(
        "Save a released peer session's feedback into this practitioner's history (the candidate's session credential in the body); saving again returns the same entry",
        {
          body: savePeerFeedbackBodySchema,
          response: { 200: savedPeerFeedbackSchema, 201: savedPeerFeedbackSchema },
        },
      ),
    },
    async (request, reply) => {
      const released = await sessions.releasedReport(request.body.credential, request.body.sessionId);
      const { entry, created } = await repo.savePeerFeedback({
        id: generateId(),
        practitionerId: request.practitionerId,
        sessionId: released.sessionId,
        questionId: released.questionId,
        answerText: released.answer,
        feedback: released.report,
        sessionDate: released.sessionDate,
        savedAt: new Date(now()).toISOString(),
      });
      return reply.code(created ? 201 : 200).send({ entry: peerFeedbackEntry(entry), created });
    },
  );

  app.get(
    "/api/practice/peer-feedback",
    {
      schema: docs.secured("Peer session feedback kept in this practitioner's history, newest first", {
        response: { 200: peerFeedbackListSchema },
      }),
    },
    async (request) => ({ entries: await listPeerFeedback(repo, request.practitionerId) }),
  );

  app.get(
    "/api/practice/peer-feedback/:id",
    {
      schema: docs.secured("One saved peer session: the question, the answer and the released feedback", {
        params: peerFeedbackIdParamsSchema,
        response: { 200: savedPeerFeedbackSchema.shape.entry },
      }),
    },
    async (request) => {
      const record = await repo.getPeerFeedback(request.practitionerId, request.params.id);
      if (!record) throw new NotFoundError("No saved peer session with that id in your history.");
      return peerFeedbackEntry(record);
    },
  );

  app.delete(
    "/api/practice/peer-feedback/:id",
    {
      schema: docs.secured("Delete one saved peer session from this practitioner's history", {
        params: peerFeedbackIdParamsSchema,
        response: { 200: deletedSchema },
      }),
    },
    async (request) => {
      const deleted = await repo.deletePeerFeedback(request.practitionerId, request.params.id);
      if (deleted === 0) throw new NotFoundError("No saved peer session with that id in your history.");
      return { deleted };
    },
  );
};
