import { hostSession, linkValue, peopleForEachTest } from "../support/peer-session.js";
import { screenshot } from "../support/screenshot.js";
import { expect, type Page, test } from "../support/test.js";

/**
 * Peer mock interviews end to end: every person has their own browser
 * context (their own storage and sockets) and joins through the link the UI
 * shows, exactly as they would from a chat message.
 */

interface Question {
  id: string;
  title: string;
  competency: string;
  prompt: string;
  phases: { id: string; name: string; minutes: number }[];
  guide: { probes: string[]; curveballs: { id: string; title: string; prompt: string; lookFor: string }[] };
  rubric: { dimensions: { id: string; name: string; anchors: Record<string, string> }[] };
}

const person = peopleForEachTest({ viewport: { width: 1280, height: 900 } });

async function loadQuestion(page: Page, competency = "org-design"): Promise<Question> {
  const list = await (await page.request.get(`/api/questions?competency=${competency}`)).json();
  return (await page.request.get(`/api/questions/${list.questions[0].id}`)).json();
}

/** Nothing from the interviewer guide may ever be on a candidate's screen. */
async function expectNoGuide(page: Page, question: Question) {
  const text = (await page.locator("body").textContent()) ?? "";
  for (const probe of question.guide.probes) expect(text).not.toContain(probe);
  for (const curveball of question.guide.curveballs) expect(text).not.toContain(curveball.lookFor);
}

async function scoreAll(page: Page, question: Question, score: number) {
  for (const d of question.rubric.dimensions) {
    await page
      .getByTestId(`dimension-${d.id}`)
      .locator("label")
      .nth(score - 1)
      .click();
  }
}

async function elapsedMs(page: Page): Promise<number> {
  return Number(await page.getByTestId("elapsed").getAttribute("data-elapsed-ms"));
}

