import type { LinkRole, RoomView, SessionRole } from "@loopwright/schema";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { ApiRequestError } from "../../../api/client";
import { queryKeys } from "../../../api/query-keys";
import { CopyLink } from "../../../components/CopyLink";
import { formatList } from "../../../lib/format";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { Field } from "../../../ui/Field";
import { TextField } from "../../../ui/TextField";
import { type SessionParticipants, sessionsApi } from "../api";
import {
  forgetIssuedLink,
  type IssuedLink,
  issuedLinks,
  joinLink,
  rememberIssuedLink,
} from "../lib/credentials";
import type { PresenceEntry } from "../lib/room-client";
import { useRoomContext } from "../lib/room-context";
import { Card } from "./Card";
import { ROLE_LABELS } from "./ConnectionStatus";
import { ReleaseAction } from "./ReleaseAction";
import { RetryAlert } from "./RetryAlert";
import { RoomInvite } from "./RoomInvite";
import { SwapChooser } from "./SwapChooser";
import "./HostPanel.css";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The host's people panel: everyone with a link, new co-interviewer and observer links, and revoking. */
export function PeoplePanel({ presence }: { presence: PresenceEntry[] | null }) {
  const { sessionId, credential, view } = useRoomContext();
  const [links, setLinks] = useState<IssuedLink[]>(() => issuedLinks(sessionId));
  const queryClient = useQueryClient();
  // Asked again whenever the room's own list of participants changes; the last list stays meanwhile.
  const roster = view.participants.map((p) => p.id).join(",");
  const participants = useQuery({
    queryKey: queryKeys.session.participants(sessionId, credential, roster),
    queryFn: ({ signal }) => sessionsApi.participants(sessionId, credential, signal),
    placeholderData: keepPreviousData,
  });
  const list = participants.data?.participants ?? null;
  const loadError = participants.error ? message(participants.error) : null;
  const reload = () =>
    void queryClient.invalidateQueries({ queryKey: queryKeys.session.participants(sessionId, credential) });

  const status = new Map(presence?.map((p) => [p.id, p.status]));

  return (
    <Card
      titleId="ps-people-title"
      title="People and links"
      kicker="One link per person. Revoking a link disconnects that person at once."
      testId="people-panel"
    >
      {loadError ? (
        <RetryAlert onRetry={() => void participants.refetch()}>
          Couldn’t load the people in this session: {loadError}
        </RetryAlert>
      ) : null}

      {list ? (
        <ul className="ps-people">
          {list.map((p) => (
            <PersonRow
              key={p.id}
              person={p}
              status={p.revoked ? "revoked" : (status.get(p.id) ?? "gone")}
              isYou={p.id === view.you.id}
              onRevoked={() => {
                forgetIssuedLink(sessionId, p.id);
                setLinks(issuedLinks(sessionId));
                reload();
              }}
            />
          ))}
        </ul>
      ) : loadError ? null : (
        <p className="hint">Loading…</p>
      )}

      {links.length > 0 ? (
        <div className="ps-issued">
          <h3 className="subheading">Links created on this page</h3>
          <p className="hint">
            Shown until you leave this page: the server keeps only a hash of each link, so copy them now.
          </p>
          {links.map((l) => (
            <div key={l.participantId} className="ps-issued__item">
              <CopyLink
                label={`${l.name}’s link (${l.role.toLowerCase()})`}
                value={l.link}
                testId={`issued-link-${l.participantId}`}
              />
              <RoomInvite participantId={l.participantId} name={l.name} link={l.link} />
            </div>
          ))}
        </div>
      ) : null}

      {!view.released ? (
        <AddLinkForm
          onCreated={(link) => {
            rememberIssuedLink(sessionId, link);
            setLinks(issuedLinks(sessionId));
          }}
        />
      ) : null}
    </Card>
  );
}

const STATUS_TEXT = { online: "here", away: "away", gone: "not here", revoked: "link revoked" } as const;

function PersonRow({
  person,
  status,
  isYou,
  onRevoked,
}: {
  person: SessionParticipants["participants"][number];
  status: keyof typeof STATUS_TEXT;
  isYou: boolean;
  onRevoked: () => void;
}) {
  const { sessionId, credential } = useRoomContext();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canRevoke = !isYou && !person.revoked && person.role !== "host";

  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      await sessionsApi.revokeLink(sessionId, credential, person.id);
      setConfirming(false);
      onRevoked();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="ps-person" data-status={status} data-testid="person">
      <span className="ps-person__dot" aria-hidden="true" />
      <span className="ps-person__text">
        <span className="ps-person__name">
          {person.name}
          {isYou ? " (you)" : ""}
        </span>
        <span className="ps-person__meta">
          {ROLE_LABELS[person.role as SessionRole]} · {STATUS_TEXT[status]}
        </span>
      </span>
      {canRevoke ? (
        confirming ? (
          <span className="ps-person__confirm">
            <button
              type="button"
              className={buttonClass("danger", { size: "small" })}
              onClick={revoke}
              disabled={busy}
            >
              {busy ? "Revoking…" : `Revoke ${person.name}’s link`}
            </button>
            <button
              type="button"
              className={buttonClass("quiet", { size: "small" })}
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </span>
        ) : (
          <button
            type="button"
            className={buttonClass("quiet", { size: "small" })}
            onClick={() => setConfirming(true)}
          >
            Revoke<span className="visually-hidden"> {person.name}’s link</span>
          </button>
        )
      ) : null}
      {error ? <Alert className="ps-person__error">{error}</Alert> : null}
    </li>
  );
}

