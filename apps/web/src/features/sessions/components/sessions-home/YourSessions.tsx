import { useState } from "react";
import { Link } from "react-router";
import { listCredentials } from "../../lib/credentials";
import { ROLE_LABELS } from "../ConnectionStatus";
import "./YourSessions.css";

export function YourSessions() {
  const [entries] = useState(() => listCredentials());
  if (entries.length === 0) return null;
  return (
    <section className="ps-yours" aria-labelledby="ps-yours-title">
      <h2 id="ps-yours-title" className="subheading">
        Your sessions on this browser
      </h2>
      <ul className="ps-yours__list">
        {entries.slice(0, 8).map((e) => (
          <li key={e.sessionId} className="ps-yours__item">
            <Link to={`/sessions/${e.sessionId}`} className="ps-yours__link">
              {e.questionTitle ?? "Peer session"}
            </Link>
            <span className="hint">
              {ROLE_LABELS[e.participant.role]} as {e.participant.name}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
