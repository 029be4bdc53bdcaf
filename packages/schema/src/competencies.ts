import { z } from "zod";
import { COMPETENCIES, LEVELS } from "./competency-labels.js";

export * from "./competency-labels.js";

export const competencySchema = z.enum(COMPETENCIES);
export const levelSchema = z.enum(LEVELS);
