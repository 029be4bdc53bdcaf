import type { ClockView } from "@loopwright/clock";
import {
  CLOSE_CODES,
  COMPETENCY_LABELS,
  isInterviewer,
  type Question,
  type RoomView,
} from "@loopwright/schema";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { bankQueries } from "../../../api/bank-queries";
import { ErrorState, Loading } from "../../../components/Status";
import { formatZonedStart } from "../../../lib/datetime";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { Breadcrumb } from "../../../ui/Breadcrumb";
import { buttonClass } from "../../../ui/button";
import { AnswerLive, AnswerPad } from "../components/AnswerPad";
import { Card } from "../components/Card";
import { CaseBrief } from "../components/CaseBrief";
import { ConnectionStatus, PresenceList, ROLE_LABELS } from "../components/ConnectionStatus";
import { ArrivedCurveballs, CurveballDeck } from "../components/Curveballs";
import { HostClockControls } from "../components/HostClockControls";
import { PeoplePanel, ReleasePanel } from "../components/HostPanel";
import { Notes } from "../components/Notes";
import { PageStatus } from "../components/PageStatus";
import { PanelAgreement } from "../components/PanelAgreement";
import { Report } from "../components/Report";
import { RetryAlert } from "../components/RetryAlert";
import { SaveToHistory } from "../components/SaveToHistory";
import { Scorecard } from "../components/Scorecard";
import { SelfScore } from "../components/SelfScore";
import { SessionTimer } from "../components/SessionTimer";
import { FreshLinkNotice, SwapBanner } from "../components/SwapBanner";
import {
  forgetCredential,
  loadCredential,
  rememberQuestionTitle,
  type StoredCredential,
} from "../lib/credentials";
import { RoomContext, type RoomContextValue, useRoomContext } from "../lib/room-context";
import { useRoom } from "../lib/useRoom";
import "./SessionRoomPage.css";

export function SessionRoomPage() {
  const { id = "" } = useParams();
  // Read once per session: a credential forgotten after a refusal must not swap the refusal's reason for this page's.
  const lookup = useMemo(() => loadCredential(id), [id]);

  if (lookup.status !== "active") {
    return (
      <RoomMessage
        title={
          lookup.status === "expired"
            ? "Your access to this session has expired"
            : "Open your session link first"
        }
        message={
          lookup.status === "expired"
            ? "Session credentials last a limited time. Ask the host for a new link to rejoin."
            : "This browser hasn’t joined this session yet. Open the link the host sent you (it ends in #token=…); it signs you in to the right seat."
        }
      />
    );
  }
  return <LiveRoom key={id} sessionId={id} entry={lookup.entry} />;
}

