#!/usr/bin/env -S npx tsx
import { writeFileSync } from "node:fs";
import path from "node:path";
import { COMPETENCIES } from "@loopwright/schema";
import { questionJsonSchema } from "./json-schema.js";
import { formatIssues, loadBank } from "./load-bank.js";
import { resolveBankDir } from "./locate.js";

const [command = "check", dirArg] = process.argv.slice(2);

function check(): number {
  const dir = resolveBankDir(dirArg);
  process.chdir(path.dirname(dir));
  const bank = loadBank(dir);
  if (bank.issues.length > 0) {
    console.error(
      `✗ ${bank.issues.length} problem(s) in ${bank.files} file(s):\n${formatIssues(bank.issues)}`,
    );
    return 1;
  }
  const counts = COMPETENCIES.map((c) => `${c} ${bank.questions.filter((q) => q.competency === c).length}`);
  console.log(`✓ ${bank.questions.length} questions valid (${counts.join(", ")})`);
  return 0;
}

function jsonSchema(): number {
  const dir = resolveBankDir(dirArg);
  const out = path.join(dir, "question.schema.json");
  writeFileSync(out, `${JSON.stringify(questionJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${out}`);
  return 0;
}

const commands: Record<string, () => number> = { check, "json-schema": jsonSchema };
const run = commands[command];
if (!run) {
  console.error(`unknown command '${command}'; use one of: ${Object.keys(commands).join(", ")}`);
  process.exit(2);
}
process.exit(run());
