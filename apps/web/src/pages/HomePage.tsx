import {
  COMPETENCIES,
  COMPETENCY_BLURBS,
  COMPETENCY_LABELS,
  DIRECTOR_ONLY_COMPETENCIES,
} from "@loopwright/schema/competency-labels";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { bankQueries } from "../api/bank-queries";
import { formatCount } from "../lib/format";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import "./HomePage.css";
import { buttonClass } from "../ui/button";

const JOURNEYS = [
  {
    to: "/practice",
    title: "Solo timed practice",
    who: "For an engineering manager preparing for a director loop",
    body: "Answer one question under a phased clock, score yourself against the rubric, compare with example answers graded by level, and watch each competency improve over the weeks.",
    cta: "Start practising",
  },
  {
    to: "/sessions",
    title: "Peer mock interviews",
    who: "For two or more people in different places",
    body: "One person opens a session and sends links. The interviewer sees the guide and rubric, the candidate sees only the prompt, both follow the same server clock, and scores stay private until the host releases them.",
    cta: "Set up a mock interview",
  },
  {
    to: "/calibration",
    title: "Loop calibration",
    who: "For hiring managers and their interview panels",
    body: "Define a loop, have every interviewer score the same answers on their own, and see where the panel disagrees: per rubric dimension, per interviewer, per answer, and again after you talk it through.",
    cta: "Calibrate a loop",
  },
] as const;

const ANATOMY = [
  {
    term: "Prompt and scenario",
    detail: "The case as the candidate reads it, with its numbers: headcount, teams, budget, timeline.",
  },
  {
    term: "Phases",
    detail: "A suggested running order with minutes, such as clarify, diagnose, propose and trade-offs.",
  },
  {
    term: "Interviewer guide",
    detail: "Follow-up probes and curveballs that change the facts mid-answer, with what to look for.",
  },
  {
    term: "Rubric",
    detail:
      "Three to five dimensions, each with observable anchors for a 1, 2, 3 and 4 answer, plus red flags.",
  },
  {
    term: "Example answers",
    detail: "Written answers at different levels, scored against the rubric with the reasoning shown.",
  },
] as const;

export function HomePage() {
  useDocumentTitle(undefined);
  const counts = useQuery(bankQueries.counts());

  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero__inner">
          <div className="hero__copy">
            <p className="eyebrow">Director-of-engineering interview practice</p>
            <h1 id="hero-title" className="hero__title">
              Rehearse the rounds that only appear at director level.
            </h1>
            <p className="hero__lede">
              Org design and strategic leadership are the two rounds an engineering manager has never sat
              before. Loopwright turns them, and the six rounds around them, into timed questions with an
              interviewer guide and a rubric whose anchors describe what a director-level answer actually
              does.
            </p>
            <div className="hero__actions">
              <Link to="/practice" className={buttonClass("primary")}>
                Start a timed practice
              </Link>
              <Link to="/questions" className={buttonClass("quiet")}>
                Browse the question bank
              </Link>
              {counts.status === "success" ? (
                <span className="hero__count">
                  {formatCount(counts.data.total, "question")} to read today
                </span>
              ) : (
                // The count arrives after the first paint. Text of the same shape holds its place,
                // unseen, so the line wraps under the button (on a phone) before it lands, not after.
                <span className="hero__count hero__count--pending" aria-hidden="true">
                  00 questions to read today
                </span>
              )}
            </div>
          </div>
          <aside className="anatomy" aria-labelledby="anatomy-title">
            <h2 id="anatomy-title" className="anatomy__title">
              What every question holds
            </h2>
            <dl className="anatomy__list">
              {ANATOMY.map((item, index) => (
                <div key={item.term} className="anatomy__item">
                  <dt>
                    <span className="anatomy__index" aria-hidden="true">
                      {index + 1}
                    </span>
                    {item.term}
                  </dt>
                  <dd>{item.detail}</dd>
                </div>
              ))}
            </dl>
          </aside>
        </div>
      </section>

      <section className="container section" aria-labelledby="journeys-title">
        <div className="section__intro">
          <h2 id="journeys-title" className="section__title">
            Three ways to use it
          </h2>
          <p className="section__lede">
            All three run on the same question bank. None needs an account: practice belongs to a private key
            kept in your browser, and sessions and workspaces are reached through private links.
          </p>
        </div>
        <ul className="journeys">
          {JOURNEYS.map((journey) => (
            <li key={journey.to} className="journey">
              <h3 className="journey__title">{journey.title}</h3>
              <p className="journey__who">{journey.who}</p>
              <p className="journey__body">{journey.body}</p>
              <p className="journey__footer">
                <Link to={journey.to} className="journey__link">
                  {journey.cta}
                  <span aria-hidden="true"> →</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section className="container section" aria-labelledby="competencies-title">
        <div className="section__intro">
          <h2 id="competencies-title" className="section__title">
            The eight competencies
          </h2>
          <p className="section__lede">
            A director loop is assembled from these rounds. The first two are the ones that only exist at
            director level; the other six test the same judgment from different sides.
          </p>
        </div>
        <ul className="competencies">
          {COMPETENCIES.map((competency, index) => {
            const count =
              counts.status === "success" ? (counts.data.byCompetency.get(competency) ?? 0) : undefined;
            return (
              <li key={competency} className="competency">
                <Link to={`/questions?competency=${competency}`} className="competency__link">
                  <span className="competency__number" aria-hidden="true">
                    {String(index + 1).padStart(2, "0")}
                  </span>
                  <span className="competency__name">{COMPETENCY_LABELS[competency]}</span>
                </Link>
                <p className="competency__blurb">{COMPETENCY_BLURBS[competency]}</p>
                <p className="competency__meta">
                  {DIRECTOR_ONLY_COMPETENCIES.includes(competency) ? (
                    <span className="badge badge--accent">Director-only round</span>
                  ) : null}
                  {count !== undefined ? (
                    <span className="competency__count">
                      {count === 0 ? "No questions yet" : formatCount(count, "question")}
                    </span>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
