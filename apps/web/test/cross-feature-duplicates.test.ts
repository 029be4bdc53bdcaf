import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { crossFeatureDuplicates, ownerOf } from "../scripts/cross-feature-duplicates";

// A block a careless copy would carry from one feature to another: eight lines of real logic.
const BLOCK = `export function summarise(scores: number[], limit: number): string {
  const kept = scores.filter((score) => score >= 0 && score <= limit);
  const total = kept.reduce((sum, score) => sum + score, 0);
  const mean = kept.length === 0 ? 0 : total / kept.length;
  const spread = Math.max(...kept, 0) - Math.min(...kept, limit);
  const label = mean >= limit / 2 ? "above the bar" : "below the bar";
  return \`\${kept.length} scores, mean \${mean.toFixed(2)}, spread \${spread}, \${label}\`;
}
`;

const CSS_BLOCK = `.x-card {
  display: grid;
  gap: var(--space-3);
  padding: var(--space-5) var(--space-6);
  border: 1px solid var(--color-rule);
  border-radius: var(--radius);
  background: var(--color-surface);
  box-shadow: var(--shadow-card);
}
`;

let dir: string | undefined;
function tree(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(tmpdir(), "loopwright-dups-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("the cross-feature duplicate check", () => {
  it("names each part of src/ by feature or layer", () => {
    expect(ownerOf("/s/features/practice/components/Review.tsx", "/s")).toBe("features/practice");
    expect(ownerOf("/s/shared/agreement-results/StatTables.tsx", "/s")).toBe("shared/agreement-results");
    expect(ownerOf("/s/ui/Button.css", "/s")).toBe("ui");
    expect(ownerOf("/s/main.tsx", "/s")).toBe(".");
  });

  it("finds a block copied from one feature into another, in TypeScript and in CSS", async () => {
    const src = tree({
      "features/practice/lib/summary.ts": `// practice\n${BLOCK}`,
      "features/sessions/lib/summary.ts": `// sessions\n${BLOCK}`,
      "features/practice/Card.css": CSS_BLOCK,
      "features/calibration/Card.css": CSS_BLOCK.replace("x-card", "y-card"),
    });
    const found = await crossFeatureDuplicates(src);
    const pairs = found.map((c) => [c.a.owner, c.b.owner].sort().join(" ~ ")).sort();
    expect(pairs).toEqual([
      "features/calibration ~ features/practice",
      "features/practice ~ features/sessions",
    ]);
    expect(found.every((c) => c.lines >= 6)).toBe(true);
  });

  it("finds a feature re-implementing a shared piece, but not a repeat inside one feature", async () => {
    const src = tree({
      "ui/summary.ts": BLOCK,
      "features/calibration/lib/one.ts": "export const one = 1;\n",
      "features/sessions/lib/a.ts": BLOCK.replace("summarise", "describeA"),
      "features/sessions/lib/b.ts": BLOCK.replace("summarise", "describeB"),
    });
    const found = await crossFeatureDuplicates(src);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => [c.a.owner, c.b.owner].includes("ui"))).toBe(true);
  });

  it("passes a tree whose features share nothing", async () => {
    const src = tree({
      "features/practice/lib/summary.ts": BLOCK,
      "features/sessions/lib/other.ts": "export const other = (n: number) => n * 2;\n",
    });
    expect(await crossFeatureDuplicates(src)).toEqual([]);
  });
});
