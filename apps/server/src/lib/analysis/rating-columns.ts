import { RATING_COLUMNS, type RatingColumn } from "@loopwright/schema";

/**
 * What hiring systems and spreadsheets call each column, most telling first. An ATS export
 * says "Reviewer" or "Interviewer" for the rater, "Candidate" for the subject, "Criterion" or
 * "Competency" for the dimension and "Rating" for the score.
 */
const SYNONYMS: Record<RatingColumn, readonly string[]> = {
  rater: [
    "rater",
    "interviewer",
    "reviewer",
    "assessor",
    "evaluator",
    "scorer",
    "panelist",
    "panellist",
    "grader",
    "judge",
    "rated by",
    "scored by",
    "reviewed by",
    "interviewed by",
  ],
  subject: [
    "subject",
    "candidate",
    "applicant",
    "interviewee",
    "ratee",
    "answer",
    "submission",
    "response",
    "person",
    "name",
  ],
  dimension: [
    "dimension",
    "criterion",
    "criteria",
    "competency",
    "competence",
    "attribute",
    "skill",
    "trait",
    "focus area",
    "category",
    "rubric",
    "question",
    "area",
  ],
  score: ["score", "rating", "grade", "mark", "points", "value", "level", "result"],
};

/** "Interviewer_Name", " interviewer-name " and "InterviewerName" all read as "interviewer name". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * How well a header fits a column: its own name or a synonym outright beats a header that
 * merely contains one as a word ("Overall rating"); earlier synonyms beat later ones. 0 is no fit.
 */
function fit(header: string, column: RatingColumn): number {
  const name = normaliseHeader(header);
  if (name === "") return 0;
  const words = ` ${name} `;
  const synonyms = SYNONYMS[column];
  let best = 0;
  synonyms.forEach((synonym, rank) => {
    const weight = synonyms.length - rank;
    if (name === synonym) best = Math.max(best, 1000 + weight);
    else if (words.includes(` ${synonym} `)) best = Math.max(best, 100 + weight);
  });
  return best;
}

/**
 * The header that most likely holds each column, each header used once: the closest fits are
 * taken first, so "Candidate name" goes to the subject even though "name" could be anything.
 */
export function guessRatingColumns(headers: readonly string[]): Record<RatingColumn, string | null> {
  const guess: Record<RatingColumn, string | null> = {
    rater: null,
    subject: null,
    dimension: null,
    score: null,
  };
  const candidates = RATING_COLUMNS.flatMap((column) =>
    headers.map((header, index) => ({ column, index, header, fit: fit(header, column) })),
  )
    .filter((c) => c.fit > 0)
    .sort((a, b) => b.fit - a.fit || a.index - b.index);
  const used = new Set<number>();
  for (const c of candidates) {
    if (guess[c.column] !== null || used.has(c.index)) continue;
    guess[c.column] = c.header;
    used.add(c.index);
  }
  return guess;
}

/** The columns a header does not name outright (case and surrounding spaces aside). */
export function unnamedColumns(headers: readonly string[]): RatingColumn[] {
  const names = new Set(headers.map((h) => h.trim().toLowerCase()));
  return RATING_COLUMNS.filter((c) => !names.has(c));
}
