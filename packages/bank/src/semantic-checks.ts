import { DIRECTOR_ONLY_COMPETENCIES, type Question, RUBRIC_MAX, RUBRIC_MIN } from "@loopwright/schema";

/** A problem found in one bank file, addressed by a dotted field path. */
export interface BankIssue {
  file: string;
  path: string;
  message: string;
}

const EXAMPLE_WORDS = { min: 200, max: 500 };

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) dup.add(id);
    seen.add(id);
  }
  return [...dup];
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Rules the zod schema cannot express on one field: cross-references between
 * fields, sums, and the content bar for example answers.
 */
export function checkQuestionSemantics(q: Question, file: string): BankIssue[] {
  const issues: BankIssue[] = [];
  const add = (path: string, message: string) => issues.push({ file, path, message });

  const phaseTotal = q.phases.reduce((sum, p) => sum + p.minutes, 0);
  if (Math.abs(phaseTotal - q.durationMinutes) > 1e-9) {
    add(
      "phases",
      `phase minutes add up to ${phaseTotal} but durationMinutes is ${q.durationMinutes}; make them equal`,
    );
  }

  for (const [path, ids] of [
    ["phases", q.phases.map((p) => p.id)],
    ["rubric.dimensions", q.rubric.dimensions.map((d) => d.id)],
    ["guide.curveballs", q.guide.curveballs.map((c) => c.id)],
    ["talkingPoints", q.talkingPoints.map((t) => t.id)],
    ["examples", q.examples.map((e) => e.id)],
  ] as const) {
    for (const id of duplicates([...ids])) add(path, `id '${id}' is used more than once`);
  }

  const dimensionIds = new Set(q.rubric.dimensions.map((d) => d.id));
  q.examples.forEach((example, i) => {
    const base = `examples[${i}]`;
    for (const [dim, score] of Object.entries(example.scores)) {
      if (!dimensionIds.has(dim)) {
        add(
          `${base}.scores.${dim}`,
          `'${dim}' is not a rubric dimension of this question (dimensions: ${[...dimensionIds].join(", ")})`,
        );
      } else if (score < RUBRIC_MIN || score > RUBRIC_MAX) {
        add(
          `${base}.scores.${dim}`,
          `score ${score} is outside the rubric range ${RUBRIC_MIN}–${RUBRIC_MAX}`,
        );
      }
    }
    for (const dim of dimensionIds) {
      if (!(dim in example.scores)) add(`${base}.scores`, `missing a reference score for dimension '${dim}'`);
    }
    const words = countWords(example.answer);
    if (words < EXAMPLE_WORDS.min || words > EXAMPLE_WORDS.max) {
      add(
        `${base}.answer`,
        `example answers should be ${EXAMPLE_WORDS.min}–${EXAMPLE_WORDS.max} words; this one has ${words}`,
      );
    }
  });

  if (DIRECTOR_ONLY_COMPETENCIES.includes(q.competency)) {
    for (const level of ["senior-em", "director"] as const) {
      if (!q.examples.some((e) => e.level === level)) {
        add("examples", `${q.competency} questions need an example answer with level '${level}'`);
      }
    }
  }
  return issues;
}
