import type { Curveball, RoomView } from "@loopwright/schema";
import { useEffect, useRef, useState } from "react";
import { formatClock } from "../../../lib/clock-format";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { useIntent } from "../lib/room-context";
import { Card } from "./Card";
import "./Curveballs.css";

type Injected = RoomView["curveballs"][number];

const NEW_FOR_MS = 90_000;

/**
 * Curveballs as they reach the candidate (and observers): each one arriving
 * during the visit is highlighted as new and read out by screen readers.
 */
export function ArrivedCurveballs({ curveballs }: { curveballs: Injected[] }) {
  const [arrivals, setArrivals] = useState<Map<string, number>>(() => new Map());
  const known = useRef<Set<string> | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (known.current === null) {
      // What was already there when the page opened is not news.
      known.current = new Set(curveballs.map((c) => c.id));
      return;
    }
    const fresh = curveballs.filter((c) => !known.current?.has(c.id));
    if (fresh.length === 0) return;
    const now = Date.now();
    for (const c of fresh) known.current.add(c.id);
    setArrivals((previous) => {
      const next = new Map(previous);
      for (const c of fresh) next.set(c.id, now);
      return next;
    });
    const last = fresh[fresh.length - 1] as Injected;
    setAnnouncement(`New curveball from the interviewer: ${last.title}. ${last.prompt}`);
  }, [curveballs]);

  useEffect(() => {
    if (arrivals.size === 0) return;
    const timer = setTimeout(() => {
      const cutoff = Date.now() - NEW_FOR_MS;
      setArrivals((previous) => new Map([...previous].filter(([, at]) => at > cutoff)));
    }, NEW_FOR_MS);
    return () => clearTimeout(timer);
  }, [arrivals]);

  const announcer = (
    <p className="visually-hidden" role="status" aria-live="assertive" data-testid="curveball-announcer">
      {announcement}
    </p>
  );
  // The live region stays mounted in one place, so the first arrival is announced too.
  return (
    <>
      {announcer}
      {curveballs.length === 0 ? null : (
        <Card
          titleId="ps-arrivals-title"
          title={curveballs.length === 1 ? "A curveball" : "Curveballs"}
          kicker="New facts from the interviewer. Work them into your answer."
          testId="arrived-curveballs"
        >
          <ol className="ps-arrivals__list">
            {[...curveballs].reverse().map((c) => {
              const isNew = arrivals.has(c.id);
              return (
                <li
                  key={c.id}
                  className="ps-arrival"
                  data-new={isNew ? "true" : undefined}
                  data-testid="curveball"
                >
                  <p className="ps-arrival__meta">
                    {isNew ? <span className="badge ps-arrival__new">New</span> : null}
                    <span>At {formatClock(c.elapsedMs)}</span>
                  </p>
                  <h3 className="ps-arrival__title">{c.title}</h3>
                  <p className="ps-arrival__prompt">{c.prompt}</p>
                </li>
              );
            })}
          </ol>
        </Card>
      )}
    </>
  );
}

/** The guide's curveballs for interviewers; the host injects them, each once. */
export function CurveballDeck({
  guide,
  injected,
  canInject,
  blockedReason,
}: {
  guide: Curveball[];
  injected: Injected[];
  canInject: boolean;
  blockedReason: string | null;
}) {
  const { run, busy, error } = useIntent();
  const [target, setTarget] = useState<string | null>(null);
  const byId = new Map(injected.map((c) => [c.id, c]));
  return (
    <Card
      titleId="ps-deck-title"
      title="Curveballs"
      kicker={
        canInject
          ? "Changes of fact to drop in mid-answer. Injecting one shows it to the candidate at once."
          : "Changes of fact the host can drop in mid-answer."
      }
      testId="curveball-deck"
    >
      {canInject && blockedReason ? (
        <Alert tone="note" className="ps-deck__blocked">
          {blockedReason}
        </Alert>
      ) : null}
      <ul className="ps-deck">
        {guide.map((c) => {
          const done = byId.get(c.id);
          return (
            <li key={c.id} className="ps-deck__item" data-injected={done ? "true" : undefined}>
              <div className="ps-deck__head">
                <h3 className="ps-deck__title">{c.title}</h3>
                {done ? (
                  <span className="badge badge--accent">Injected at {formatClock(done.elapsedMs)}</span>
                ) : null}
              </div>
              <blockquote className="ps-deck__prompt">
                <p>{c.prompt}</p>
              </blockquote>
              <p className="ps-deck__look">
                <strong>Look for</strong> {c.lookFor}
              </p>
              {canInject && !done ? (
                <button
                  type="button"
                  className={buttonClass("quiet", { className: "ps-deck__button" })}
                  disabled={blockedReason !== null || busy !== null}
                  onClick={() => {
                    setTarget(c.id);
                    void run({ type: "inject-curveball", curveballId: c.id });
                  }}
                >
                  {busy && target === c.id ? "Injecting…" : "Inject"}
                  <span className="visually-hidden"> “{c.title}”</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {error ? <Alert>{error}</Alert> : null}
    </Card>
  );
}