function AddLinkForm({ onCreated }: { onCreated: (link: IssuedLink) => void }) {
  const { sessionId, credential } = useRoomContext();
  const [name, setName] = useState("");
  const [role, setRole] = useState<LinkRole>("co-interviewer");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError("Enter the person’s name first.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await sessionsApi.addLink(sessionId, credential, { role, name: name.trim() });
      onCreated({
        participantId: created.participant.id,
        name: created.participant.name,
        role: ROLE_LABELS[created.participant.role],
        link: joinLink(window.location.origin, created.token),
      });
      setName("");
    } catch (e) {
      setError(
        e instanceof ApiRequestError && e.issues[0]
          ? `${e.issues[0].path}: ${e.issues[0].message}`
          : message(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ps-addlink" onSubmit={submit} noValidate>
      <h3 className="subheading">Add someone</h3>
      <div className="ps-addlink__row">
        <Field label="Role">
          {(control) => (
            <div className="select">
              <select
                {...control}
                value={role}
                onChange={(event) => setRole(event.target.value as typeof role)}
              >
                <option value="co-interviewer">Co-interviewer</option>
                <option value="observer">Observer</option>
              </select>
            </div>
          )}
        </Field>
        <TextField
          label="Their name"
          value={name}
          maxLength={80}
          autoComplete="off"
          onValueChange={setName}
        />
        <button
          type="submit"
          className={buttonClass("quiet", { className: "ps-addlink__button" })}
          disabled={busy}
        >
          {busy ? "Creating…" : "Create link"}
        </button>
      </div>
      <p className="hint ps-addlink__hint">
        {role === "co-interviewer"
          ? "A co-interviewer sees the guide, takes private notes and scores blind alongside you."
          : "An observer sees what the candidate sees, including their answer as they write it, and the report once released."}
      </p>
      {error ? <Alert>{error}</Alert> : null}
    </form>
  );
}

/**
 * Releasing feedback and, afterwards, moving on: to the mini loop's next question
 * while one remains (swapping then would leave the loop unfinished, so it waits
 * for the last question), or to the role swap.
 */
export function ReleasePanel({ view }: { view: RoomView }) {
  const { sessionId, credential } = useRoomContext();
  const [swapping, setSwapping] = useState(false);
  const [swapError, setSwapError] = useState<string | null>(null);
  const submitted = view.submittedBy ?? [];
  const candidate = view.participants.find((p) => p.role === "candidate");
  const names = view.participants.filter((p) => submitted.includes(p.id)).map((p) => p.name);

  const moreQuestions = view.sequence.position < view.sequence.total;
  const moveOn = async () => {
    setSwapping(true);
    setSwapError(null);
    try {
      await sessionsApi.next(sessionId, credential);
    } catch (e) {
      setSwapError(message(e));
    } finally {
      setSwapping(false);
    }
  };

  if (view.swappedTo || view.advancedTo) return null;

  const candidateName = candidate?.name ?? "the candidate";
  const panel = (title: string, kicker: string, body: ReactNode) => (
    <Card
      className="ps-release"
      titleId="ps-release-title"
      title={title}
      kicker={kicker}
      testId="release-panel"
    >
      {body}
    </Card>
  );

  if (!view.released) {
    return panel(
      "Release feedback",
      submitted.length === 0
        ? "Available once at least one interviewer has submitted scores."
        : `${formatList(names)} ${submitted.length === 1 ? "has" : "have"} submitted. Releasing sends ${candidateName} the scores, recommendations, written feedback and shared notes, and makes the session read-only.`,
      <ReleaseAction view={view} candidateName={candidateName} />,
    );
  }

  const label = moreQuestions ? "Next question" : "Swap roles";
  return panel(
    label,
    moreQuestions
      ? `Question ${view.sequence.position + 1} of ${view.sequence.total} of the mini loop, with the same people in the same seats: you host and ${candidateName} answers. Everyone here is offered their new link. Swapping roles is offered after the last question.`
      : `Creates the next session on another question: ${candidateName} hosts and you answer. Everyone here is offered their new link.`,
    moreQuestions ? (
      <>
        <button type="button" className={buttonClass("primary")} onClick={moveOn} disabled={swapping}>
          {swapping ? "Creating the next session…" : label}
        </button>
        {swapError ? <Alert>{swapError}</Alert> : null}
      </>
    ) : (
      <SwapChooser candidateName={candidateName} />
    ),
  );
}
