import { useQueries } from "@tanstack/react-query";
import { bankQueries } from "../../../api/bank-queries";
import { clockMinutes, mayNameQuestion, remainingLoopMinutes } from "../lib/invite";
import { useRoomContext } from "../lib/room-context";
import { Invite } from "./Invite";

/** The invite for a link the host hands out from the room (the candidate's, a co-interviewer's, an observer's). */
export function RoomInvite({
  participantId,
  name,
  link,
}: {
  participantId: string;
  name: string;
  link: string;
}) {
  const { view } = useRoomContext();
  // Only the host hands out links, and the host may read every question of its own loop.
  const [current, ...upcoming] = useQueries({
    queries: [view.questionId ?? "", ...(view.upcomingQuestionIds ?? [])].map((id) =>
      bankQueries.question(id),
    ),
  });
  const loaded = [current, ...upcoming].every((q) => q?.data);
  const person = view.participants.find((p) => p.id === participantId);
  if (!person) return null;
  const host = view.participants.find((p) => p.role === "host");
  const remaining = view.sequence.total - view.sequence.position + 1;
  return (
    <Invite
      testId={`invite-${participantId}`}
      details={{
        sessionId: view.sessionId,
        participantId,
        name,
        role: person.role,
        hostName: host?.name ?? view.you.name,
        questionTitle: mayNameQuestion(person.role) ? (view.questionTitle ?? null) : null,
        questionCount: remaining,
        minutes:
          loaded && current?.data
            ? remainingLoopMinutes(
                view.clock,
                current.data,
                upcoming.flatMap((q) => (q.data ? [q.data] : [])),
              )
            : clockMinutes(view.clock),
        minutesOfCurrentOnly: remaining > 1 && !loaded,
        // A start already passed is no use in an invite: by then it is "whenever you are ready".
        scheduledStart: view.clock.startedAt === null ? view.scheduledStart : null,
        link,
      }}
    />
  );
}
