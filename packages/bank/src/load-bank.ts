import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { COMPETENCIES, type Question, questionSchema } from "@loopwright/schema";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { YamlParseCache } from "./parse-cache.js";
import { type BankIssue, checkQuestionSemantics } from "./semantic-checks.js";

export interface LoadedBank {
  questions: Question[];
  issues: BankIssue[];
  files: number;
}

export class BankError extends Error {
  constructor(public readonly issues: BankIssue[]) {
    super(`The question bank has ${issues.length} problem(s):\n${formatIssues(issues)}`);
    this.name = "BankError";
  }
}

export function formatIssues(issues: BankIssue[]): string {
  return issues.map((i) => `  ${i.file}: ${i.path || "(file)"}: ${i.message}`).join("\n");
}

function pathOf(zodPath: PropertyKey[]): string {
  return zodPath
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("");
}

function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listYamlFiles(full));
    else if (/\.ya?ml$/.test(entry)) out.push(full);
  }
  return out;
}

/** Parses and validates one YAML question file; never throws for bad content. */
export function parseQuestionFile(
  file: string,
  source: string,
  displayName = file,
  cache?: YamlParseCache,
): { question?: Question; issues: BankIssue[] } {
  let data: unknown;
  const remembered = cache?.get(source);
  if (remembered) {
    data = remembered.data;
  } else {
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter, prettyErrors: true });
    if (doc.errors.length > 0) {
      return {
        issues: doc.errors.map((e) => {
          const pos = e.linePos?.[0];
          return {
            file: displayName,
            path: pos ? `line ${pos.line}, column ${pos.col}` : "",
            message: `YAML syntax error: ${e.message.split("\n")[0]}`,
          };
        }),
      };
    }
    data = doc.toJS();
    cache?.set(source, data);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      issues: [
        { file: displayName, path: "", message: "the file must hold a YAML mapping of question fields" },
      ],
    };
  }
  const parsed = questionSchema.safeParse(data);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((issue: z.core.$ZodIssue) => ({
        file: displayName,
        path: pathOf(issue.path),
        message: issue.message,
      })),
    };
  }
  return { question: parsed.data, issues: checkQuestionSemantics(parsed.data, displayName) };
}

/**
 * Reads every question under `root`, applying the per-file schema and semantic
 * checks plus the bank-wide ones: unique ids, and a file's place matching its content.
 */
export interface LoadOptions {
  /** A file where the YAML parse of each question is kept between starts (see YamlParseCache). */
  parseCacheFile?: string;
}

export function loadBank(root: string, { parseCacheFile }: LoadOptions = {}): LoadedBank {
  const files = listYamlFiles(root);
  const cache = parseCacheFile ? YamlParseCache.open(parseCacheFile) : undefined;
  const questions: Question[] = [];
  const issues: BankIssue[] = [];
  const seenIds = new Map<string, string>();

  for (const file of files) {
    const rel = path.relative(process.cwd(), file) || file;
    const result = parseQuestionFile(file, readFileSync(file, "utf8"), rel, cache);
    issues.push(...result.issues);
    const q = result.question;
    if (!q) continue;

    const expectedName = path.basename(file).replace(/\.ya?ml$/, "");
    if (q.id !== expectedName) {
      issues.push({
        file: rel,
        path: "id",
        message: `id '${q.id}' must match the file name '${expectedName}'`,
      });
    }
    const folder = path.basename(path.dirname(file));
    if ((COMPETENCIES as readonly string[]).includes(folder) && folder !== q.competency) {
      issues.push({
        file: rel,
        path: "competency",
        message: `competency '${q.competency}' does not match the folder '${folder}'; move the file or fix the field`,
      });
    }
    const other = seenIds.get(q.id);
    if (other) {
      issues.push({ file: rel, path: "id", message: `id '${q.id}' is already used by ${other}` });
    } else {
      seenIds.set(q.id, rel);
      questions.push(q);
    }
  }
  if (files.length === 0) {
    issues.push({ file: root, path: "", message: "no .yaml question files found" });
  }
  cache?.save();
  return { questions, issues, files: files.length };
}

/** Loads the bank and throws a BankError naming every bad file if any check fails. */
export function loadBankOrThrow(root: string, options: LoadOptions = {}): Question[] {
  const bank = loadBank(root, options);
  if (bank.issues.length > 0) throw new BankError(bank.issues);
  return bank.questions;
}
