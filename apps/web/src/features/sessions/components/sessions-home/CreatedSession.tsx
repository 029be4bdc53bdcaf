import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { CopyLink } from "../../../../components/CopyLink";
import { formatZonedStart } from "../../../../lib/datetime";
import { buttonClass } from "../../../../ui/button";
import type { SessionCreated } from "../../api";
import { joinLink, rememberIssuedLink } from "../../lib/credentials";
import { ROLE_LABELS } from "../ConnectionStatus";
import { Invite } from "../Invite";
import { HomePanel } from "./HomePanel";
import "./CreatedSession.css";

/** What the create form hands over: the server's answer and what the host chose. */
export interface CreatedPlan {
  result: SessionCreated;
  title: string;
  total: number;
  /** Planned minutes, every question of a mini loop at the chosen length. */
  minutes: number;
  scheduledStart: string | null;
}

export function CreatedSession({ plan, onAgain }: { plan: CreatedPlan; onAgain: () => void }) {
  const { result: created, title, total } = plan;
  const navigate = useNavigate();
  const origin = window.location.origin;
  const hostLink = joinLink(origin, created.host.token);
  const candidateLink = joinLink(origin, created.candidate.token);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    rememberIssuedLink(created.sessionId, {
      participantId: created.candidate.participant.id,
      name: created.candidate.participant.name,
      role: ROLE_LABELS.candidate,
      link: candidateLink,
    });
  }, [created, candidateLink]);

  return (
    <HomePanel
      className="ps-created"
      titleId="ps-created-title"
      title={title}
      eyebrow={total > 1 ? `Mini loop created · question 1 of ${total}` : "Session created"}
      lede="Copy both links now. The server keeps only a hash of each, so they can’t be shown again once you close or reload this tab."
      headingRef={heading}
      headingLabel={`Session created: ${title}`}
      testId="created-session"
    >
      <p className="ps-created__when" data-testid="created-when">
        {plan.scheduledStart
          ? `Scheduled for ${formatZonedStart(plan.scheduledStart)}`
          : "Not scheduled: start whenever you are both ready."}
      </p>
      <div className="ps-created__links">
        <CopyLink
          label={`Candidate’s link for ${created.candidate.participant.name}`}
          value={candidateLink}
          hint="Send this to the candidate only. It shows the prompt once you reveal it, the clock and their answer pad; never the guide or the rubric."
          testId="candidate-link"
        />
        <Invite
          testId="candidate-invite"
          details={{
            sessionId: created.sessionId,
            participantId: created.candidate.participant.id,
            name: created.candidate.participant.name,
            role: "candidate",
            hostName: created.host.participant.name,
            questionTitle: null,
            questionCount: total,
            minutes: plan.minutes,
            scheduledStart: plan.scheduledStart,
            link: candidateLink,
          }}
        />
        <CopyLink
          label={`Your host link (${created.host.participant.name})`}
          value={hostLink}
          hint="Keep this one to yourself: it opens the interviewer’s view with the controls, on any device."
          testId="host-link"
        />
      </div>
      <div className="ps-created__actions">
        <button
          type="button"
          className={buttonClass("primary")}
          onClick={() => navigate({ pathname: "/sessions/join", hash: `#token=${created.host.token}` })}
        >
          Open my room
        </button>
        <button type="button" className={buttonClass("quiet")} onClick={onAgain}>
          Create another
        </button>
      </div>
    </HomePanel>
  );
}
