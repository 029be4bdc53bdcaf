import { COMPETENCIES, type Competency, type Loop, type LoopBody } from "@loopwright/schema";

export interface RoundDraft {
  key: number;
  name: string;
  duration: string;
  competencies: Competency[];
  questionIds: string[];
}
export interface LoopDraft {
  name: string;
  rounds: RoundDraft[];
}

let nextKey = 1;
export const newRound = (partial: Partial<Omit<RoundDraft, "key">> = {}): RoundDraft => ({
  key: nextKey++,
  name: "",
  duration: "45",
  competencies: [],
  questionIds: [],
  ...partial,
});

export const TYPICAL_LOOP: Omit<RoundDraft, "key">[] = [
  { name: "Org design", duration: "60", competencies: ["org-design", "managing-managers"], questionIds: [] },
  {
    name: "Strategy and business",
    duration: "60",
    competencies: ["strategic-leadership", "business-budget"],
    questionIds: [],
  },
  {
    name: "Execution with partners",
    duration: "45",
    competencies: ["execution-process", "cross-functional"],
    questionIds: [],
  },
  { name: "Technical judgment", duration: "45", competencies: ["technical-judgment"], questionIds: [] },
  {
    name: "Leading through change",
    duration: "45",
    competencies: ["crisis-change", "managing-managers"],
    questionIds: [],
  },
];

export function draftFromLoop(loop: Loop): LoopDraft {
  return {
    name: loop.name,
    rounds: loop.rounds.map((r) =>
      newRound({
        name: r.name,
        duration: String(r.durationMinutes),
        competencies: [...r.competencies],
        questionIds: [...r.questionIds],
      }),
    ),
  };
}

export function toBody(draft: LoopDraft) {
  return {
    name: draft.name,
    rounds: draft.rounds.map((r) => ({
      name: r.name,
      durationMinutes: r.duration.trim() === "" ? Number.NaN : Number(r.duration),
      // In the product's order, whatever order they were ticked in.
      competencies: COMPETENCIES.filter((c) => r.competencies.includes(c)),
      questionIds: r.questionIds,
    })),
  };
}

export const sameBody = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
export const savedBody = (loop: Loop): LoopBody => ({ name: loop.name, rounds: loop.rounds });
