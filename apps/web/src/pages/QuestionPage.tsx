import {
  COMPETENCY_LABELS,
  EXAMPLE_LEVELS,
  type Phase,
  type Question,
  RUBRIC_MAX,
  RUBRIC_SCORES,
  type RubricDimension,
} from "@loopwright/schema";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, type Ref, useEffect, useId, useRef } from "react";
import { Link, useLocation, useParams } from "react-router";
import { bankQueries } from "../api/bank-queries";
import { ApiRequestError } from "../api/client";
import { QuestionMeta } from "../components/Meta";
import { OnThisPage } from "../components/OnThisPage";
import { ScenarioFacts } from "../components/ScenarioFacts";
import { ErrorState, Loading } from "../components/Status";
import { PractiseQuestionButton } from "../features/practice/components/PractiseQuestionButton";
import { MockInterviewLink } from "../features/sessions/components/MockInterviewLink";
import { formatCount, formatMinutes, formatNumber, toParagraphs } from "../lib/format";
import { scenarioFactRows } from "../lib/scenario-facts";
import { useDocumentTitle } from "../lib/useDocumentTitle";
import { ExampleAnswer } from "../shared/example-answer/ExampleAnswer";
import { HideMaterialButton, InterviewerMaterialPanel, MATERIAL_PANEL_ID } from "./InterviewerMaterial";
import { NotFoundContent } from "./NotFoundPage";
import "./QuestionPage.css";
import { Breadcrumb } from "../ui/Breadcrumb";
import { buttonClass } from "../ui/button";
import { useQuestionReveal } from "./useQuestionReveal";

export function QuestionPage() {
  const { id = "" } = useParams();
  // The route's loader has already asked for it: this takes over that request, or its answer.
  const state = useQuery(bankQueries.question(id));

  const missing =
    state.status === "error" &&
    state.error instanceof ApiRequestError &&
    (state.error.status === 404 || state.error.status === 400);

  useDocumentTitle(
    state.data
      ? state.data.title
      : missing
        ? "Question not found"
        : state.status === "error"
          ? "Question unavailable"
          : "Loading question",
  );

  // Keyed by question, so what is shown of one question is never carried over to the next.
  if (state.data) return <QuestionView key={state.data.id} question={state.data} />;

  if (missing) {
    return (
      <NotFoundContent title="Question not found">
        <p>
          There is no question with the id <code>{id}</code>. It may have been renamed or removed from the
          bank.
        </p>
      </NotFoundContent>
    );
  }

  if (state.status === "error") {
    return (
      <div className="container question-status">
        <QuestionBreadcrumb />
        <ErrorState
          title="This question could not be loaded"
          error={state.error}
          onRetry={() => void state.refetch()}
        >
          <Link to="/questions" className={buttonClass("quiet")}>
            Back to the question bank
          </Link>
        </ErrorState>
      </div>
    );
  }

  return (
    <div className="question-loading">
      <div className="question-header">
        <div className="container">
          <QuestionBreadcrumb />
          <Loading label="Loading the question">
            <div className="question-loading__lines">
              <span className="skeleton skeleton--heading" />
              <span className="skeleton skeleton--heading skeleton--short" />
              <span className="skeleton" />
              <span className="skeleton skeleton--short" />
            </div>
          </Loading>
        </div>
      </div>
      <div className="container question-loading__body" aria-hidden="true">
        <div className="question-loading__lines">
          <span className="skeleton skeleton--title skeleton--short" />
          <span className="skeleton" />
          <span className="skeleton" />
          <span className="skeleton" />
          <span className="skeleton skeleton--short" />
        </div>
      </div>
    </div>
  );
}

function QuestionBreadcrumb({ competency }: { competency?: Question["competency"] }) {
  const trail = [{ to: "/questions", label: "Question bank" }];
  if (competency)
    trail.push({ to: `/questions?competency=${competency}`, label: COMPETENCY_LABELS[competency] });
  return <Breadcrumb trail={trail} />;
}

interface SectionSpec {
  id: string;
  title: string;
}

/** The sections hidden until the person asks for them (or has scored a practice attempt at the question). */
const MATERIAL_SECTION_IDS: readonly string[] = [
  "guide",
  "rubric",
  "red-flags",
  "talking-points",
  "examples",
];

/**
 * Sections render after the question loads, so the browser's own jump to `#rubric` etc. misses; redo it.
 * A link to a hidden section lands on the panel that stands in for it, and one to the panel on the guide.
 */
function useScrollToHash() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const id = decodeURIComponent(hash.slice(1));
    const standIn = MATERIAL_SECTION_IDS.includes(id)
      ? MATERIAL_PANEL_ID
      : id === MATERIAL_PANEL_ID
        ? "guide"
        : null;
    const target = document.getElementById(id) ?? (standIn ? document.getElementById(standIn) : null);
    target?.scrollIntoView({ block: "start" });
  }, [hash]);
}

