import type { LinkRole, RoomView } from "@loopwright/schema";
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
import { sessionsApi } from "../api";
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
import { PersonRow } from "./PersonRow";
import { ReleaseAction } from "./ReleaseAction";
import { RetryAlert } from "./RetryAlert";
import { RoomInvite } from "./RoomInvite";
import { SwapChooser } from "./SwapChooser";
import "./HostPanel.css";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The host's people panel: everyone with a link, with copying (links this
 * browser knows), re-issuing and revoking; new co-interviewer and observer links.
 */
export function PeoplePanel({ presence }: { presence: PresenceEntry[] | null }) {
  const { sessionId, credential, view } = useRoomContext();
  const [links, setLinks] = useState<IssuedLink[]>(() => issuedLinks(sessionId));
  const [notice, setNotice] = useState<string | null>(null);
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
  const keep = (link: IssuedLink) => {
    rememberIssuedLink(sessionId, link);
    setLinks(issuedLinks(sessionId));
  };

  const status = new Map(presence?.map((p) => [p.id, p.status]));
  const known = new Map(links.map((l) => [l.participantId, l]));
  const live = new Set(list?.filter((p) => !p.revoked).map((p) => p.id));
  const shown = list ? links.filter((l) => live.has(l.participantId)) : links;

  return (
    <Card
      titleId="ps-people-title"
      title="People and links"
      kicker="One link per person. A lost link can be re-issued: same person, new link, the old one stops working."
      testId="people-panel"
    >
      {loadError ? (
        <RetryAlert onRetry={() => void participants.refetch()}>
          Couldn’t load the people in this session: {loadError}
        </RetryAlert>
      ) : null}

      {list ? (
        <ul className="ps-people" aria-label="People with a link">
          {list.map((p) => (
            <PersonRow
              key={p.id}
              person={p}
              status={p.revoked ? "revoked" : (status.get(p.id) ?? "gone")}
              isYou={p.id === view.you.id}
              known={known.get(p.id)}
              onRevoked={() => {
                forgetIssuedLink(sessionId, p.id);
                setLinks(issuedLinks(sessionId));
                setNotice(`${p.name}’s link was revoked.`);
                reload();
              }}
              onReissued={(link) => {
                keep(link);
                setNotice(
                  `New link for ${link.name} below: send it to them. Their old link no longer works.`,
                );
                reload();
              }}
            />
          ))}
        </ul>
      ) : loadError ? null : (
        <p className="hint">Loading…</p>
      )}
      <p className="ps-people__notice" role="status" data-testid="people-notice">
        {notice ?? ""}
      </p>

      {shown.length > 0 ? (
        <div className="ps-issued" data-testid="issued-links">
          <h3 className="subheading">Links kept on this browser</h3>
          <p className="hint">
            The server keeps only a hash of each link, so a leaked database can’t let anyone in. This browser
            keeps the links it created or re-issued, so they are here after a reload; on another device,
            re-issue a link to get one to send.
          </p>
          {shown.map((l) => (
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

      {!view.released ? <AddLinkForm onCreated={keep} /> : null}
    </Card>
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