function RoomMessage({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  useDocumentTitle(title);
  return (
    <PageStatus>
      <ErrorState title={title} error={new Error(message)} onRetry={onRetry} headingLevel={1}>
        <Link to="/sessions" className={buttonClass("quiet")}>
          Go to peer sessions
        </Link>
      </ErrorState>
    </PageStatus>
  );
}

/** Interviewers need the guide at once; everyone else reads the bank only once the prompt is public. */
function mayReadQuestion(view: RoomView): boolean {
  return isInterviewer(view.you.role) || view.promptRevealed;
}

/** Until the host reveals the prompt, the candidate and observers do not learn which question it is. */
const UNREVEALED_TITLE = "Question not revealed yet";

function LiveRoom({ sessionId, entry }: { sessionId: string; entry: StoredCredential }) {
  const { client, state } = useRoom(sessionId, entry.credential);
  const view = state.view;
  const role = view?.you.role ?? entry.participant.role;
  const mayFetch = view !== null && mayReadQuestion(view);
  const questionId = view?.questionId ?? null;
  const question = useQuery({
    ...bankQueries.question(questionId ?? ""),
    enabled: mayFetch && questionId !== null,
    // The next question of a mini loop loads under the current one rather than blanking the room.
    placeholderData: keepPreviousData,
  });
  // Never what this person may no longer read (a swap made them the candidate before the reveal).
  const shownQuestion: Question | null = mayFetch ? (question.data ?? null) : null;

  useDocumentTitle(
    view ? `${view.questionTitle ?? UNREVEALED_TITLE} · ${ROLE_LABELS[role]}` : "Joining the session",
  );
  const title = view?.questionTitle;
  useEffect(() => {
    if (title) rememberQuestionTitle(sessionId, title);
  }, [sessionId, title]);
  useEffect(() => {
    const code = state.fatal?.code;
    if (
      code === CLOSE_CODES.unauthorized ||
      code === CLOSE_CODES.revoked ||
      code === CLOSE_CODES.linkReplaced
    )
      forgetCredential(sessionId);
  }, [sessionId, state.fatal]);

  if (state.status === "closed" && state.fatal) {
    // A newer protocol or a full room can change with a reload; a refused or revoked link cannot.
    const retryable =
      state.fatal.code === CLOSE_CODES.protocolVersion || state.fatal.code === CLOSE_CODES.roomFull;
    return (
      <RoomMessage
        title={
          state.fatal.code === CLOSE_CODES.linkReplaced
            ? "Your link was replaced"
            : "You are disconnected from this session"
        }
        message={state.fatal.reason}
        onRetry={retryable ? () => window.location.reload() : undefined}
      />
    );
  }
  if (!view || !client) {
    return (
      <PageStatus>
        <Loading label="Joining the session">
          <span className="skeleton skeleton--heading" />
          <span className="skeleton" />
          <span className="skeleton skeleton--short" />
        </Loading>
        <ConnectionStatus state={state} onRetry={() => client?.retryNow()} />
      </PageStatus>
    );
  }

  const context: RoomContextValue = {
    sessionId,
    credential: entry.credential,
    client,
    state,
    view,
    question: shownQuestion,
  };

  return (
    <RoomContext.Provider value={context}>
      <div className="ps-room" data-role={view.you.role} data-released={view.released ? "true" : undefined}>
        <RoomHeader view={view} question={shownQuestion} />
        <div className="container ps-room__body">
          <div data-print="hide">
            <FreshLinkNotice sessionId={sessionId} />
            <SwapBanner view={view} />
          </div>
          {question.status === "error" ? (
            <RetryAlert onRetry={() => void question.refetch()}>
              Couldn’t load the question from the bank: {question.error.message}
            </RetryAlert>
          ) : null}
          {isInterviewer(view.you.role) ? (
            <InterviewerRoom view={view} question={shownQuestion} />
          ) : (
            <CandidateRoom view={view} question={shownQuestion} observer={view.you.role === "observer"} />
          )}
        </div>
        <RoomAnnouncer view={view} />
      </div>
    </RoomContext.Provider>
  );
}

function RoomHeader({ view, question }: { view: RoomView; question: Question | null }) {
  const { state, client } = useRoomContext();
  const host = view.participants.find((p) => p.role === "host");
  const roleLine: Record<RoomView["you"]["role"], string> = {
    host: "You are hosting this interview",
    "co-interviewer": `You are co-interviewing${host ? ` with ${host.name}` : ""}`,
    candidate: "You are the candidate",
    observer: "You are observing",
  };
  return (
    <header className="ps-head">
      <div className="container ps-head__inner">
        <Breadcrumb trail={[{ to: "/sessions", label: "Peer sessions" }]} className="ps-breadcrumb" />
        <p className="eyebrow">
          <span className="badge badge--accent" data-testid="your-role">
            {ROLE_LABELS[view.you.role]}
          </span>
          <span className="muted">{roleLine[view.you.role]}</span>
          {view.sequence.total > 1 ? (
            <span className="badge" data-testid="loop-position">
              Question {view.sequence.position} of {view.sequence.total}
            </span>
          ) : null}
        </p>
        <h1 className="ps-head__title">{view.questionTitle ?? UNREVEALED_TITLE}</h1>
        {view.scheduledStart && view.clock.startedAt === null && !view.released ? (
          <p className="ps-head__when" data-testid="scheduled-start" data-instant={view.scheduledStart}>
            Scheduled start: <strong>{formatZonedStart(view.scheduledStart)}</strong>
          </p>
        ) : null}
        {question ? (
          <p className="ps-head__meta">{COMPETENCY_LABELS[question.competency]}</p>
        ) : mayReadQuestion(view) ? (
          // The question arrives from the bank a moment after the room: its line is held
          // open meanwhile, so the bar below does not jump down when it lands.
          <p className="ps-head__meta" aria-hidden="true">
            {"\u00a0"}
          </p>
        ) : null}
      </div>
      <div className="ps-head__bar">
        <div className="container ps-head__bar-inner">
          <PresenceList participants={view.participants} presence={state.presence} youId={view.you.id} />
          <ConnectionStatus state={state} onRetry={() => client.retryNow()} released={view.released} />
        </div>
      </div>
    </header>
  );
}

/** Announces the moments that change what a person should do next. */
function RoomAnnouncer({ view }: { view: RoomView }) {
  const [message, setMessage] = useState("");
  const before = useRef<RoomView | null>(null);
  useEffect(() => {
    const was = before.current;
    before.current = view;
    if (!was) return;
    const candidateSide = !isInterviewer(view.you.role);
    if (!was.promptRevealed && view.promptRevealed && candidateSide)
      setMessage("The prompt is now visible. The interview has begun.");
    else if (!was.released && view.released)
      setMessage(
        candidateSide ? "Feedback has been released. Your report is below." : "Feedback has been released.",
      );
    else if (!was.advancedTo && view.advancedTo)
      setMessage(
        `Question ${view.sequence.position + 1} of ${view.sequence.total} is ready, with the same people in the same roles.`,
      );
    else if (!was.swappedTo && view.swappedTo) setMessage("Your next session is ready.");
  }, [view]);
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {message}
    </p>
  );
}

