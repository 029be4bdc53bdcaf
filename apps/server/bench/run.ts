/**
 * `pnpm bench`: every suite against its bare baseline, printed as one table
 * per suite. `pnpm bench --short` is the quick pass CI runs so the suite
 * cannot rot; `--only <name>` runs one suite.
 */
import { cpus, totalmem } from "node:os";
import { formatTable } from "./harness.js";
import { suites } from "./suites/index.js";

const args = process.argv.slice(2);
const short = args.includes("--short");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const rounds = short ? 1 : 5;

const chosen = suites.filter((s) => !only || s.name === only);
if (chosen.length === 0) {
  console.error(`No suite is called '${only}'. Suites: ${suites.map((s) => s.name).join(", ")}.`);
  process.exit(2);
}

const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
console.log(
  `# pnpm bench${short ? " --short" : ""} — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.versions.node}, ${rounds} round${rounds === 1 ? "" : "s"} each\n`,
);
let failed = false;
for (const suite of chosen) {
  console.log(`## ${suite.name} — \`${suite.file}\`\n`);
  try {
    const rows = await suite.run({ short, rounds });
    console.log(`${formatTable(rows)}\n`);
  } catch (error) {
    // A suite that cannot run is a broken benchmark: say so and fail the run, so CI notices.
    failed = true;
    console.log(`The suite failed: ${(error as Error).stack ?? String(error)}\n`);
  }
}
process.exit(failed ? 1 : 0);
