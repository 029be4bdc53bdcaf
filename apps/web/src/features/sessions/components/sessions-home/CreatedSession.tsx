import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { CopyLink } from "../../../../components/CopyLink";
import { buttonClass } from "../../../../ui/button";
import type { SessionCreated } from "../../api";
import { joinLink, rememberIssuedLink } from "../../lib/credentials";
import { ROLE_LABELS } from "../ConnectionStatus";

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
    <section
      className="ps-create ps-created"
      aria-labelledby="ps-created-title"
      data-testid="created-session"
    >
      <p className="eyebrow">
        {total > 1 ? `Mini loop created · question 1 of ${total}` : "Session created"}
      </p>
      <h2 id="ps-created-title" className="ps-create__title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p className="ps-create__lede">
        Copy both links now. The server keeps only a hash of each, so they can’t be shown again once you close
        or reload this tab.
      </p>
      <div className="ps-created__links">
        <CopyLink
          look="sessions"
          label={`Candidate’s link for ${created.candidate.participant.name}`}
          value={candidateLink}
          hint="Send this to the candidate only. It shows the prompt once you reveal it, the clock and their answer pad; never the guide or the rubric."
          testId="candidate-link"
        />
        <CopyLink
          look="sessions"
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
    </section>
  );
}
