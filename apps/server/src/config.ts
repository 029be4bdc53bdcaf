import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * The repository root, found upwards from this module rather than at a fixed
 * depth: the same code runs from src/ under tsx and bundled from dist/.
 */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "../../..");
  }
}
const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Requests per minute from one client address; 0 turns that limit off. */
function rateLimit(name: string, fallback: number) {
  return z.coerce
    .number({ error: `${name} must be a number of requests per minute` })
    .int(`${name} must be a whole number of requests per minute`)
    .min(0, `${name} must be 0 (no limit) or more`)
    .default(fallback);
}

/**
 * Fastify's trustProxy: whether X-Forwarded-For/-Proto/-Host are believed. A
 * number trusts that many hops; addresses trust only those proxies. Anything
 * unparseable is left as a string so the schema rejects it with a message.
 */
function parseTrustProxy(raw: string): boolean | number | string[] | string {
  if (raw === "true") return true;
  if (raw === "false" || raw === "") return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const addresses = raw.split(",").map((a) => a.trim());
  return addresses.every(
    (a) =>
      /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(a) || a === "loopback" || a === "linklocal" || a === "uniquelocal",
  )
    ? addresses
    : raw;
}

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
  /** How long the credential a session or workspace link is traded for stays valid. */
  CREDENTIAL_TTL_HOURS: z.coerce
    .number()
    .positive("CREDENTIAL_TTL_HOURS must be a positive number of hours")
    .default(24 * 14),
  PUBLIC_ORIGIN: z
    .url({ error: "PUBLIC_ORIGIN must be a URL such as https://loopwright.example.com" })
    .transform((url) => new URL(url).origin)
    .optional(),
  TRUST_PROXY: z
    .string()
    .trim()
    .transform(parseTrustProxy)
    .pipe(
      z.union([z.boolean(), z.number(), z.array(z.string())], {
        error:
          'TRUST_PROXY must be "true", "false", a number of proxy hops, or proxy addresses such as "127.0.0.1,10.0.0.0/8"',
      }),
    )
    .default(false),
  RATE_LIMIT_PER_MINUTE: rateLimit("RATE_LIMIT_PER_MINUTE", 3000),
  RATE_LIMIT_CREATE_PER_MINUTE: rateLimit("RATE_LIMIT_CREATE_PER_MINUTE", 20),
  RATE_LIMIT_EXCHANGE_PER_MINUTE: rateLimit("RATE_LIMIT_EXCHANGE_PER_MINUTE", 30),
  RATE_LIMIT_ANALYZE_PER_MINUTE: rateLimit("RATE_LIMIT_ANALYZE_PER_MINUTE", 10),
  ANALYSIS_QUEUE_LIMIT: z.coerce
    .number({ error: "ANALYSIS_QUEUE_LIMIT must be a number of analyses" })
    .int("ANALYSIS_QUEUE_LIMIT must be a whole number of analyses")
    .min(0, "ANALYSIS_QUEUE_LIMIT must be 0 (no waiting) or more")
    .default(8),
  ROOM_IDLE_SECONDS: z.coerce
    .number({ error: "ROOM_IDLE_SECONDS must be a number of seconds" })
    .positive("ROOM_IDLE_SECONDS must be above 0")
    .default(30),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, {
      error:
        "DATABASE_URL must be a PostgreSQL URL such as postgresql://user:password@db.internal:5432/loopwright",
    })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "DATABASE_POOL_SIZE must be a number of connections" })
    .int("DATABASE_POOL_SIZE must be a whole number of connections")
    .min(2, "DATABASE_POOL_SIZE must be at least 2")
    .max(500, "DATABASE_POOL_SIZE above 500 is surely a mistake")
    .default(10),
  ANALYSIS_TIMEOUT_SECONDS: z.coerce
    .number({ error: "ANALYSIS_TIMEOUT_SECONDS must be a number of seconds" })
    .positive("ANALYSIS_TIMEOUT_SECONDS must be above 0")
    .default(30),
});

const SECRET_KEYS = new Set(["DATABASE_URL"]);

type ConfigKey = keyof typeof configSchema.shape;

/**
 * Names a setting had before it was renamed, still read (when the new name is
 * unset) so deployments configured under the old name keep working.
 */
export const DEPRECATED_NAMES: Readonly<Record<string, ConfigKey>> = {
  // "Session" is the peer mock interview; this was always the credential's lifetime.
  SESSION_TTL_HOURS: "CREDENTIAL_TTL_HOURS",
};

const isSet = (value: string | undefined): value is string => value !== undefined && value !== "";

/** Which old names `env` still uses, and what to call them instead: for a warning at start-up. */
export function deprecatedNamesIn(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(DEPRECATED_NAMES)
    .filter(([old]) => isSet(env[old]))
    .map(([old, current]) =>
      isSet(env[current])
        ? `${old} is ignored because ${current} is set; remove ${old}.`
        : `${old} is deprecated; rename it to ${current}.`,
    );
}

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads configuration from the environment, or throws one message listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  /** The variable each setting was read from: its own name, or an old one. */
  const source = new Map<string, string>();
  for (const key of Object.keys(configSchema.shape)) if (isSet(env[key])) source.set(key, key);
  for (const [old, current] of Object.entries(DEPRECATED_NAMES)) {
    if (!source.has(current) && isSet(env[old])) source.set(current, old);
  }
  const relevant = Object.fromEntries([...source].map(([key, from]) => [key, env[from]]));
  const result = configSchema.safeParse(relevant);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const key = String(i.path[0]);
      const from = source.get(key) ?? key;
      // A database URL usually carries a password: never print it into a log.
      const shown = SECRET_KEYS.has(key) ? "(not shown)" : JSON.stringify(env[from]);
      const alias = from === key ? "" : ` (${from} is the old name of ${key})`;
      return `  ${from}=${shown}: ${i.message}${alias}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
