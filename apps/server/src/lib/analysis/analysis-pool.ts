import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { AgreementError } from "@loopwright/agreement";
import type { AnalysisWithFlags, Scale } from "@loopwright/schema";
import { Piscina } from "piscina";
import { HttpError } from "../../plugins/errors.js";
import type {
  AnalysisTask,
  FlagLabels,
  SerializedAnalysis,
  StoredRating,
  TaskFailure,
  TaskOutcome,
  Upload,
} from "./analysis-task.js";

/**
 * Runs agreement analyses. A large one takes seconds of CPU, so on the event
 * loop it would stall every other request (health checks, live rooms); the
 * pool below runs them on worker threads instead.
 */
export interface Analyzer {
  /** Ratings already in memory (stored scores); `labels` name raters and subjects in flag messages. */
  analyze(ratings: readonly StoredRating[], scale: Scale, labels?: FlagLabels): Promise<AnalysisWithFlags>;
  /**
   * A request body as it arrived, parsed, validated, analysed and serialised
   * on the worker: for 100,000 ratings the schema check and the JSON alone
   * take longer on the main thread than a health check may wait.
   */
  analyzeUpload(upload: Upload): Promise<SerializedAnalysis>;
  close(): Promise<void>;
}

export interface AnalysisPoolOptions {
  /** Analyses that may wait for a free thread; past that, 503. */
  maxQueue: number;
  maxThreads?: number;
  /** Told to clients turned away; about the time a large analysis takes. */
  retryAfterSeconds?: number;
  /**
   * A deadline per analysis. Some data within the limits (a sparse panel the
   * Rasch fit cannot settle) would hold a thread for most of a minute; past
   * the deadline the thread is stopped and replaced, and the caller told why.
   */
  timeoutMs: number;
}

/** One thread is kept for the event loop; a single-core machine still gets one worker. */
export function defaultAnalysisThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

const here = fileURLToPath(import.meta.url);
/** Same extension as this module: .ts from source (tsx, Vitest), .js if ever compiled. */
const workerFile = path.join(path.dirname(here), `analysis-worker${path.extname(here)}`);

const LOADER_FLAGS = ["--import", "--require", "-r", "--loader", "--experimental-loader"];

/** Whether Node's own flags load tsx: `--import tsx`, or tsx's CLI `--import …/node_modules/tsx/dist/loader.mjs`. */
function loadsTsx(execArgv: readonly string[]): boolean {
  const loaded = execArgv.flatMap((arg, i) => {
    const eq = arg.indexOf("=");
    if (eq > 0 && LOADER_FLAGS.includes(arg.slice(0, eq))) return [arg.slice(eq + 1)];
    return LOADER_FLAGS.includes(execArgv[i - 1] ?? "") ? [arg] : [];
  });
  return loaded.some((m) => m === "tsx" || m.startsWith("tsx/") || m.includes("/node_modules/tsx/"));
}

/**
 * Flags for the worker threads. Under `tsx src/main.ts` and `node --import tsx`
 * Node's own flags already carry tsx's loader and workers inherit them; under
 * Vitest this module is transformed in-process and execArgv has no loader, so
 * a .ts worker needs tsx added (resolved from this package, not the cwd).
 */
function workerExecArgv(): string[] {
  if (!workerFile.endsWith(".ts") || loadsTsx(process.execArgv)) return process.execArgv;
  const tsx = createRequire(import.meta.url).resolve("tsx");
  return [...process.execArgv, "--import", pathToFileURL(tsx).href];
}

function rebuild(failure: TaskFailure): Error {
  if (failure.kind === "agreement") return new AgreementError(failure.message);
  return new HttpError(failure.statusCode, failure.code, failure.message, failure.issues);
}

/** Piscina's own refusals when its queue is full; the capacity check below should pre-empt both. */
const PISCINA_QUEUE_FULL = new Set([
  "Task queue is at limit",
  "No task queue available and all Workers are busy",
]);

export function createAnalysisPool({
  maxQueue,
  maxThreads = defaultAnalysisThreads(),
  retryAfterSeconds = 5,
  timeoutMs,
}: AnalysisPoolOptions): Analyzer {
  const pool = new Piscina<AnalysisTask, TaskOutcome>({
    filename: workerFile,
    minThreads: 1,
    maxThreads,
    maxQueue,
    // Threads beyond the first stay a while after a burst instead of paying tsx's start-up again.
    idleTimeout: 30_000,
    execArgv: workerExecArgv(),
  });
  const busy = () =>
    new HttpError(
      503,
      "analysis_busy",
      `The server is running as many analyses as it can (${maxThreads + maxQueue} at once, counting those waiting). Try again in ${retryAfterSeconds} seconds.`,
      undefined,
      { "retry-after": String(retryAfterSeconds) },
    );

  const seconds = Number((timeoutMs / 1000).toPrecision(2));
  const tooSlow = () =>
    new HttpError(
      422,
      "analysis_too_slow",
      `This analysis was stopped after ${seconds} second${seconds === 1 ? "" : "s"}. Its ratings are probably too sparse for the severity model (each interviewer scored few answers, or few in common); analyse a smaller set of interviewers or answers that overlap more.`,
    );

  // Counted here rather than left to piscina, whose queue also admits tasks for
  // threads still starting: the bound is then exactly threads + queue.
  let inFlight = 0;
  async function run(task: AnalysisTask) {
    if (inFlight >= maxThreads + maxQueue) throw busy();
    inFlight++;
    let outcome: TaskOutcome;
    try {
      outcome = await pool.run(task, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      if (error instanceof Error && PISCINA_QUEUE_FULL.has(error.message)) throw busy();
      if (error instanceof Error && error.name === "AbortError") throw tooSlow();
      throw error;
    } finally {
      inFlight--;
    }
    if (!outcome.ok) throw rebuild(outcome.failure);
    return outcome.value;
  }

  return {
    analyze: async (ratings, scale, labels) =>
      (await run({ kind: "ratings", ratings, scale, labels })) as AnalysisWithFlags,
    analyzeUpload: async (upload) => (await run({ kind: "upload", upload })) as SerializedAnalysis,
    // By onClose the server has drained its requests, so nothing is left to wait for.
    close: () => pool.destroy(),
  };
}
