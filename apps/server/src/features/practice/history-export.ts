import { type Attempt, COMPETENCY_LABELS, EXAMPLE_LEVEL_LABELS, type Question } from "@loopwright/schema";

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

/** A readable Markdown record of a practitioner's attempts, newest first. */
export function historyAsMarkdown(
  attempts: Attempt[],
  questionOf: (id: string) => Question | undefined,
): string {
  const lines = [
    "# Loopwright practice history",
    "",
    `Exported ${new Date().toISOString()}; ${attempts.length} attempt(s).`,
    "",
  ];
  for (const a of attempts) {
    const question = questionOf(a.questionId);
    lines.push(`## ${a.questionTitle}`, "");
    lines.push(`- Competency: ${COMPETENCY_LABELS[a.competency]}`);
    lines.push(`- Started: ${a.createdAt}`);
    lines.push(`- Status: ${a.status}`);
    if (a.completedAt) lines.push(`- Completed: ${a.completedAt}`);
    lines.push(
      `- Time per phase: ${a.phaseTimes.map((p) => `${p.name} ${minutes(p.spentMs)} of ${minutes(p.plannedMs)}`).join("; ")}`,
    );
    if (a.overrunMs > 0) lines.push(`- Over time by ${minutes(a.overrunMs)}`);
    if (a.selfScores) {
      lines.push("", "| Dimension | Self-score |", "|---|---|");
      for (const d of question?.rubric.dimensions ?? [])
        lines.push(`| ${d.name} | ${a.selfScores[d.id] ?? "–"} / 4 |`);
    }
    if (a.review?.closestExampleId) {
      const example = a.review.examples.find((e) => e.id === a.review?.closestExampleId);
      if (example) lines.push("", `Closest example: ${EXAMPLE_LEVEL_LABELS[example.level]}.`);
    }
    if (a.review) {
      lines.push(`Talking points covered: ${a.review.coverage.coveredCount} of ${a.review.coverage.total}.`);
    }
    if (a.reflection) lines.push("", "### Reflection", "", a.reflection);
    lines.push("", "### Answer", "", a.answer.text.trim() || "_(empty)_", "");
  }
  return `${lines.join("\n")}\n`;
}
