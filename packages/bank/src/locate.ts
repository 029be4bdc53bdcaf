import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's question-bank folder, wherever the caller runs from. */
export const DEFAULT_BANK_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../question-bank",
);

export function resolveBankDir(dir?: string): string {
  const resolved = path.resolve(dir ?? DEFAULT_BANK_DIR);
  if (!existsSync(resolved)) throw new Error(`question bank folder not found: ${resolved}`);
  return resolved;
}