function goalsOf(question: Question | null): Record<string, string> | undefined {
  return question ? Object.fromEntries(question.phases.map((p) => [p.id, p.goal])) : undefined;
}

/** The shared clock until feedback is released, with each phase's goal once the question is known. */
function RoomTimer({
  view,
  question,
  waitingLabel,
  controls,
}: {
  view: RoomView;
  question: Question | null;
  waitingLabel: string;
  controls?: (clock: ClockView) => ReactNode;
}) {
  const { state } = useRoomContext();
  if (view.released) return null;
  return (
    <SessionTimer
      clock={view.clock}
      offsetMs={state.offsetMs}
      goals={goalsOf(question)}
      waitingLabel={waitingLabel}
      controls={controls}
    />
  );
}

function InterviewerRoom({ view, question }: { view: RoomView; question: Question | null }) {
  const { state, sessionId, credential } = useRoomContext();
  const scorecards = view.submittedBy?.length ?? 0;
  const isHost = view.you.role === "host";
  const candidate = view.participants.find((p) => p.role === "candidate");
  const candidateName = candidate?.name ?? "The candidate";

  return (
    <>
      <RoomTimer
        view={view}
        question={question}
        waitingLabel={isHost ? "Ready when you are" : "Waiting for the host to start"}
        controls={isHost ? (clock) => <HostClockControls clock={clock} view={view} /> : undefined}
      />

      {view.released && question ? (
        <Report
          question={question}
          scores={view.scores ?? []}
          notes={(view.notes ?? []).filter((n) => n.shared)}
          selfScore={view.selfScore}
          selfLabel={candidateName}
          notesTitle="Evidence you shared"
          answer={view.answer.text}
          answerTitle={`${candidateName}’s answer`}
          participants={view.participants}
          date={view.clock.startedAt}
          lede={`This is the report ${candidateName} now sees: each dimension’s four anchors and where each interviewer placed the answer.`}
        />
      ) : null}

      <div className="ps-grid">
        <div className="ps-grid__main">
          <Card
            titleId="ps-answer-title"
            title={`${candidateName}’s answer`}
            kicker="Their shared answer pad, read-only for you."
            testId="answer-panel"
          >
            <AnswerLive answer={view.answer} candidateName={candidateName} final={view.released} />
          </Card>

          <Card
            titleId="ps-case-title"
            title="The case"
            kicker="What the candidate reads."
            aside={
              <span
                className={view.promptRevealed ? "badge badge--accent" : "badge"}
                data-testid="prompt-visibility"
              >
                {view.promptRevealed ? "Visible to the candidate" : "Hidden from the candidate"}
              </span>
            }
          >
            {view.prompt ? <CaseBrief prompt={view.prompt} scenario={view.scenario} /> : null}
          </Card>

          {isHost ? <PeoplePanel presence={state.presence} /> : null}
        </div>

        <aside className="ps-grid__side" aria-label="Interviewer tools">
          <Notes notes={view.notes ?? []} locked={view.released} />

          {question ? (
            <Card
              titleId="ps-probes-title"
              title="Probes"
              kicker="Follow-ups to push past the first answer. Never sent to the candidate."
              testId="probes"
            >
              {question.guide.notes ? <p className="ps-guide-notes">{question.guide.notes}</p> : null}
              <ol className="ps-probes">
                {question.guide.probes.map((probe) => (
                  <li key={probe}>{probe}</li>
                ))}
              </ol>
            </Card>
          ) : null}

          {question ? (
            <CurveballDeck
              guide={question.guide.curveballs}
              injected={view.curveballs}
              canInject={isHost && !view.released}
              blockedReason={
                view.promptRevealed
                  ? null
                  : "Reveal the prompt or start the timer before injecting a curveball."
              }
            />
          ) : null}
        </aside>
      </div>

      {question ? <Scorecard view={view} question={question} /> : null}
      <div data-print="hide">
        {isHost ? <ReleasePanel view={view} /> : null}
        {view.released && scorecards >= 2 ? (
          <PanelAgreement sessionId={sessionId} credential={credential} scorecards={scorecards} />
        ) : null}
      </div>
    </>
  );
}

