import { z } from "zod";
import { competencySchema, levelSchema } from "./competencies.js";

/**
 * The question-bank file format. One question per YAML file under
 * question-bank/<competency>/<id>.yaml. This module is the single definition:
 * the checker, the server and the generated JSON Schema all derive from it.
 */

export const RUBRIC_MIN = 1;
export const RUBRIC_MAX = 4;
export const RUBRIC_SCORES = [1, 2, 3, 4] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, e.g. 'scale-30-to-80'");

const text = (min = 1) => z.string().trim().min(min, `must be at least ${min} characters`);

export const budgetSchema = z
  .object({
    amount: z.number().positive().describe("Amount in whole currency units"),
    currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD or EUR"),
    period: z.enum(["year", "quarter", "one-off"]).default("year"),
  })
  .strict();

export const scenarioFactSchema = z
  .object({
    label: text(),
    value: z.union([z.number(), text()]),
    unit: z.string().optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    company: z.string().optional().describe("One line describing the company"),
    engineers: z.number().int().nonnegative().optional(),
    teams: z.number().int().nonnegative().optional(),
    managers: z.number().int().nonnegative().optional(),
    budget: budgetSchema.optional(),
    timelineMonths: z.number().positive().optional(),
    facts: z.array(scenarioFactSchema).default([]).describe("Any other numbers or facts of the case"),
  })
  .strict();

export const phaseSchema = z
  .object({
    id: slug,
    name: text(),
    minutes: z.number().positive(),
    goal: text(10).describe("What the candidate should accomplish in this phase"),
  })
  .strict();

export const curveballSchema = z
  .object({
    id: slug,
    title: text(),
    prompt: text(20).describe("What the interviewer says when injecting it"),
    lookFor: text(10).describe("What a strong response to the curveball does"),
  })
  .strict();

export const guideSchema = z
  .object({
    probes: z.array(text(10)).min(3, "needs at least 3 follow-up probes"),
    curveballs: z.array(curveballSchema).min(1, "needs at least 1 curveball"),
    notes: z.string().optional().describe("Advice to the interviewer running this question"),
  })
  .strict();

export const anchorsSchema = z
  .object({
    "1": text(15),
    "2": text(15),
    "3": text(15),
    "4": text(15),
  })
  .strict()
  .describe("Observable behaviour of a 1, 2, 3 and 4 answer");

export const rubricDimensionSchema = z
  .object({
    id: slug,
    name: text(),
    description: text(10),
    anchors: anchorsSchema,
  })
  .strict();

export const rubricSchema = z
  .object({
    dimensions: z
      .array(rubricDimensionSchema)
      .min(3, "needs 3 to 5 dimensions")
      .max(5, "needs 3 to 5 dimensions"),
    redFlags: z.array(text(10)).min(1, "needs at least 1 red flag"),
  })
  .strict();

export const talkingPointSchema = z
  .object({
    id: slug,
    point: text(10).describe("The signal a strong answer covers"),
    phrases: z
      .array(text(2))
      .min(2, "needs at least 2 phrases or synonyms for coverage matching")
      .describe("Phrases and synonyms whose presence in an answer shows this point is addressed"),
  })
  .strict();

export const EXAMPLE_LEVELS = ["weak", "senior-em", "director", "vp"] as const;
export const exampleLevelSchema = z.enum(EXAMPLE_LEVELS);
export type ExampleLevel = z.infer<typeof exampleLevelSchema>;
export const EXAMPLE_LEVEL_LABELS: Record<ExampleLevel, string> = {
  weak: "Weak answer",
  "senior-em": "Strong EM, too tactical",
  director: "Strong director",
  vp: "VP-level answer",
};

export const exampleAnswerSchema = z
  .object({
    id: slug,
    level: exampleLevelSchema,
    answer: text(200),
    scores: z
      .record(z.string(), z.number().int())
      .describe("Reference score per rubric dimension id, 1 to 4"),
    rationale: text(40),
  })
  .strict();

export const questionSchema = z
  .object({
    $schema: z.string().optional(),
    id: slug,
    title: text(5),
    competency: competencySchema,
    levels: z.array(levelSchema).min(1, "name at least one level"),
    summary: text(20).describe("One or two sentences shown in lists"),
    prompt: text(80).describe("What the candidate sees"),
    scenario: scenarioSchema.optional(),
    durationMinutes: z.number().int().positive().max(120),
    phases: z.array(phaseSchema).min(2, "needs at least 2 phases"),
    guide: guideSchema,
    rubric: rubricSchema,
    talkingPoints: z.array(talkingPointSchema).min(3, "needs at least 3 talking points"),
    examples: z.array(exampleAnswerSchema).default([]),
    sources: z.array(z.string()).optional().describe("Which seed facts the scenario draws on"),
  })
  .strict();

export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
export type RubricDimension = z.infer<typeof rubricDimensionSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type Curveball = z.infer<typeof curveballSchema>;
export type TalkingPoint = z.infer<typeof talkingPointSchema>;
export type ExampleAnswer = z.infer<typeof exampleAnswerSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
