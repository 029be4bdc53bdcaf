import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { DEFAULT_BANK_DIR, loadBank } from "../src/index.js";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/cli.ts");

/** A copy of one real question, written into a fresh bank folder and edited by `mutate`. */
function bankWithEditedQuestion(mutate: (q: Record<string, any>) => void): { dir: string; file: string } {
  const real = loadBank(DEFAULT_BANK_DIR).questions.find((q) => q.competency === "org-design");
  if (!real) throw new Error("the real bank has no org-design question to copy");
  const dir = mkdtempSync(path.join(tmpdir(), "bank-"));
  mkdirSync(path.join(dir, "org-design"));
  const copy = structuredClone(real) as Record<string, any>;
  mutate(copy);
  const file = path.join(dir, "org-design", `${real.id}.yaml`);
  writeFileSync(file, stringify(copy));
  return { dir, file };
}

function runChecker(dir: string): { code: number; output: string } {
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", cli, "check", dir], {
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, output: out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

describe("the bank checker", () => {
  it("accepts an unmodified copy of a real question", () => {
    const { dir } = bankWithEditedQuestion(() => {});
    const result = runChecker(dir);
    expect(result.output).toContain("1 questions valid");
    expect(result.code).toBe(0);
  });

  it("rejects a rubric anchor that is missing, naming the file and the field", () => {
    const { dir, file } = bankWithEditedQuestion((q) => {
      delete q.rubric.dimensions[1].anchors["3"];
    });
    const result = runChecker(dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain(path.basename(file));
    expect(result.output).toContain("rubric.dimensions[1].anchors.3");
  });

  it("rejects example scores that name no rubric dimension or leave the range", () => {
    const { dir } = bankWithEditedQuestion((q) => {
      q.examples[0].scores.charisma = 3;
      const firstDim = q.rubric.dimensions[0].id;
      q.examples[0].scores[firstDim] = 7;
    });
    const result = runChecker(dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain("examples[0].scores.charisma: 'charisma' is not a rubric dimension");
    expect(result.output).toMatch(/examples\[0\]\.scores\.[a-z-]+: score 7 is outside the rubric range 1–4/);
  });

  it("rejects phases that do not add up to the duration", () => {
    const { dir } = bankWithEditedQuestion((q) => {
      q.durationMinutes += 5;
    });
    const result = runChecker(dir);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/phases: phase minutes add up to \d+ but durationMinutes is \d+/);
  });

  it("rejects duplicate ids across files and an id that differs from the file name", () => {
    const { dir, file } = bankWithEditedQuestion(() => {});
    cpSync(file, path.join(dir, "org-design", "second-copy.yaml"));
    const result = runChecker(dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain("second-copy.yaml: id: id");
    expect(result.output).toContain("must match the file name 'second-copy'");
    expect(result.output).toContain("is already used by");
  });

  it("reports YAML syntax errors with a line number", () => {
    const { dir, file } = bankWithEditedQuestion(() => {});
    writeFileSync(file, `${readFileSync(file, "utf8")}\nbroken: [unclosed\n`);
    const result = runChecker(dir);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/YAML syntax error/);
    expect(result.output).toMatch(/line \d+/);
  });

  it("explains an empty file instead of a type error", () => {
    const { dir, file } = bankWithEditedQuestion(() => {});
    writeFileSync(file, "# nothing yet\n");
    const result = runChecker(dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain("the file must hold a YAML mapping of question fields");
  });

  it("requires a too-tactical and a director example for org-design questions", () => {
    const { dir } = bankWithEditedQuestion((q) => {
      q.examples = q.examples.filter((e: { level: string }) => e.level !== "senior-em");
    });
    const result = runChecker(dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain("need an example answer with level 'senior-em'");
  });
});

describe("the real question bank", () => {
  const bank = loadBank(DEFAULT_BANK_DIR);

  it("passes every check", () => {
    expect(bank.issues).toEqual([]);
  });

  it("has at least 48 questions with the required spread across competencies", () => {
    const count = (c: string) => bank.questions.filter((q) => q.competency === c).length;
    expect(bank.questions.length).toBeGreaterThanOrEqual(48);
    expect(count("org-design")).toBeGreaterThanOrEqual(10);
    expect(count("strategic-leadership")).toBeGreaterThanOrEqual(10);
    for (const c of [
      "managing-managers",
      "business-budget",
      "cross-functional",
      "execution-process",
      "technical-judgment",
      "crisis-change",
    ]) {
      expect(count(c), c).toBeGreaterThanOrEqual(4);
    }
  });

  it("keeps every file in the folder of its competency", () => {
    for (const folder of readdirSync(DEFAULT_BANK_DIR, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      for (const file of readdirSync(path.join(DEFAULT_BANK_DIR, folder.name))) {
        const q = bank.questions.find((x) => `${x.id}.yaml` === file);
        expect(q?.competency, file).toBe(folder.name);
      }
    }
  });
});