function CandidateRoom({
  view,
  question,
  observer,
}: {
  view: RoomView;
  question: Question | null;
  observer: boolean;
}) {
  const { state, client } = useRoomContext();
  const host = view.participants.find((p) => p.role === "host");
  const candidate = view.participants.find((p) => p.role === "candidate");
  const hostName = host?.name ?? "the host";

  return (
    <>
      <RoomTimer view={view} question={question} waitingLabel={`Waiting for ${hostName} to start`} />

      {view.released && view.scores && question ? (
        <Report
          question={question}
          scores={view.scores}
          notes={view.notes ?? []}
          selfScore={observer ? undefined : view.selfScore}
          selfLabel={observer ? (candidate?.name ?? "Candidate") : "You"}
          notesTitle="Evidence the interviewers shared"
          answer={view.answer.text}
          answerTitle={observer ? `${candidate?.name ?? "The candidate"}’s answer` : "Your answer"}
          participants={view.participants}
          date={view.clock.startedAt}
          lede={
            observer
              ? "Each dimension shows the rubric’s four anchors and where each interviewer placed the answer."
              : "Each dimension shows the rubric’s four anchors and where each interviewer placed your answer."
          }
        />
      ) : null}
      <SaveToHistory />

      {!view.promptRevealed || !view.prompt ? (
        <section className="ps-waiting" aria-labelledby="ps-waiting-title" data-testid="waiting">
          <div className="ps-waiting__pulse" aria-hidden="true" />
          <h2 id="ps-waiting-title" className="ps-waiting__title">
            Waiting for {hostName} to reveal the prompt
          </h2>
          <p className="ps-waiting__lede">
            {observer
              ? "When the interview begins, the prompt, the scenario and the candidate’s answer appear here as they happen."
              : "When the interview begins, the prompt and the scenario appear here and the clock starts for everyone. Write your answer in the pad; the interviewers see it as you type."}
          </p>
          <ul className="ps-waiting__tips">
            <li>Clarify before you diagnose: ask about the numbers you would need.</li>
            <li>Keep an eye on the phases above; the host moves you on.</li>
            <li>Curveballs may arrive mid-answer. Work them in rather than starting over.</li>
          </ul>
        </section>
      ) : (
        <div className="ps-grid ps-grid--candidate" data-released={view.released ? "true" : undefined}>
          <div className="ps-grid__main">
            <ArrivedCurveballs curveballs={view.curveballs} />
            <Card titleId="ps-case-title" title="The case">
              <CaseBrief prompt={view.prompt} scenario={view.scenario} />
            </Card>
          </div>
          <div className="ps-grid__side">
            {observer ? (
              <Card
                tightTop
                label="The candidate’s answer"
                title={`${candidate?.name ?? "The candidate"}’s answer`}
              >
                <AnswerLive
                  answer={view.answer}
                  candidateName={candidate?.name ?? "The candidate"}
                  final={view.released}
                />
              </Card>
            ) : (
              <Card tightTop label="Your answer">
                <AnswerPad
                  answer={view.answer}
                  client={client}
                  status={state.status}
                  locked={view.released}
                />
              </Card>
            )}
          </div>
        </div>
      )}

      {!observer && !view.released && view.promptRevealed && question ? (
        <SelfScore question={question} saved={view.selfScore ?? null} />
      ) : null}
    </>
  );
}
