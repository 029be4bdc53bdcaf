import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { CopyLink } from "../../../../components/CopyLink";
import { buttonClass } from "../../../../ui/button";
import type { SessionCreated } from "../../api";
import { joinLink, rememberIssuedLink } from "../../lib/credentials";
import { ROLE_LABELS } from "../ConnectionStatus";
import { HomePanel } from "./HomePanel";
import "./CreatedSession.css";

export function CreatedSession({
  created,
  title,
  total,
  onAgain,
}: {
  created: SessionCreated;
  title: string;
  total: number;
  onAgain: () => void;
}) {
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
      testId="created-session"
    >
      <div className="ps-created__links">
        <CopyLink
          label={`Candidate’s link for ${created.candidate.participant.name}`}
          value={candidateLink}
          hint="Send this to the candidate only. It shows the prompt once you reveal it, the clock and their answer pad; never the guide or the rubric."
          testId="candidate-link"
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
