import { beforeAll, describe, expect, it } from "vitest";
import { guessRatingColumns, normaliseHeader, unnamedColumns } from "../src/lib/analysis/rating-columns.js";
import { type RunningServer, startServer } from "./helpers.js";

describe("guessing which header holds each rating column", () => {
  it("reads an ATS export's headers: Candidate, Reviewer, Criterion, Rating", () => {
    expect(guessRatingColumns(["Candidate", "Reviewer", "Criterion", "Rating"])).toEqual({
      rater: "Reviewer",
      subject: "Candidate",
      dimension: "Criterion",
      score: "Rating",
    });
  });

  it("ignores case, spacing and separators, and keeps the header as written", () => {
    expect(guessRatingColumns([" SCORE ", "Interviewer_Name", "candidate-name", "CompetencyArea"])).toEqual({
      rater: "Interviewer_Name",
      subject: "candidate-name",
      dimension: "CompetencyArea",
      score: " SCORE ",
    });
    expect(normaliseHeader("InterviewerName")).toBe("interviewer name");
    expect(normaliseHeader("\uFEFFrated_by")).toBe("rated by");
  });

  it("prefers a column named outright over one that only contains a synonym", () => {
    // "Overall rating" and "Score" both look like the score; the exact name wins, the other is left.
    expect(guessRatingColumns(["Overall rating", "Score", "Rater", "Subject", "Dimension"])).toEqual({
      rater: "Rater",
      subject: "Subject",
      dimension: "Dimension",
      score: "Score",
    });
  });

  it("uses each header once and leaves a column without a fit unguessed", () => {
    const guess = guessRatingColumns(["Interviewer", "Date", "Rating"]);
    expect(guess).toEqual({ rater: "Interviewer", subject: null, dimension: null, score: "Rating" });
    expect(guessRatingColumns([])).toEqual({ rater: null, subject: null, dimension: null, score: null });
    // "Interviewer name" is the rater, not a subject "name".
    expect(guessRatingColumns(["Interviewer name", "Candidate", "Skill", "Points"]).subject).toBe(
      "Candidate",
    );
  });

  it("says which columns a header does not name outright", () => {
    expect(unnamedColumns(["Rater", "subject ", "Criterion", "Rating"])).toEqual(["dimension", "score"]);
    expect(unnamedColumns(["rater", "subject", "dimension", "score", "notes"])).toEqual([]);
  });
});

describe("mapping a CSV's columns over the API", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });

  const post = (path: string, csv: string) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: csv,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

  const canonical = [
    "rater,subject,dimension,score",
    "Ann,C1,Depth,3",
    "Bob,C1,Depth,2",
    "Ann,C2,Depth,4",
    "Bob,C2,Depth,4",
    "Ann,C1,Clarity,2",
    "Bob,C1,Clarity,2",
    "Ann,C2,Clarity,3",
    "Bob,C2,Clarity,1",
  ];
  /** The same ratings as an ATS writes them: other names, other order, an extra column, semicolons. */
  const ats = [
    "Candidate;Reviewer;Criterion;Rating;Notes",
    ...canonical.slice(1).map((line) => {
      const [rater, subject, dimension, score] = line.split(",");
      return `${subject};${rater};${dimension};${score};n/a`;
    }),
  ];
  const mapped = "?rater=Reviewer&subject=candidate&dimension=Criterion&score=RATING";

  it("previews the header, the first rows and a guess at each column", async () => {
    const { status, body } = await post("/api/calibration/analyze/csv/columns", `${ats.join("\r\n")}\r\n`);
    expect(status).toBe(200);
    expect(body).toEqual({
      delimiter: ";",
      headers: ["Candidate", "Reviewer", "Criterion", "Rating", "Notes"],
      rows: ats.slice(1, 6).map((line) => line.split(";")),
      guess: { rater: "Reviewer", subject: "Candidate", dimension: "Criterion", score: "Rating" },
      missing: ["rater", "subject", "dimension", "score"],
    });
    const plain = await post("/api/calibration/analyze/csv/columns", canonical.join("\n"));
    expect(plain.body.missing).toEqual([]);
    // The start of a big file is enough: a cut-off last line after the preview rows does no harm.
    const cut = await post("/api/calibration/analyze/csv/columns", `${canonical.join("\n")}\n"Ann,C3`);
    expect(cut.status).toBe(200);
    const empty = await post("/api/calibration/analyze/csv/columns", "  ");
    expect(empty.status).toBe(400);
  });

  it("analyses a mapped ATS export exactly as the same ratings under the canonical headers", async () => {
    const plain = await post("/api/calibration/analyze/csv?min=1&max=4", canonical.join("\n"));
    const fromAts = await post(`/api/calibration/analyze/csv${mapped}&min=1&max=4`, ats.join("\n"));
    expect(plain.status).toBe(200);
    expect(fromAts.status).toBe(200);
    expect(fromAts.body).toEqual(plain.body);
    // Unmapped, the same file is refused with what to do about it.
    const unmapped = await post("/api/calibration/analyze/csv", ats.join("\n"));
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.message).toContain("missing the columns 'rater', 'subject', 'dimension', 'score'");
    expect(unmapped.body.message).toContain("?rater=Reviewer");
  });

  it("maps only what differs: a column left unmapped is found under its own name", async () => {
    const partly = canonical.map((line, i) => (i === 0 ? "Reviewer,subject,dimension,score" : line));
    const res = await post("/api/calibration/analyze/csv?rater=Reviewer", partly.join("\n"));
    expect(res.status).toBe(200);
    expect(res.body.raters.map((r: { rater: string }) => r.rater).sort()).toEqual(["Ann", "Bob"]);
  });

  it("refuses a mapping to a header the file lacks, two columns on one header, and an ambiguous header", async () => {
    const absent = await post(
      "/api/calibration/analyze/csv?rater=Interviewer&subject=Candidate&dimension=Criterion&score=Rating",
      ats.join("\n"),
    );
    expect(absent.status).toBe(400);
    expect(absent.body.message).toBe(
      "The rater is mapped to 'Interviewer', but the CSV has no such column; its header is 'Candidate', 'Reviewer', 'Criterion', 'Rating', 'Notes'.",
    );

    const twice = await post(
      "/api/calibration/analyze/csv?rater=Reviewer&subject=Reviewer&dimension=Criterion&score=Rating",
      ats.join("\n"),
    );
    expect(twice.status).toBe(400);
    expect(twice.body.message).toBe(
      "'Reviewer' is mapped to both the rater and the subject; each column of the CSV can hold only one of them.",
    );

    const ambiguous = await post(
      "/api/calibration/analyze/csv?score=Rating",
      "rater,subject,dimension,Rating,rating\nAnn,C1,Depth,3,2\n",
    );
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.message).toContain("names 'Rating' 2 times");

    const blank = await post("/api/calibration/analyze/csv?rater=%20", ats.join("\n"));
    expect(blank.status).toBe(400);
    expect(blank.body.message).toContain("header is empty");

    const unknownKey = await post("/api/calibration/analyze/csv?reviewer=Reviewer", ats.join("\n"));
    expect(unknownKey.status).toBe(400);
  });
});
