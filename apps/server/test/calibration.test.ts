import { beforeAll, describe, expect, it } from "vitest";
import { callJson, getJson, type RunningServer, startServer } from "./helpers.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});

const send = (method: string, path: string, credential: string | null, body?: unknown) =>
  callJson(server.url, method, path, body, credential ?? undefined);

function walk(value: unknown, visit: (v: unknown) => void): void {
  visit(value);
  if (value && typeof value === "object") for (const v of Object.values(value)) walk(v, visit);
}

describe("POST /api/calibration/analyze", () => {
  const ratings = [
    ...["ann", "bob", "cy"].flatMap((rater, r) =>
      ["s1", "s2", "s3", "s4"].flatMap((subject, s) =>
        ["depth", "clarity"].map((dimension, d) => ({
          rater,
          subject,
          dimension,
          score: Math.min(4, Math.max(1, 1 + ((s + d + r) % 4))),
        })),
      ),
    ),
  ];

  it("answers every statistic per dimension and per rater, with null rather than NaN", async () => {
    const { status, body } = await send("POST", "/api/calibration/analyze", null, {
      scale: { min: 1, max: 4 },
      ratings,
    });
    expect(status).toBe(200);
    expect(body.dimensions.map((d: { dimension: string }) => d.dimension).sort()).toEqual([
      "clarity",
      "depth",
    ]);
    const depth = body.dimensions.find((d: { dimension: string }) => d.dimension === "depth");
    expect(depth).toMatchObject({ raters: 3, subjects: 4, ratings: 12 });
    expect(Object.keys(depth.alpha).sort()).toEqual(["interval", "nominal", "ordinal"]);
    expect(Object.keys(depth.icc).sort()).toEqual(["icc1", "icc1k", "icc2", "icc2k", "icc3", "icc3k"]);
    expect(body.raters).toHaveLength(3);
    expect(Object.keys(body.raters[0]).sort()).toEqual(
      ["infit", "meanOffset", "outfit", "rater", "ratings", "severity", "severitySE"].sort(),
    );
    walk(body, (v) => {
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    });
  });

  it("returns null for statistics the data cannot define", async () => {
    const flat = ["a", "b"].flatMap((rater) =>
      ["x", "y"].map((subject) => ({ rater, subject, dimension: "d", score: 3 })),
    );
    const { body } = await send("POST", "/api/calibration/analyze", null, {
      scale: { min: 1, max: 4 },
      ratings: flat,
    });
    expect(body.dimensions[0].alpha.ordinal).toBeNull();
    expect(body.dimensions[0].exactAgreement).toBe(1);
  });

  it("names the row of a score off the scale, a duplicate rating, and empty data", async () => {
    const bad = [...ratings.slice(0, 5), { rater: "ann", subject: "s9", dimension: "depth", score: 7 }];
    const off = await send("POST", "/api/calibration/analyze", null, {
      scale: { min: 1, max: 4 },
      ratings: bad,
    });
    expect(off.status).toBe(400);
    expect(off.body.message).toContain("row 6: score 7 is outside the scale 1–4");

    const dup = await send("POST", "/api/calibration/analyze", null, {
      scale: { min: 1, max: 4 },
      ratings: [ratings[0], ratings[0]],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.message).toContain("row 2");
    expect(dup.body.message).toContain("already rated");

    const empty = await send("POST", "/api/calibration/analyze", null, {
      scale: { min: 1, max: 4 },
      ratings: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain("no ratings");

    const scale = await send("POST", "/api/calibration/analyze", null, {
      scale: { min: 4, max: 1 },
      ratings,
    });
    expect(scale.status).toBe(400);
    expect(scale.body.message).toContain("scale.max must be above scale.min");
  });

  it("exports the analysis as CSV", async () => {
    const res = await fetch(`${server.url}/api/calibration/analyze?format=csv`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scale: { min: 1, max: 4 }, ratings }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    expect(text.split("\n")[0]).toContain("alpha_ordinal");
    expect(text).toMatch(/^dimension,depth,3,4,12,/m);
    expect(text).toMatch(/^rater,ann,8,/m);
  });
});

describe("POST /api/calibration/analyze/csv", () => {
  const post = (csv: string, query = "") =>
    fetch(`${server.url}/api/calibration/analyze/csv${query}`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: csv,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

  it("analyses a CSV in any column order", async () => {
    const csv =
      "score,rater,subject,dimension\n3,ann,s1,depth\n2,bob,s1,depth\n4,ann,s2,depth\n4,bob,s2,depth\n";
    const { status, body } = await post(csv);
    expect(status).toBe(200);
    expect(body.dimensions[0]).toMatchObject({ dimension: "depth", raters: 2, subjects: 2, ratings: 4 });
  });

  it("reads a semicolon file and a tab-separated file as it reads a comma one", async () => {
    const rows = [
      ["rater", "subject", "dimension", "score"],
      ["ann", "s1", "depth", "3"],
      ["bob", "s1", "depth", "2"],
      ["ann", "s2", "depth", "4"],
      ["bob", "s2", "depth", "4"],
    ];
    const comma = await post(`${rows.map((r) => r.join(",")).join("\n")}\n`);
    const semicolon = await post(`\uFEFF${rows.map((r) => r.join(";")).join("\r\n")}\r\n`);
    const tab = await post(`${rows.map((r) => r.join("\t")).join("\n")}\n`);
    expect(comma.status).toBe(200);
    expect(semicolon.status).toBe(200);
    expect(tab.status).toBe(200);
    expect(semicolon.body.dimensions).toEqual(comma.body.dimensions);
    expect(tab.body.dimensions).toEqual(comma.body.dimensions);
    // A semicolon file whose fields hold commas ("Lee, Ann") keeps them inside the field.
    const names = await post('rater;subject;dimension;score\n"Lee, Ann";s1;depth;3\nBob;s1;depth;2\n');
    expect(names.status).toBe(200);
    expect(names.body.raters.map((r: { rater: string }) => r.rater).sort()).toEqual(["Bob", "Lee, Ann"]);
  });

  it("names a missing column, an unparseable line, a bad score and an off-scale score by line", async () => {
    const missing = await post("rater,subject,score\nann,s1,3\n");
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain("missing the column 'dimension'");

    const ragged = await post("rater,subject,dimension,score\nann,s1,depth,3\nbob,s1,depth\n");
    expect(ragged.status).toBe(400);
    expect(ragged.body.message).toMatch(/Line 3/);

    const word = await post("rater,subject,dimension,score\nann,s1,depth,3\nbob,s1,depth,three\n");
    expect(word.status).toBe(400);
    expect(word.body.message).toBe("Line 3: score 'three' is not a whole number.");

    const off = await post("rater,subject,dimension,score\nann,s1,depth,3\nbob,s1,depth,9\n");
    expect(off.status).toBe(400);
    expect(off.body.message).toContain("line 3: score 9 is outside the scale 1–4");

    const empty = await post("");
    expect(empty.status).toBe(400);
  });
});

describe("a calibration exercise", () => {
  let ws: string;
  let admin: string;
  const people: Record<string, { id: string; credential: string }> = {};
  let exerciseId: string;
  let question: any;

  it("creates a workspace whose admin link is exchanged for a session", async () => {
    const created = await send("POST", "/api/workspaces", null, {
      name: "Platform hiring",
      adminName: "Maya",
    });
    expect(created.status).toBe(201);
    ws = created.body.workspace.id;
    expect(created.body.adminToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await send("POST", "/api/workspaces/sessions", null, { token: created.body.adminToken });
    expect(session.status).toBe(201);
    expect(session.body.member.role).toBe("admin");
    admin = session.body.credential;
    const bad = await send("POST", "/api/workspaces/sessions", null, { token: "x".repeat(43) });
    expect(bad.status).toBe(401);
  });

  it("gives each interviewer a personal link", async () => {
    for (const name of ["Ana", "Ben", "Chi"]) {
      const made = await send("POST", `/api/workspaces/${ws}/members`, admin, { name });
      expect(made.status).toBe(201);
      const session = await send("POST", "/api/workspaces/sessions", null, { token: made.body.token });
      people[name] = { id: made.body.member.id, credential: session.body.credential };
    }
    const view = await send("GET", `/api/workspaces/${ws}`, admin);
    expect(view.body.members.map((m: { name: string }) => m.name)).toEqual(["Maya", "Ana", "Ben", "Chi"]);
    const asInterviewer = await send("POST", `/api/workspaces/${ws}/members`, people.Ana?.credential ?? "", {
      name: "X",
    });
    expect(asInterviewer.status).toBe(403);
  });

  it("defines a loop and shows competency gaps and overlaps", async () => {
    const { status, body } = await send("POST", `/api/workspaces/${ws}/loops`, admin, {
      name: "Director loop",
      rounds: [
        { name: "Org design", durationMinutes: 45, competencies: ["org-design", "managing-managers"] },
        {
          name: "Strategy",
          durationMinutes: 45,
          competencies: ["strategic-leadership", "managing-managers"],
        },
      ],
    });
    expect(status).toBe(201);
    const cell = (c: string) => body.coverage.find((x: { competency: string }) => x.competency === c);
    expect(cell("org-design")).toMatchObject({ status: "covered", rounds: [0] });
    expect(cell("managing-managers")).toMatchObject({ status: "overlap", rounds: [0, 1] });
    expect(cell("crisis-change")).toMatchObject({ status: "gap", rounds: [] });
    const unknown = await send("POST", `/api/workspaces/${ws}/loops`, admin, {
      name: "x",
      rounds: [{ name: "r", durationMinutes: 45, competencies: ["org-design"], questionIds: ["nope"] }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain("'nope'");
  });

  it("creates an exercise from bank example answers", async () => {
    const list = (await getJson(`${server.url}/api/questions?competency=org-design`)).body;
    question = (await getJson(`${server.url}/api/questions/${list.questions[0].id}`)).body;
    const { status, body } = await send("POST", `/api/workspaces/${ws}/exercises`, admin, {
      name: "Org design bar",
      items: question.examples.map((e: { id: string }) => ({
        kind: "example",
        questionId: question.id,
        exampleId: e.id,
      })),
      interviewerIds: [people.Ana?.id, people.Ben?.id, people.Chi?.id],
    });
    expect(status).toBe(201);
    exerciseId = body.id;
    expect(body.items).toHaveLength(question.examples.length);
    expect(body.progress.map((p: { submitted: boolean }) => p.submitted)).toEqual([false, false, false]);
  });

  it("keeps scoring blind and results closed until everyone submits", async () => {
    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    const exercise = (
      await send("GET", `/api/workspaces/${ws}/exercises/${exerciseId}`, people.Ana?.credential ?? "")
    ).body;
    const all = (score: (item: number, dim: number) => number) =>
      exercise.items.flatMap((item: { id: string }, i: number) =>
        dims.map((dimension: string, d: number) => ({ itemId: item.id, dimension, score: score(i, d) })),
      );

    const partial = await send(
      "PUT",
      `/api/workspaces/${ws}/exercises/${exerciseId}/scores`,
      people.Ana?.credential ?? "",
      {
        round: 1,
        scores: all(() => 3).slice(0, 1),
        submit: true,
      },
    );
    expect(partial.status).toBe(400);
    expect(partial.body.message).toContain("Score every dimension");

    const badDim = await send(
      "PUT",
      `/api/workspaces/${ws}/exercises/${exerciseId}/scores`,
      people.Ana?.credential ?? "",
      {
        round: 1,
        scores: [{ itemId: exercise.items[0].id, dimension: "charisma", score: 3 }],
      },
    );
    expect(badDim.status).toBe(400);
    expect(badDim.body.message).toContain("'charisma' is not a rubric dimension");

    const ana = await send(
      "PUT",
      `/api/workspaces/${ws}/exercises/${exerciseId}/scores`,
      people.Ana?.credential ?? "",
      {
        round: 1,
        scores: all((i) => (i === 0 ? 2 : 4)),
        submit: true,
      },
    );
    expect(ana.body.mySubmitted).toBe(true);

    const benView = (
      await send("GET", `/api/workspaces/${ws}/exercises/${exerciseId}`, people.Ben?.credential ?? "")
    ).body;
    expect(benView.myScores).toEqual([]);
    expect(JSON.stringify(benView)).not.toContain('"score":4');
    expect(benView.progress.find((p: { name: string }) => p.name === "Ana").submitted).toBe(true);
    const early = await send(
      "GET",
      `/api/workspaces/${ws}/exercises/${exerciseId}/results`,
      people.Ben?.credential ?? "",
    );
    expect(early.status).toBe(409);

    const resubmit = await send(
      "PUT",
      `/api/workspaces/${ws}/exercises/${exerciseId}/scores`,
      people.Ana?.credential ?? "",
      {
        round: 1,
        scores: all(() => 1),
      },
    );
    expect(resubmit.status).toBe(409);

    await send("PUT", `/api/workspaces/${ws}/exercises/${exerciseId}/scores`, people.Ben?.credential ?? "", {
      round: 1,
      scores: all((i) => (i === 0 ? 2 : 3)),
      submit: true,
    });
    const chi = await send(
      "PUT",
      `/api/workspaces/${ws}/exercises/${exerciseId}/scores`,
      people.Chi?.credential ?? "",
      {
        round: 1,
        scores: all((i, d) => (i === 0 || d === 0 ? 1 : 2)),
        submit: true,
      },
    );
    expect(chi.body.revealed).toBe(true);
    const late = await send(
      "PUT",
      `/api/workspaces/${ws}/exercises/${exerciseId}/scores`,
      people.Ben?.credential ?? "",
      {
        round: 1,
        scores: all(() => 4),
      },
    );
    expect(late.status).toBe(409);
    expect(late.body.message).toContain("scoring is closed");
  });

  it("shows agreement, severity and actionable flags, then compares a re-score round", async () => {
    const { status, body } = await send(
      "GET",
      `/api/workspaces/${ws}/exercises/${exerciseId}/results`,
      admin,
    );
    expect(status).toBe(200);
    expect(body.rounds).toHaveLength(1);
    const round1 = body.rounds[0].analysis;
    expect(Object.values(body.raterNames).sort()).toEqual(["Ana", "Ben", "Chi"]);
    const chi = round1.raters.find((r: { rater: string }) => body.raterNames[r.rater] === "Chi");
    expect(chi.meanOffset).toBeLessThan(-0.5);
    expect(chi.severity).toBeGreaterThan(0);
    const flagged = round1.flags.find((f: any) => f.kind === "rater-offset" && f.rater === chi.rater);
    expect(flagged.direction).toBe("harsher");
    expect(flagged.message).toContain("Chi");
    expect(round1.flags.some((f: any) => f.kind === "split-answer")).toBe(true);
    expect(round1.heatmap.length).toBe(3 * question.examples.length);
    // Every item is a bank example, so every interviewer has an offset from the reference scores.
    const chiRef = round1.referenceOffsets.find((r: { rater: string }) => r.rater === chi.rater);
    expect(chiRef.ratings).toBe(question.examples.length * question.rubric.dimensions.length);
    expect(chiRef.meanOffset).toBeLessThan(-1);
    const dist = round1.distributions[0];
    expect(dist.counts.map((c: { score: number }) => c.score)).toEqual([1, 2, 3, 4]);
    expect(dist.counts.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(
      3 * question.examples.length,
    );

    const rescore = await send("POST", `/api/workspaces/${ws}/exercises/${exerciseId}/rounds`, admin);
    expect(rescore.body.round).toBe(2);
    expect(rescore.body.revealed).toBe(false);
    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    const items = rescore.body.items.map((i: { id: string }) => i.id);
    for (const name of ["Ana", "Ben", "Chi"]) {
      await send(
        "PUT",
        `/api/workspaces/${ws}/exercises/${exerciseId}/scores`,
        people[name]?.credential ?? "",
        {
          round: 2,
          scores: items.flatMap((itemId: string, i: number) =>
            dims.map((dimension: string) => ({ itemId, dimension, score: i === 0 ? 2 : 3 })),
          ),
          submit: true,
        },
      );
    }
    const compared = (await send("GET", `/api/workspaces/${ws}/exercises/${exerciseId}/results`, admin)).body;
    expect(compared.rounds.map((r: { round: number }) => r.round)).toEqual([1, 2]);
    const exact = (r: number) =>
      compared.rounds[r].analysis.dimensions.map((d: { exactAgreement: number }) => d.exactAgreement);
    expect(exact(1).every((x: number) => x === 1)).toBe(true);
    expect(Math.min(...exact(0))).toBeLessThan(1);
  });

  it("keeps a pasted transcript's title from the panel: labels, results and all", async () => {
    const title = "Candidate K, onsite March";
    const created = await send("POST", `/api/workspaces/${ws}/exercises`, admin, {
      name: "Titled transcripts",
      items: [
        {
          kind: "transcript",
          questionId: question.id,
          title,
          text: "I would start by meeting every EM, then map spans, layers and open seats before I change anything.",
        },
        { kind: "example", questionId: question.id, exampleId: question.examples[0].id },
      ],
      interviewerIds: [people.Ana?.id, people.Ben?.id],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // The admin, who pasted it, sees the title beside the neutral label.
    expect(
      created.body.items.map((i: { label: string; title: string | null }) => [i.label, i.title]),
    ).toEqual([
      ["Answer A", title],
      ["Answer B", null],
    ]);

    const asAna = (await send("GET", `/api/workspaces/${ws}/exercises/${id}`, people.Ana?.credential ?? ""))
      .body;
    expect(asAna.items.map((i: { label: string }) => i.label)).toEqual(["Answer A", "Answer B"]);
    expect(asAna.items.every((i: { title: string | null }) => i.title === null)).toBe(true);
    // Nor which answers are bank examples with reference scores behind them.
    expect(asAna.items.map((i: { kind: string | null }) => i.kind)).toEqual([null, null]);
    expect(created.body.items.map((i: { kind: string | null }) => i.kind)).toEqual(["transcript", "example"]);
    expect(JSON.stringify(asAna)).not.toContain("Candidate K");

    const dims = question.rubric.dimensions.map((d: { id: string }) => d.id);
    for (const [name, score] of [
      ["Ana", 2],
      ["Ben", 3],
    ] as const) {
      const scored = await send(
        "PUT",
        `/api/workspaces/${ws}/exercises/${id}/scores`,
        people[name]?.credential ?? "",
        {
          round: 1,
          scores: asAna.items.flatMap((item: { id: string }) =>
            dims.map((dimension: string) => ({ itemId: item.id, dimension, score })),
          ),
          submit: true,
        },
      );
      expect(scored.status).toBe(200);
    }
    const results = await send(
      "GET",
      `/api/workspaces/${ws}/exercises/${id}/results`,
      people.Ana?.credential ?? "",
    );
    expect(results.status).toBe(200);
    expect(Object.values(results.body.subjectLabels)).toEqual(["Answer A", "Answer B"]);
    expect(JSON.stringify(results.body)).not.toContain("Candidate K");
    const adminResults = await send("GET", `/api/workspaces/${ws}/exercises/${id}/results`, admin);
    expect(JSON.stringify(adminResults.body)).not.toContain("Candidate K");
  });

  it("revokes a link, and keeps workspaces apart", async () => {
    expect((await send("DELETE", `/api/workspaces/${ws}/members/${people.Chi?.id}`, admin)).status).toBe(200);
    const revoked = await send("GET", `/api/workspaces/${ws}`, people.Chi?.credential ?? "");
    expect(revoked.status).toBe(401);
    const other = await send("POST", "/api/workspaces", null, { name: "Other", adminName: "Zed" });
    const otherAdmin = (
      await send("POST", "/api/workspaces/sessions", null, { token: other.body.adminToken })
    ).body.credential;
    const peek = await send("GET", `/api/workspaces/${ws}/exercises/${exerciseId}`, otherAdmin);
    expect(peek.status).toBe(404);
  });
});
