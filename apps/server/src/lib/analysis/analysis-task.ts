/**
 * What an analysis worker thread does, kept apart from the thread plumbing so
 * it reads (and can be tested) as plain functions. Everything CPU heavy about
 * an analysis happens here: for an upload that is the JSON or CSV parse, the
 * schema check, the statistics and the serialisation of the answer, so the
 * main thread only moves strings.
 */
import { type FlagThresholds, analysisWithFlags as withFlags } from "@loopwright/agreement";
import {
  ALPHA_FLAG_THRESHOLD,
  type AnalysisWithFlags,
  type AnalyzeRequest,
  analysisWithFlagsSchema,
  analyzeRequestSchema,
  type CsvColumnMapping,
  OFFSET_FLAG_THRESHOLD,
  type RatingInput,
  type Scale,
  SPLIT_FLAG_THRESHOLD,
} from "@loopwright/schema";
import type { z } from "zod";
import { frameworkClientError, HttpError, schemaIssuesBody } from "../../plugins/errors.js";
import { analysisToCsv, parseRatingsCsv } from "./ratings-csv.js";

/** Ratings from storage may carry the bank's reference score for the answer. */
export type StoredRating = RatingInput & { reference?: number };

/** How flag messages name raters and subjects; ids missing from a map are shown as they are. */
export interface FlagLabels {
  raterNames?: ReadonlyMap<string, string>;
  subjectLabels?: ReadonlyMap<string, string>;
}

export type OutputFormat = "json" | "csv";

/** A request body exactly as it arrived. */
export type Upload =
  | { kind: "json"; body: string; format: OutputFormat }
  | {
      kind: "csv";
      body: string;
      scale: { min: number; max: number };
      format: OutputFormat;
      /** Which header holds each column, where the file does not name it outright. */
      columns?: CsvColumnMapping;
    };

/** An answer ready to send: the main thread writes it out without looking inside. */
export interface SerializedAnalysis {
  contentType: "application/json; charset=utf-8" | "text/csv; charset=utf-8";
  body: string;
}

export type AnalysisTask =
  | { kind: "ratings"; ratings: readonly StoredRating[]; scale: Scale; labels?: FlagLabels }
  | { kind: "upload"; upload: Upload };

/**
 * Errors lose their class crossing a thread (a structured clone keeps only the
 * message), so the two the error handler tells apart travel as data.
 */
export type TaskFailure =
  | { kind: "agreement"; message: string }
  | {
      kind: "http";
      statusCode: number;
      code: string;
      message: string;
      issues?: { path: string; message: string }[];
    };

export type TaskOutcome =
  | { ok: true; value: AnalysisWithFlags | SerializedAnalysis }
  | { ok: false; failure: TaskFailure };

/** The bars the web client draws too, so a flag and the chart behind it agree. */
export const FLAG_THRESHOLDS: FlagThresholds = {
  alpha: ALPHA_FLAG_THRESHOLD,
  offset: OFFSET_FLAG_THRESHOLD,
  split: SPLIT_FLAG_THRESHOLD,
};

/** The analysis with everything the results pages show, as the API answers it. */
export function analysisWithFlags(
  ratings: readonly StoredRating[],
  scale: Scale,
  labels: FlagLabels = {},
): AnalysisWithFlags {
  return withFlags(ratings, scale, { thresholds: FLAG_THRESHOLDS, ...labels });
}

const schemaIssues = (error: z.ZodError) =>
  error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
    unknownKeys: issue.code === "unrecognized_keys" ? issue.keys : undefined,
  }));

function frameworkError(code: string): HttpError {
  const body = frameworkClientError({ code, message: code });
  return new HttpError(400, body.error, body.message);
}

/** The JSON route's body, checked and worded as Fastify would have (it skips the body for this route). */
function parseJsonUpload(text: string): AnalyzeRequest {
  if (text.trim() === "") throw frameworkError("FST_ERR_CTP_EMPTY_JSON_BODY");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw frameworkError("FST_ERR_CTP_INVALID_JSON_BODY");
  }
  // The schema is strict and builds fresh objects, so a "__proto__" key is refused, never used.
  const parsed = analyzeRequestSchema.safeParse(json);
  if (!parsed.success) {
    const body = schemaIssuesBody("body", schemaIssues(parsed.error));
    throw new HttpError(400, body.error, body.message, body.issues);
  }
  return parsed.data;
}

function parseCsvUpload(
  text: string,
  scale: { min: number; max: number },
  columns: CsvColumnMapping = {},
): AnalyzeRequest {
  const parsed = analyzeRequestSchema.safeParse({ scale, ratings: parseRatingsCsv(text, columns) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Rows in the message count from the first rating; the CSV's line is one more (the header).
    const message = (issue?.message ?? "invalid ratings").replace(
      /row (\d+)/g,
      (_m, n) => `line ${Number(n) + 1}`,
    );
    throw new HttpError(400, "bad_request", message, [{ path: issue?.path.join(".") ?? "", message }]);
  }
  return parsed.data;
}

export function analyzeUpload(upload: Upload): SerializedAnalysis {
  const request =
    upload.kind === "json"
      ? parseJsonUpload(upload.body)
      : parseCsvUpload(upload.body, upload.scale, upload.columns);
  const result = analysisWithFlags(request.ratings, request.scale);
  return upload.format === "csv"
    ? { contentType: "text/csv; charset=utf-8", body: analysisToCsv(result) }
    : // Encoded against the response schema as Fastify's serializer would, since it is bypassed.
      {
        contentType: "application/json; charset=utf-8",
        body: JSON.stringify(analysisWithFlagsSchema.encode(result)),
      };
}

/** Runs one task, answering the errors the API maps to 4xx as data and letting anything else throw. */
export function runAnalysisTask(task: AnalysisTask): TaskOutcome {
  try {
    const value =
      task.kind === "ratings"
        ? analysisWithFlags(task.ratings, task.scale, task.labels)
        : analyzeUpload(task.upload);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof HttpError) {
      const { statusCode, code, message, issues } = error;
      return { ok: false, failure: { kind: "http", statusCode, code, message, issues } };
    }
    if (error instanceof Error && error.name === "AgreementError") {
      return { ok: false, failure: { kind: "agreement", message: error.message } };
    }
    throw error;
  }
}
