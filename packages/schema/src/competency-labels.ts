/**
 * The competencies and levels as plain constants, without zod: a module a page
 * can import for labels alone (the home page) without loading the schemas.
 * competencies.ts builds the schemas from these same lists.
 */
/** The rounds a director loop is built from, in the order the product presents them. */
export const COMPETENCIES = [
  "org-design",
  "strategic-leadership",
  "managing-managers",
  "business-budget",
  "cross-functional",
  "execution-process",
  "technical-judgment",
  "crisis-change",
] as const;

export type Competency = (typeof COMPETENCIES)[number];

/** The rounds that first appear at director level; their questions must carry levelled example answers. */
export const DIRECTOR_ONLY_COMPETENCIES: readonly Competency[] = ["org-design", "strategic-leadership"];

export const COMPETENCY_LABELS: Record<Competency, string> = {
  "org-design": "Org design",
  "strategic-leadership": "Strategic leadership",
  "managing-managers": "Managing managers",
  "business-budget": "Business and budget",
  "cross-functional": "Cross-functional and product partnership",
  "execution-process": "Execution and process",
  "technical-judgment": "Technical judgment",
  "crisis-change": "Crisis and change",
};

export const COMPETENCY_BLURBS: Record<Competency, string> = {
  "org-design":
    "Team topology, spans of control, ownership boundaries and how an organisation grows or reshapes.",
  "strategic-leadership":
    "Setting a multi-quarter direction, choosing where not to invest, and tying engineering to business outcomes.",
  "managing-managers": "Coaching, assessing and growing engineering managers; building a leadership bench.",
  "business-budget": "Headcount plans, budgets, vendor spend and the return on engineering investment.",
  "cross-functional": "Partnering with product, design, sales and finance on priorities and trade-offs.",
  "execution-process":
    "Delivery predictability, planning cadence, quality and the processes that hold them up.",
  "technical-judgment":
    "Architecture direction, build versus buy, technical debt and platform bets at org scale.",
  "crisis-change": "Incidents, reorganisations, layoffs, acquisitions and leading people through them.",
};

/** The seniority a question is pitched at. */
export const LEVELS = ["director", "senior-director", "vp"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  director: "Director",
  "senior-director": "Senior director",
  vp: "VP",
};