/** Moves focus with the change it follows: to the first revealed heading on showing, to the button on hiding. */
function useRevealFocus(revealed: boolean) {
  const firstHeading = useRef<HTMLHeadingElement>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    (revealed ? firstHeading.current : showButton.current)?.focus();
  }, [revealed]);
  /** Call with the person's own show or hide (not when a practice answer opens the material). */
  const moveFocusAfter = (change: () => void) => () => {
    pending.current = true;
    change();
  };
  return { firstHeading, showButton, moveFocusAfter };
}

function QuestionView({ question }: { question: Question }) {
  useScrollToHash();
  const reveal = useQuestionReveal(question.id);
  const { revealed } = reveal;
  const focus = useRevealFocus(revealed);
  const scenarioRows = question.scenario ? scenarioFactRows(question.scenario) : [];
  const examples = [...question.examples].sort(
    (a, b) => EXAMPLE_LEVELS.indexOf(a.level) - EXAMPLE_LEVELS.indexOf(b.level),
  );

  const sections: SectionSpec[] = [
    { id: "prompt", title: "Prompt" },
    ...(scenarioRows.length > 0 || question.scenario?.company ? [{ id: "scenario", title: "Scenario" }] : []),
    { id: "phases", title: "Phases" },
    ...(revealed
      ? [
          { id: "guide", title: "Interviewer guide" },
          { id: "rubric", title: "Rubric" },
          { id: "red-flags", title: "Red flags" },
          { id: "talking-points", title: "Talking points" },
          ...(examples.length > 0 ? [{ id: "examples", title: "Example answers" }] : []),
        ]
      : [{ id: MATERIAL_PANEL_ID, title: "Interviewer material" }]),
  ];
  const has = (sectionId: string) => sections.some((s) => s.id === sectionId);

  return (
    <article className="question" aria-labelledby="question-title">
      <header className="question-header">
        <div className="container">
          <QuestionBreadcrumb competency={question.competency} />
          <h1 id="question-title" className="question-header__title">
            {question.title}
          </h1>
          <p className="question-header__summary">{question.summary}</p>
          <QuestionMeta
            competency={question.competency}
            levels={question.levels}
            durationMinutes={question.durationMinutes}
            phases={question.phases.length}
          />
          <PractiseQuestionButton questionId={question.id} />
          <MockInterviewLink questionId={question.id} />
        </div>
      </header>

      <div className="container question-layout">
        <OnThisPage sections={sections} />

        <div className="question-body">
          <Section id="prompt" title="Prompt" kicker="What the candidate reads">
            <div className="prose prose--reading">
              {toParagraphs(question.prompt).map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            </div>
          </Section>

          {has("scenario") && question.scenario ? (
            <Section id="scenario" title="Scenario" kicker="The numbers of the case">
              <ScenarioFacts scenario={question.scenario} />
            </Section>
          ) : null}

          <Section
            id="phases"
            title="Phases"
            kicker={`${formatMinutes(question.durationMinutes)} in ${formatCount(question.phases.length, "phase")}`}
          >
            <PhaseTimeline phases={question.phases} total={question.durationMinutes} />
          </Section>

          {revealed ? (
            <>
              <Section
                id="guide"
                title="Interviewer guide"
                kicker="For the person asking"
                headingRef={focus.firstHeading}
                action={<HideMaterialButton onHide={focus.moveFocusAfter(reveal.hide)} />}
              >
                {reveal.openedByPractice ? (
                  <p className="hint material-note">
                    Shown because you have scored a practice attempt at this question.
                  </p>
                ) : null}
                <InterviewerGuide guide={question.guide} />
              </Section>

              <Section
                id="rubric"
                title="Rubric"
                kicker={`${formatCount(question.rubric.dimensions.length, "dimension")}, each scored 1 to ${RUBRIC_MAX}`}
              >
                <div className="rubric">
                  {question.rubric.dimensions.map((dimension) => (
                    <RubricCard key={dimension.id} dimension={dimension} />
                  ))}
                </div>
              </Section>

              <Section id="red-flags" title="Red flags" kicker="Any one of these sinks an answer">
                <ul className="red-flags">
                  {question.rubric.redFlags.map((flag) => (
                    <li key={flag} className="red-flag">
                      {flag}
                    </li>
                  ))}
                </ul>
              </Section>

              <Section id="talking-points" title="Talking points" kicker="Signals a strong answer covers">
                <ul className="talking-points">
                  {question.talkingPoints.map((point) => (
                    <li key={point.id} className="talking-point">
                      <p className="talking-point__text">{point.point}</p>
                      <p className="talking-point__phrases">
                        <span className="talking-point__label">Listen for</span>
                        {point.phrases.map((phrase) => (
                          <span key={phrase} className="phrase">
                            {phrase}
                          </span>
                        ))}
                      </p>
                    </li>
                  ))}
                </ul>
              </Section>

              {examples.length > 0 ? (
                <Section
                  id="examples"
                  title="Example answers"
                  kicker="Read your own answer first, then compare"
                >
                  <div className="examples">
                    {examples.map((example) => (
                      <ExampleAnswer
                        key={example.id}
                        example={example}
                        dimensions={question.rubric.dimensions}
                      />
                    ))}
                  </div>
                </Section>
              ) : null}
            </>
          ) : (
            <InterviewerMaterialPanel
              question={question}
              onShow={focus.moveFocusAfter(reveal.show)}
              buttonRef={focus.showButton}
            />
          )}

          <aside className="question-aside" aria-label="Using this question today">
            <h2 className="question-aside__title">Using this question today</h2>
            <p>
              Practise it alone under the clock with “Practise this question” above: the timer walks through
              the phases, your answer autosaves, and the rubric and example answers appear only once you have
              handed it in. To run it with a colleague, use “Run as a mock interview”: you get the guide and
              the rubric, and they answer on their own screen, which never receives either.
            </p>
          </aside>
        </div>
      </div>
    </article>
  );
}

function Section({
  id,
  title,
  kicker,
  action,
  headingRef,
  children,
}: {
  id: string;
  title: string;
  kicker?: string;
  /** A control beside the heading (the way to hide the interviewer material). */
  action?: ReactNode;
  /** Given when focus is moved to the heading from code; it then takes focus but is no tab stop. */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  const headingId = `${id}-title`;
  const heading = (
    <>
      <h2 id={headingId} className="q-section__title" ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {title}
      </h2>
      {kicker ? <p className="q-section__kicker">{kicker}</p> : null}
    </>
  );
  return (
    <section id={id} className="q-section" aria-labelledby={headingId}>
      {action ? (
        <header className="q-section__header q-section__header--with-action">
          <div className="q-section__heading">{heading}</div>
          {action}
        </header>
      ) : (
        <header className="q-section__header">{heading}</header>
      )}
      {children}
    </section>
  );
}

function PhaseTimeline({ phases, total }: { phases: Phase[]; total: number }) {
  let elapsed = 0;
  const withOffsets = phases.map((phase) => {
    const start = elapsed;
    elapsed += phase.minutes;
    return { phase, start, end: elapsed };
  });
  const span = Math.max(total, elapsed);

  return (
    <div className="phases">
      <div className="phase-bar" aria-hidden="true">
        {withOffsets.map(({ phase }, index) => (
          <span
            key={phase.id}
            className="phase-bar__segment"
            data-index={index % 4}
            style={{ flexGrow: phase.minutes / span }}
          >
            <span className="phase-bar__label">{formatMinutes(phase.minutes)}</span>
          </span>
        ))}
      </div>
      <ol className="timeline">
        {withOffsets.map(({ phase, start, end }, index) => (
          <li key={phase.id} className="timeline__item">
            <span className="timeline__marker" aria-hidden="true">
              {index + 1}
            </span>
            <div className="timeline__content">
              <h3 className="timeline__name">
                {phase.name}
                <span className="timeline__minutes">{formatMinutes(phase.minutes)}</span>
              </h3>
              <p className="timeline__range">
                Minute {formatNumber(start)} to {formatNumber(end)}
              </p>
              <p className="timeline__goal">{phase.goal}</p>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

function InterviewerGuide({ guide }: { guide: Question["guide"] }) {
  return (
    <div className="guide">
      {guide.notes ? (
        <div className="guide__notes prose">
          {toParagraphs(guide.notes).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      ) : null}

      <h3 className="subheading">Follow-up probes</h3>
      <ol className="probes">
        {guide.probes.map((probe) => (
          <li key={probe} className="probe">
            {probe}
          </li>
        ))}
      </ol>

      <h3 className="subheading">Curveballs</h3>
      <p className="subheading__hint">Changes of fact to introduce mid-answer.</p>
      <div className="curveballs">
        {guide.curveballs.map((curveball) => (
          <section key={curveball.id} className="curveball" aria-labelledby={`curveball-${curveball.id}`}>
            <h4 id={`curveball-${curveball.id}`} className="curveball__title">
              {curveball.title}
            </h4>
            <blockquote className="curveball__prompt">
              <p>{curveball.prompt}</p>
            </blockquote>
            <p className="curveball__look-for">
              <strong>Look for</strong> {curveball.lookFor}
            </p>
          </section>
        ))}
      </div>
    </div>
  );
}

function ScoreMeter({ score }: { score: number }) {
  return (
    <span className="meter" aria-hidden="true">
      {RUBRIC_SCORES.map((step) => (
        <span key={step} className={`meter__step${step <= score ? " meter__step--on" : ""}`} />
      ))}
    </span>
  );
}

function RubricCard({ dimension }: { dimension: RubricDimension }) {
  const headingId = useId();
  return (
    <section className="dimension" aria-labelledby={headingId}>
      <h3 id={headingId} className="dimension__name">
        {dimension.name}
      </h3>
      <p className="dimension__description">{dimension.description}</p>
      <ol className="anchors">
        {RUBRIC_SCORES.map((score) => (
          <li key={score} className="anchor" data-score={score}>
            <span className="anchor__score">
              <span className="visually-hidden">Score </span>
              <span className="anchor__number">{score}</span>
              <ScoreMeter score={score} />
            </span>
            <p className="anchor__text">
              {dimension.anchors[String(score) as keyof typeof dimension.anchors]}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
