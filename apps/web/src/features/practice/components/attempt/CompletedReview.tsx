import type { Attempt, Question } from "@loopwright/schema";
import type { ReactNode, RefObject } from "react";
import { OnThisPage } from "../../../../components/OnThisPage";
import { PhaseTimesTable } from "../PhaseTimes";
import { CoverageView } from "../review/CoverageView";
import { ExamplesList } from "../review/ExamplesList";
import { ScoreComparison } from "../review/ScoreComparison";
import { WhatNext } from "../review/WhatNext";
import { SectionTitle } from "../SectionTitle";
import "./CompletedReview.css";

function ReviewSection({
  id,
  title,
  kicker,
  children,
  headingRef,
}: {
  id: string;
  title: string;
  kicker?: string;
  children: ReactNode;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <section id={id} className="pr-review-section" aria-labelledby={`${id}-title`}>
      <header className="pr-review-section__header">
        <SectionTitle id={`${id}-title`} ref={headingRef}>
          {title}
        </SectionTitle>
        {kicker ? <p className="hint">{kicker}</p> : null}
      </header>
      {children}
    </section>
  );
}

export function CompletedReview({
  attempt,
  question,
  heading,
  practitionerKey,
}: {
  attempt: Attempt;
  question: Question;
  heading: RefObject<HTMLHeadingElement | null>;
  practitionerKey: string;
}) {
  const review = attempt.review;
  const selfScores = attempt.selfScores ?? {};
  const dimensions = question.rubric.dimensions;
  const sections = [
    { id: "scores", title: "Your scores" },
    ...(review ? [{ id: "coverage", title: "Talking points" }] : []),
    ...(review ? [{ id: "examples", title: "Example answers" }] : []),
    { id: "time", title: "Time per phase" },
    { id: "next", title: "What next" },
  ];

  return (
    <div className="pr-review-layout" data-testid="review">
      <OnThisPage sections={sections} />

      <div className="pr-review-body">
        <ReviewSection
          id="scores"
          title="How your self-score compares"
          kicker={
            attempt.meanSelfScore !== null
              ? `Mean self-score ${attempt.meanSelfScore.toFixed(1)} of 4`
              : undefined
          }
          headingRef={heading}
        >
          {review ? (
            <ScoreComparison dimensions={dimensions} selfScores={selfScores} review={review} />
          ) : (
            <p className="muted">The review is not available for this attempt.</p>
          )}
          {attempt.reflection ? (
            <div className="pr-reflection">
              <h3 className="subheading">Your reflection</h3>
              <p className="pr-reflection__text">{attempt.reflection}</p>
            </div>
          ) : null}
        </ReviewSection>

        {review ? (
          <ReviewSection
            id="coverage"
            title="Talking points"
            kicker="The signals of a strong answer, and which of them yours touched"
          >
            <CoverageView answer={attempt.answer.text} review={review} />
          </ReviewSection>
        ) : null}

        {review ? (
          <ReviewSection
            id="examples"
            title="Example answers, graded by level"
            kicker="From weakest to strongest"
          >
            <ExamplesList review={review} dimensions={dimensions} selfScores={selfScores} />
          </ReviewSection>
        ) : null}

        <ReviewSection id="time" title="Time per phase" kicker="Where the minutes went, against the plan">
          <PhaseTimesTable phases={attempt.phaseTimes} overrunMs={attempt.overrunMs} />
        </ReviewSection>

        <ReviewSection id="next" title="What next">
          <WhatNext attempt={attempt} question={question} practitionerKey={practitionerKey} />
        </ReviewSection>
      </div>
    </div>
  );
}
