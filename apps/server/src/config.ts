import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const configSchema = z.object({
  PORT: z.coerce
    .number({ error: "PORT must be a number" })
    .int("PORT must be a whole number")
    .min(0, "PORT must be between 0 and 65535")
    .max(65535, "PORT must be between 0 and 65535")
    .default(3000),
  HOST: z.string().min(1, "HOST must not be empty").default("0.0.0.0"),
  DATA_DIR: z.string().min(1, "DATA_DIR must not be empty").default(path.join(repoRoot, "data")),
  BANK_DIR: z.string().min(1).default(path.join(repoRoot, "question-bank")),
  WEB_DIST_DIR: z.string().min(1).default(path.join(repoRoot, "apps/web/dist")),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` })
    .default("info"),
  PRACTICE_TIME_SCALE: z.coerce
    .number({ error: "PRACTICE_TIME_SCALE must be a number" })
    .positive("PRACTICE_TIME_SCALE must be above 0 (1 = the bank's durations, 0.01 = a hundred times faster)")
    .max(10, "PRACTICE_TIME_SCALE above 10 is surely a mistake")
    .default(1),
  LINK_TTL_DAYS: z.coerce
    .number()
    .int()
    .positive("LINK_TTL_DAYS must be a positive number of days")
    .default(90),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive("SESSION_TTL_HOURS must be a positive number of hours")
    .default(24 * 14),
  PUBLIC_ORIGIN: z
    .url({ error: "PUBLIC_ORIGIN must be a URL such as https://loopwright.example.com" })
    .optional(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads configuration from the environment, or throws one message listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== "")
      .map((key) => [key, env[key]]),
  );
  const result = configSchema.safeParse(relevant);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  ${String(i.path[0])}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
