/**
 * Fails when a block of six or more lines is repeated between two parts of the web client that
 * should share it instead: two features, or a feature and a shared layer (ui/, shared/, lib/…).
 * Repeats inside one feature are that feature's own business and are left to review.
 *
 * jscpd does the detection (token-based, so formatting and comments do not hide a copy); this
 * module only decides which of its clones cross a boundary. Run by `pnpm lint`.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// jscpd's ESM build imports named exports from a CommonJS dependency, which Node refuses;
// its CommonJS build loads fine.
const { detectClones } = createRequire(import.meta.url)("jscpd") as typeof import("jscpd");

export interface CrossingClone {
  a: { file: string; owner: string; start: number; end: number };
  b: { file: string; owner: string; start: number; end: number };
  lines: number;
}

export const MIN_LINES = 6;
/** Six lines of a few tokens each (closing braces, blank JSX) are not a copy worth sharing. */
const MIN_TOKENS = 45;

/** Which part of src/ a file belongs to: `features/practice`, `shared/agreement-results`, `ui`, `pages`… */
export function ownerOf(file: string, srcDir: string): string {
  const parts = path.relative(srcDir, file).split(path.sep);
  if ((parts[0] === "features" || parts[0] === "shared") && parts.length > 2)
    return `${parts[0]}/${parts[1]}`;
  return parts.length > 1 ? (parts[0] as string) : ".";
}

export async function crossFeatureDuplicates(srcDir: string): Promise<CrossingClone[]> {
  const clones = await detectClones({
    path: [srcDir],
    format: ["typescript", "tsx", "javascript", "jsx", "css"],
    minLines: MIN_LINES,
    minTokens: MIN_TOKENS,
    // Tests repeat set-up on purpose, one file per feature; the rule is about product code.
    ignore: ["**/*.test.ts", "**/*.test.tsx", "**/node_modules/**"],
    absolute: true,
    silent: true,
    reporters: [],
    mode: "mild",
  });
  const crossing: CrossingClone[] = [];
  for (const clone of clones) {
    const side = (d: typeof clone.duplicationA) => ({
      file: path.relative(srcDir, d.sourceId),
      owner: ownerOf(d.sourceId, srcDir),
      start: d.start.line,
      end: d.end.line,
    });
    const a = side(clone.duplicationA);
    const b = side(clone.duplicationB);
    if (a.owner === b.owner) continue;
    if (!a.owner.startsWith("features/") && !b.owner.startsWith("features/")) continue;
    crossing.push({ a, b, lines: a.end - a.start + 1 });
  }
  return crossing;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srcDir = fileURLToPath(new URL("../src/", import.meta.url));
  const found = await crossFeatureDuplicates(srcDir);
  for (const c of found) {
    console.error(
      `${c.a.file}:${c.a.start}-${c.a.end} repeats ${c.b.file}:${c.b.start}-${c.b.end} (${c.lines} lines, ${c.a.owner} and ${c.b.owner})`,
    );
  }
  if (found.length > 0) {
    console.error(
      `\n${found.length} block(s) repeated across features: move the piece to ui/, shared/ or lib/ and use it from both.`,
    );
    process.exit(1);
  }
  console.log(
    "No block of six or more lines is repeated between features or between a feature and a shared layer.",
  );
}
