import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const SKIP = new Set(["node_modules", "dist", "test", "bench", ".vite"]);

function* files(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

/** A digest of every file under `dirs` (names and contents), so any edit changes it. */
export function fingerprint(repoRoot: string, dirs: string[]): string {
  const hash = createHash("sha256");
  for (const dir of dirs) {
    for (const file of files(dir)) {
      hash.update(path.relative(repoRoot, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  hash.update(readFileSync(path.join(repoRoot, "pnpm-lock.yaml")));
  return hash.digest("hex");
}

/**
 * Runs `build` unless forced or `output` exists and was built from inputs
 * with the same fingerprint; the fingerprint is kept in `stampFile` inside
 * the output.
 */
export async function buildIfChanged(
  label: string,
  inputs: { repoRoot: string; dirs: string[]; force?: boolean },
  output: { probe: string; stampFile: string },
  build: () => Promise<void> | void,
): Promise<void> {
  const current = fingerprint(inputs.repoRoot, inputs.dirs);
  const upToDate =
    !inputs.force &&
    existsSync(output.probe) &&
    existsSync(output.stampFile) &&
    readFileSync(output.stampFile, "utf8").trim() === current;
  if (upToDate) {
    console.log(`${label}: up to date, not rebuilt.`);
    return;
  }
  await build();
  writeFileSync(output.stampFile, `${current}\n`);
}
