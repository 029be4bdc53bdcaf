import { createWorkspaceBodySchema } from "@loopwright/schema";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { CopyLink } from "../../../components/CopyLink";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { TextField } from "../../../ui/TextField";
import { calibrationApi } from "../api";
import { CalPage } from "../components/CalPage";
import { fieldErrors } from "../lib/form-errors";
import {
  listMemberCredentials,
  type MemberCredential,
  memberJoinLink,
  saveMemberCredential,
} from "../lib/member-credentials";
import { workspacePath } from "../workspace/context";
import "./CalibrationHomePage.css";
import { cardProps } from "../../../ui/card";
import { StepList } from "../../../ui/StepList";

const STEPS = [
  {
    title: "Define the loop",
    body: "Name the rounds, how long each runs and which competencies it assesses. A coverage matrix shows the gaps and the overlaps before anyone interviews.",
  },
  {
    title: "Score the same answers, blind",
    body: "Pick example answers from the bank or paste transcripts. Each interviewer opens a personal link and scores every rubric dimension alone; nobody sees anyone else’s scores.",
  },
  {
    title: "See where the panel disagrees",
    body: "Agreement per rubric dimension, each interviewer’s severity or leniency, and the answers that split the panel, written up as things to discuss.",
  },
  {
    title: "Discuss, re-score, compare",
    body: "After the discussion, open a re-score round on the same answers. The comparison shows whether agreement rose and offsets shrank: whether the bar converged.",
  },
] as const;

export function CalibrationHomePage() {
  useDocumentTitle("Loop calibration");
  const [mine] = useState<MemberCredential[]>(() => listMemberCredentials());

  return (
    <CalPage className="cal-home">
      <header className="page-header">
        <p className="eyebrow">Loop calibration · for hiring managers and their panels</p>
        <h1 className="page-title">Hold every interviewer to the same bar</h1>
        <p className="page-lede">
          A director hire is only as fair as the panel’s shared bar. Calibration has every interviewer score
          the same answers on their own, then shows where and how much they disagree, so you can fix vague
          rubric anchors and off-bar interviewers before a real candidate meets them.
        </p>
      </header>

      <div className="cal-home__grid">
        <section aria-labelledby="how-title" className="cal-home__how">
          <h2 id="how-title" className="section__title">
            How it works
          </h2>
          <StepList steps={STEPS} />

          <div className="cal-csv-entry">
            <h2 className="cal-csv-entry__title">Already have scores from your hiring system?</h2>
            <p>
              Upload a CSV with the columns <code>rater</code>, <code>subject</code>, <code>dimension</code>{" "}
              and <code>score</code> and get the same agreement analysis, with no workspace needed.
            </p>
            <p className="cal-actions cal-csv-entry__actions">
              <Link to="/calibration/analyze" className={buttonClass("quiet")}>
                Analyse exported ratings (CSV)
              </Link>
            </p>
          </div>
        </section>

        <aside className="cal-home__aside">
          <CreateWorkspace />
          {mine.length > 0 ? (
            <section {...cardProps()} aria-labelledby="mine-title">
              <h2 id="mine-title" className="cal-card__title">
                Your workspaces on this browser
              </h2>
              <ul className="cal-mine-list">
                {mine.map((s) => (
                  <li key={s.workspace.id} className="cal-mine">
                    <Link to={workspacePath(s.workspace.id)} className="cal-mine__link">
                      {s.workspace.name}
                    </Link>
                    <span className="cal-mine__who">
                      as {s.member.name} · {s.member.role === "admin" ? "admin" : "interviewer"}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </CalPage>
  );
}

function CreateWorkspace() {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [adminName, setAdminName] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ signIn: MemberCredential; link: string } | null>(null);
  const createdHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = createWorkspaceBodySchema.safeParse({ name, adminName });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    setSubmitError(null);
    setBusy(true);
    try {
      const made = await calibrationApi.createWorkspace(parsed.data);
      // Sign this browser in straight away, so the admin link is needed only to come back later.
      const signIn = await calibrationApi.exchange(made.adminToken);
      saveMemberCredential(signIn);
      setCreated({ signIn, link: memberJoinLink(window.location.origin, made.adminToken) });
    } catch (error) {
      setSubmitError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <section {...cardProps({ tone: "accent" })} aria-labelledby="created-title">
        <h2 id="created-title" className="cal-card__title" tabIndex={-1} ref={createdHeading}>
          “{created.signIn.workspace.name}” is ready
        </h2>
        <p className="cal-card__lede">
          Save your admin link now. <strong>It is shown only this once</strong> and it is the only way back
          into the workspace as its admin, from another browser or after your sign-in here ends.
        </p>
        <CopyLink
          label="Your admin link"
          value={created.link}
          hint="Keep it private, like a password: anyone with it can manage the workspace. The secret sits after the # and browsers never send that part to a server, so it stays out of server logs and referrers."
        />
        <p className="cal-actions cal-home__created-actions">
          <button
            type="button"
            className={buttonClass("primary")}
            onClick={() => navigate(workspacePath(created.signIn.workspace.id))}
          >
            I have saved it — open the workspace
          </button>
        </p>
      </section>
    );
  }

  return (
    <section {...cardProps()} aria-labelledby="create-title">
      <h2 id="create-title" className="cal-card__title">
        Create a team workspace
      </h2>
      <p className="cal-card__lede">
        No sign-up. You get a private admin link; each interviewer gets a personal link from you.
      </p>
      <form className="cal-form" onSubmit={submit} noValidate>
        <TextField
          label="Workspace name"
          hint="Usually the team or role you are hiring for."
          error={errors.name}
          value={name}
          maxLength={200}
          placeholder="e.g. Platform director hiring"
          autoComplete="off"
          onValueChange={setName}
        />
        <TextField
          label="Your name"
          hint="Shown to the interviewers you invite."
          error={errors.adminName}
          value={adminName}
          maxLength={200}
          autoComplete="name"
          onValueChange={setAdminName}
        />
        {submitError ? <Alert tone="error">{submitError}</Alert> : null}
        <button type="submit" className={buttonClass("primary")} disabled={busy} aria-busy={busy}>
          {busy ? "Creating…" : "Create workspace"}
        </button>
      </form>
    </section>
  );
}