test.describe("peer mock interviews", () => {
  test("run from creation to released feedback and a role swap, each person in their own browser", async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const host = await person(browser, "host");
    const question = await loadQuestion(host);
    const curveball = question.guide.curveballs[0];
    if (!curveball) throw new Error("the question needs a curveball");

    // ── The host creates the session in the UI ──
    await host.goto("/sessions");
    await expect(host.getByRole("heading", { level: 1 })).toHaveText("Peer mock interviews");
    await host.getByLabel("Search questions").fill(question.title.split(" ").slice(0, 4).join(" "));
    await host.getByRole("radio", { name: question.title }).check();
    await host.getByLabel("Your name").fill("Hana");
    await host.getByLabel(/candidate.s name/).fill("Cara");
    await host.getByRole("button", { name: "Create session" }).click();
    await expect(host.getByTestId("created-session")).toContainText(question.title);
    const candidateLink = await linkValue(host, "candidate-link");
    await linkValue(host, "host-link");

    // ── Host and candidate join through their links, in separate contexts ──
    await host.getByRole("button", { name: "Open my room" }).click();
    await expect(host).toHaveURL(/\/sessions\/[A-Za-z0-9_-]+$/);
    await expect(host.getByTestId("your-role")).toHaveText("Host");
    await expect(host.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
    const sessionId = new URL(host.url()).pathname.split("/").pop();

    const candidate = await person(browser, "candidate");
    await candidate.goto(candidateLink);
    await expect(candidate).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
    expect(new URL(candidate.url()).hash).toBe("");
    await expect(candidate.getByTestId("your-role")).toHaveText("Candidate");
    await expect(candidate.getByTestId("waiting")).toContainText("Waiting for Hana");
    await expectNoGuide(candidate, question);

    // ── A second interviewer through a co-interviewer link the host adds ──
    const people = host.getByTestId("people-panel");
    await people.getByLabel("Their name").fill("Cole");
    await people.getByRole("button", { name: "Create link" }).click();
    const coLink = await people
      .locator("[data-testid^='issued-link-']", { hasText: "Cole" })
      .locator("input")
      .inputValue();
    expect(coLink).toContain("/sessions/join#token=");
    // The candidate's link from creation is still there to copy.
    await expect(people.locator("[data-testid^='issued-link-']", { hasText: "Cara" })).toBeVisible();
    const co = await person(browser, "co-interviewer");
    await co.goto(coLink);
    await expect(co.getByTestId("your-role")).toHaveText("Co-interviewer");
    await expect(host.getByTestId("presence").filter({ hasText: "Cole" })).toHaveAttribute(
      "data-status",
      "online",
    );
    await expect(host.getByTestId("presence").filter({ hasText: "Cara" })).toHaveAttribute(
      "data-status",
      "online",
    );

    // ── Reveal and start: the prompt reaches the candidate, and the clocks agree ──
    await host.getByRole("button", { name: "Start timer and reveal" }).click();
    const promptStart = question.prompt.replace(/\s+/g, " ").slice(0, 60);
    await expect(candidate.getByTestId("case-prompt")).toContainText(promptStart);
    await expect(candidate.getByTestId("timer-state")).toHaveText("Running");
    await expect(host.getByTestId("prompt-visibility")).toHaveText("Visible to the candidate");
    await candidate.waitForTimeout(1_200); // a few ping round trips for the offset estimate
    for (let i = 0; i < 5; i++) {
      const [a, b, c] = await Promise.all([elapsedMs(host), elapsedMs(candidate), elapsedMs(co)]);
      expect(a).toBeGreaterThan(0);
      expect(Math.abs(a - b)).toBeLessThan(250);
      expect(Math.abs(a - c)).toBeLessThan(250);
      await host.waitForTimeout(150);
    }

    // ── A curveball reaches the candidate, highlighted as new and announced ──
    await host.getByRole("button", { name: `Inject “${curveball.title}”` }).click();
    const arrived = candidate.getByTestId("curveball").filter({ hasText: curveball.title });
    await expect(arrived).toBeVisible();
    await expect(arrived).toHaveAttribute("data-new", "true");
    await expect(arrived).toContainText(curveball.prompt);
    await expect(candidate.getByTestId("curveball-announcer")).toContainText(curveball.title);
    await expect(host.getByTestId("curveball-deck")).toContainText("Injected at");

    // ── The candidate's typing appears for both interviewers ──
    const answer =
      "First I would clarify the constraints: headcount, the budget line and what the CEO means by scale.";
    await candidate.getByTestId("answer-input").click();
    await candidate.keyboard.type(answer.slice(0, 40));
    await candidate.getByTestId("answer-input").fill(answer);
    await expect(host.getByTestId("live-answer")).toContainText(answer);
    await expect(co.getByTestId("live-answer")).toContainText(answer);
    await expect(candidate.getByTestId("answer-sync")).toHaveText("Saved");

    // ── Private, timestamped notes; one is shared into the report ──
    const shared = "Clarified headcount and budget before proposing anything.";
    const privateNote = "Did not ask about attrition (keep private).";
    const notes = host.getByTestId("notes");
    await notes.getByLabel(/Evidence/).fill(shared);
    await notes.getByLabel("Share with the candidate in the report").check();
    await notes.getByRole("button", { name: "Add note" }).click();
    await expect(notes.getByTestId("note").filter({ hasText: shared })).toBeVisible();
    await notes.getByLabel(/Evidence/).fill(privateNote);
    await notes.getByLabel("Share with the candidate in the report").uncheck();
    await notes.getByRole("button", { name: "Add note" }).click();
    await expect(notes.getByTestId("note").filter({ hasText: privateNote })).toBeVisible();
    await expect(notes.getByTestId("note").first().locator(".ps-notes__stamp")).toHaveText(/\d+:\d\d/);
    await expect(co.getByTestId("notes")).not.toContainText(shared);

    await screenshot(host, "session-interviewer");
    await screenshot(candidate, "session-candidate");
    await expectNoGuide(candidate, question);

    // ── Blind scoring with two interviewers ──
    const hostFeedback = "HOST-FEEDBACK: clear structure; go deeper on the manager layer.";
    const coFeedback = "CO-FEEDBACK: strong on numbers, light on sequencing.";
    await scoreAll(host, question, 3);
    await host.getByTestId("recommendation").getByText("Yes", { exact: true }).click();
    await host.getByLabel("Written feedback for the candidate").fill(hostFeedback);
    await host.getByRole("button", { name: "Submit scores" }).click();
    // The clock still runs, so submitting is asked about first.
    await host.getByRole("alertdialog").getByRole("button", { name: "Submit now" }).click();
    await expect(host.getByTestId("submitted-scores")).toContainText("Waiting for Cole");

    const coStatus = co.getByTestId("submission-status");
    await expect(coStatus.locator("li", { hasText: "Hana" })).toHaveAttribute("data-done", "true");
    await expect(co.locator("body")).not.toContainText(hostFeedback);
    await expect(co.getByTestId("submitted-scores")).toHaveCount(0);
    await scoreAll(co, question, 2);
    await co.getByTestId("recommendation").getByText("Strong yes", { exact: true }).click();
    await co.getByLabel("Written feedback for the candidate").fill(coFeedback);
    await co.getByRole("button", { name: "Submit scores" }).click();
    await co.getByRole("alertdialog").getByRole("button", { name: "Submit now" }).click();
    await expect(co.getByTestId("submitted-scores")).toContainText(hostFeedback);
    await expect(co.getByTestId("submitted-scores")).toContainText("Hana");
    await expect(host.getByTestId("submitted-scores")).toContainText(coFeedback);

    // ── The candidate self-scores, and still sees nothing of the interviewers' work ──
    await candidate.getByRole("button", { name: "Score yourself" }).click();
    await scoreAll(candidate, question, 4);
    await candidate.getByRole("button", { name: "Save self-score" }).click();
    await expect(candidate.getByRole("button", { name: "Self-score saved" })).toBeVisible();
    const candidateText = (await candidate.locator("body").textContent()) ?? "";
    for (const secret of [hostFeedback, coFeedback, shared, privateNote])
      expect(candidateText).not.toContain(secret);

    // ── Release: the candidate's report ──
    await host.getByRole("button", { name: "Release feedback" }).click();
    await host.getByRole("button", { name: "Release now" }).click();
    const report = candidate.getByTestId("report");
    await expect(report).toBeVisible();
    await expect(report).toContainText(hostFeedback);
    await expect(report).toContainText(coFeedback);
    await expect(report.getByTestId("shared-note")).toHaveText([new RegExp(shared)]);
    await expect(report).not.toContainText(privateNote);
    await expect(report.getByTestId("verdict").filter({ hasText: "Hana" })).toContainText("Yes");
    await expect(report.getByTestId("verdict").filter({ hasText: "Cole" })).toContainText("Strong yes");
    const firstDim = question.rubric.dimensions[0];
    if (!firstDim) throw new Error("the rubric needs a dimension");
    const dimCard = report.getByTestId(`report-${firstDim.id}`);
    await expect(dimCard).toContainText(firstDim.anchors["3"] ?? "");
    await expect(dimCard.locator("[data-chosen='true']", { hasText: "Hana" })).toContainText(
      firstDim.anchors["3"] ?? "",
    );
    await expect(dimCard.locator("[data-chosen='self']", { hasText: "self-score" })).toContainText(
      firstDim.anchors["4"] ?? "",
    );
    await expect(candidate.getByTestId("answer-input")).toHaveAttribute("readonly", "");
    await expectNoGuide(candidate, question);
    await screenshot(candidate, "session-report");

    // ── Interviewers (only) see how far the panel agreed ──
    const agreement = host.getByTestId("panel-agreement");
    await expect(agreement.getByRole("heading", { name: "How far the panel agreed" })).toBeVisible();
    const raterTable = agreement.getByTestId("rater-table");
    for (const name of ["Hana", "Cole"]) {
      await expect(raterTable.locator("tbody tr", { hasText: name })).toHaveCount(1);
    }
    await expect(candidate.getByText("How far the panel agreed")).toHaveCount(0);

    // ── Swap roles: everyone is offered a new link; the former candidate hosts ──
    await host.getByRole("button", { name: "Swap roles" }).click();
    await host.getByRole("alertdialog").getByRole("button", { name: "Swap roles" }).click();
    for (const page of [host, candidate, co]) {
      await expect(page.getByTestId("swap-banner")).toContainText("Your next session is ready");
    }
    await candidate.getByRole("button", { name: "Join the next session" }).click();
    await expect(candidate).not.toHaveURL(new RegExp(`/sessions/${sessionId}$`));
    await expect(candidate.getByTestId("your-role")).toHaveText("Host");
    const caraNewLink = await linkValue(candidate, "fresh-link");
    await expect(candidate.getByRole("button", { name: "Start timer and reveal" })).toBeVisible();
    await expect(candidate.getByRole("heading", { level: 1 })).not.toHaveText(question.title);

    await host.getByRole("button", { name: "Join the next session" }).click();
    await expect(host.getByTestId("your-role")).toHaveText("Candidate");
    await expect(host.getByTestId("waiting")).toContainText("Waiting for Cara");
    await co.getByRole("button", { name: "Join the next session" }).click();
    await expect(co.getByTestId("your-role")).toHaveText("Co-interviewer");
    expect(new URL(host.url()).pathname).toBe(new URL(candidate.url()).pathname);

    // The new link itself works on another device.
    const elsewhere = await person(browser, "cara-elsewhere");
    await elsewhere.goto(caraNewLink);
    await expect(elsewhere.getByTestId("your-role")).toHaveText("Host");
  });

  test("runs a mini loop of two questions with the same people in the same roles", async ({ browser }) => {
    test.setTimeout(120_000);
    const host = await person(browser, "host");
    const first = await loadQuestion(host);
    const second = await loadQuestion(host, "strategic-leadership");
    expect(second.id).not.toBe(first.id);

    // ── The host plans two questions in the UI ──
    await host.goto("/sessions");
    await host
      .getByLabel("Search questions", { exact: true })
      .fill(first.title.split(" ").slice(0, 4).join(" "));
    await host.getByRole("radio", { name: first.title }).check();
    await host.getByRole("button", { name: "Done" }).click();
    await host.getByRole("button", { name: "Add another question" }).click();
    const followUp = host.getByTestId("follow-up-2");
    // The first question can't be asked twice.
    await expect(followUp.getByRole("radio", { name: first.title, exact: true })).toHaveCount(0);
    await followUp
      .getByLabel("Search questions for question 2")
      .fill(second.title.split(" ").slice(0, 4).join(" "));
    await followUp.getByRole("radio", { name: second.title }).check();
    await followUp.getByRole("button", { name: "Done" }).click();
    await expect(host.getByTestId("follow-up-2")).toContainText(second.title);
    await expect(host.getByTestId("duration-minutes")).toContainText("2 questions");
    await host.getByLabel("Your name").fill("Hana");
    await host.getByLabel(/candidate.s name/).fill("Cara");
    await host.getByRole("button", { name: "Create session" }).click();
    await expect(host.getByTestId("created-session")).toContainText("question 1 of 2");
    const candidateLink = await linkValue(host, "candidate-link");
    const createdInvite = await host.getByTestId("candidate-invite").getByTestId("invite-text").inputValue();
    const loopLength = /2 questions, about ([^.]+) in all/.exec(createdInvite)?.[1];
    expect(loopLength, createdInvite).toBeTruthy();
    await host.getByRole("button", { name: "Open my room" }).click();
    await expect(host.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
    // The room's invite for the same link gives the whole loop's length too, not only this question's.
    const roomInvite = host
      .getByTestId("issued-links")
      .locator("[data-testid^='invite-']")
      .filter({ hasText: "Invite for Cara" });
    await expect(roomInvite.getByTestId("invite-text")).toHaveValue(
      new RegExp(`2 questions, about ${loopLength} in all`),
    );
    const firstSessionId = new URL(host.url()).pathname.split("/").pop();

    const candidate = await person(browser, "candidate");
    await candidate.goto(candidateLink);
    await expect(candidate.getByTestId("your-role")).toHaveText("Candidate");
    for (const page of [host, candidate]) {
      await expect(page.getByTestId("loop-position")).toHaveText("Question 1 of 2");
    }
    await expect(host.getByRole("heading", { level: 1 })).toHaveText(first.title);
    // The candidate learns which question it is only at the reveal, in the page title too.
    await expect(candidate.getByRole("heading", { level: 1 })).toHaveText("Question not revealed yet");
    expect(await candidate.title()).not.toContain(first.title);

    // ── Score, release, and move on to the next question ──
    await host.getByRole("button", { name: "Start timer and reveal" }).click();
    await expect(candidate.getByTestId("answer-input")).toBeVisible();
    await expect(candidate.getByRole("heading", { level: 1 })).toHaveText(first.title);
    await expect.poll(() => candidate.title()).toContain(first.title);
    await scoreAll(host, first, 3);
    await host.getByTestId("recommendation").getByText("Yes", { exact: true }).click();
    await host.getByRole("button", { name: "Submit scores" }).click();
    // The clock still runs, so submitting is asked about first.
    await host.getByRole("alertdialog").getByRole("button", { name: "Submit now" }).click();
    await host.getByRole("button", { name: "Release feedback" }).click();
    await host.getByRole("button", { name: "Release now" }).click();
    await expect(candidate.getByTestId("report")).toBeVisible();
    // Swapping waits for the last question.
    await expect(host.getByRole("button", { name: "Swap roles" })).toHaveCount(0);
    await host.getByRole("button", { name: "Next question" }).click();
    for (const page of [host, candidate]) {
      await expect(page.getByTestId("swap-banner")).toContainText(
        "Question 2 of 2 is ready — same people, same roles",
      );
    }

    // ── Both follow the banner and keep their seats ──
    await host.getByRole("button", { name: "Join the next session" }).click();
    await expect(host).not.toHaveURL(new RegExp(`/sessions/${firstSessionId}$`));
    await expect(host.getByTestId("your-role")).toHaveText("Host");
    await expect(host.getByTestId("loop-position")).toHaveText("Question 2 of 2");
    await expect(host.getByRole("heading", { level: 1 })).toHaveText(second.title);
    await expect(host.getByRole("button", { name: "Start timer and reveal" })).toBeVisible();

    await candidate.getByRole("button", { name: "Join the next session" }).click();
    await expect(candidate.getByTestId("your-role")).toHaveText("Candidate");
    await expect(candidate.getByTestId("loop-position")).toHaveText("Question 2 of 2");
    await expect(candidate.getByRole("heading", { level: 1 })).toHaveText("Question not revealed yet");
    expect(new URL(candidate.url()).pathname).toBe(new URL(host.url()).pathname);
    await expect(candidate.getByTestId("waiting")).toContainText("Waiting for Hana");
    await host.getByRole("button", { name: "Start timer and reveal" }).click();
    await expect(candidate.getByTestId("answer-input")).toBeVisible();
    await expect(candidate.getByRole("heading", { level: 1 })).toHaveText(second.title);
    await expect(candidate.getByTestId("answer-input")).not.toHaveAttribute("readonly", "");
    await expectNoGuide(candidate, second);
  });

  test("lets the host add an observer and revoke links, with clear errors for bad links", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const host = await person(browser, "host");
    const question = await loadQuestion(host, "strategic-leadership");

    // Preselected from the question page's link.
    await host.goto(`/questions/${question.id}`);
    await host.getByRole("link", { name: "Run as a mock interview" }).click();
    await expect(host.getByTestId("picked-question")).toContainText(question.title);
    await host.getByLabel("Your name").fill("Hana");
    await host.getByLabel(/candidate.s name/).fill("Cara");
    await host.getByLabel("Length").fill("0.5");
    await expect(host.getByTestId("duration-minutes")).toContainText("Half the length");
    await host.getByRole("button", { name: "Create session" }).click();
    await linkValue(host, "candidate-link");
    await host.getByRole("button", { name: "Open my room" }).click();
    await expect(host.getByTestId("connection-status")).toHaveAttribute("data-status", "live");

    const people = host.getByTestId("people-panel");
    await people.getByLabel("Role").selectOption("observer");
    await people.getByLabel("Their name").fill("Omar");
    await people.getByRole("button", { name: "Create link" }).click();
    const observerLink = await people
      .locator("[data-testid^='issued-link-']", { hasText: "Omar" })
      .locator("input")
      .inputValue();

    const observer = await person(browser, "observer");
    await observer.setViewportSize({ width: 390, height: 844 });
    await observer.goto(observerLink);
    await expect(observer.getByTestId("your-role")).toHaveText("Observer");
    await host.getByRole("button", { name: "Start timer and reveal" }).click();
    await expect(observer.getByTestId("case-prompt")).toBeVisible();

    // The host's clock controls reach everyone.
    const timerState = observer.getByTestId("timer-state");
    await expect(timerState).toHaveText("Running");
    await host.getByRole("button", { name: "Pause" }).click();
    await expect(timerState).toHaveText("Paused");
    await host.getByRole("button", { name: "Resume" }).click();
    await expect(timerState).toHaveText("Running");
    const planned = async () => {
      const match = /of (\d+):(\d\d)/.exec((await observer.getByTestId("elapsed").textContent()) ?? "");
      return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
    };
    const plannedBefore = await planned();
    await host.getByRole("button", { name: "+2 min for this phase" }).click();
    await expect.poll(planned).toBe(plannedBefore + 120);
    await host.getByRole("button", { name: "Next phase" }).click();
    await expect(observer.getByTestId("current-phase")).toHaveText(question.phases[1]?.name ?? "");
    await expect(observer.getByTestId("timer-announcer")).toContainText(
      `Phase 2 of ${question.phases.length}`,
    );
    await expect(observer.getByTestId("answer-input")).toHaveCount(0);
    await expect(observer.getByTestId("self-score")).toHaveCount(0);
    await expectNoGuide(observer, question);
    const overflow = await observer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Revoking closes the observer's socket with the server's reason; the link stops working.
    const omar = people.getByTestId("person").filter({ hasText: "Omar" });
    await omar.getByRole("button", { name: "Revoke Omar’s link" }).click();
    await host
      .getByRole("alertdialog", { name: "Revoke Omar’s link?" })
      .getByRole("button", { name: "Revoke link" })
      .click();
    await expect(omar).toHaveAttribute("data-status", "revoked");
    await expect(observer.getByRole("alert")).toContainText("revoked by the host");
    await observer.goto(observerLink);
    await expect(observer.getByTestId("join-error")).toContainText("This link was revoked");

    await observer.goto(`/sessions/join#token=${"A".repeat(43)}`);
    await expect(observer.getByTestId("join-error")).toContainText("This link doesn’t work");
    await observer.goto("/sessions/join");
    await expect(observer.getByTestId("join-error")).toContainText("This link is incomplete");
  });

  test("keeps what the candidate types while offline and sends it once the network is back", async ({
    browser,
  }) => {
    const host = await person(browser, "host");
    const { candidateLink } = await hostSession(host);
    const candidate = await person(browser, "candidate");
    await candidate.goto(candidateLink);
    await host.getByRole("button", { name: "Start timer and reveal" }).click();
    await candidate.getByTestId("answer-input").fill("Before the drop.");
    await expect(host.getByTestId("live-answer")).toContainText("Before the drop.");

    await candidate.context().setOffline(true);
    await expect(candidate.getByTestId("connection-status")).toHaveAttribute("data-status", "offline");
    await candidate.getByTestId("answer-input").fill("Before the drop. Written while offline.");
    await expect(candidate.getByTestId("answer-sync")).toContainText("will sync");
    await expect(candidate.getByTestId("connection-status")).toContainText("unsaved");

    await candidate.context().setOffline(false);
    await expect(candidate.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
    await expect(host.getByTestId("live-answer")).toContainText("Written while offline.");
    await expect(candidate.getByTestId("answer-sync")).toHaveText("Saved");
    // The clock carried on for everyone while the candidate was away.
    const [a, b] = await Promise.all([elapsedMs(host), elapsedMs(candidate)]);
    expect(Math.abs(a - b)).toBeLessThan(250);
  });
});
