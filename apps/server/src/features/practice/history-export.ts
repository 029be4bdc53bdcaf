import {
  type Attempt,
  COMPETENCY_LABELS,
  EXAMPLE_LEVEL_LABELS,
  type PeerFeedbackEntry,
  type Question,
  RECOMMENDATION_LABELS,
  RUBRIC_MAX,
} from "@loopwright/schema";

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

/** A readable Markdown record of a practitioner's attempts, newest first, then their saved peer sessions. */
export function historyAsMarkdown(
  attempts: Attempt[],
  questionOf: (id: string) => Question | undefined,
  peerSessions: PeerFeedbackEntry[] = [],
): string {
  const lines = [
    "# Loopwright practice history",
    "",
    `Exported ${new Date().toISOString()}; ${attempts.length} attempt(s)${peerSessions.length > 0 ? `, ${peerSessions.length} peer session(s)` : ""}.`,
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
  for (const p of peerSessions) lines.push(...peerSessionLines(p));
  return `${lines.join("\n")}\n`;
}

function peerSessionLines(p: PeerFeedbackEntry): string[] {
  const lines = [`## Peer session: ${p.questionTitle}`, ""];
  lines.push(`- Competency: ${COMPETENCY_LABELS[p.competency]}`);
  lines.push(`- Session: ${p.sessionDate}`);
  lines.push(`- Saved: ${p.savedAt}`);
  for (const i of p.interviewers) {
    lines.push("", `### ${i.name}: ${RECOMMENDATION_LABELS[i.recommendation]}`, "");
    lines.push("| Dimension | Score |", "|---|---|");
    for (const s of i.scores) lines.push(`| ${s.dimension} | ${s.score} / ${RUBRIC_MAX} |`);
    if (i.feedback.trim()) lines.push("", i.feedback.trim());
  }
  if (p.sharedNotes.length > 0) {
    lines.push("", "### Shared notes", "");
    for (const n of p.sharedNotes) lines.push(`- ${n.authorName}: ${n.text}`);
  }
  lines.push("", "### Answer", "", p.answer.trim() || "_(empty)_", "");
  return lines;
}
