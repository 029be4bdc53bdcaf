import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The protocol's and the storage contract's rules are declared in prose, each
 * id in bold where it is defined. Every one must be cited in the title of a
 * test that checks it, so a rule nobody tests shows up here and not in an
 * incident.
 */

const repo = path.resolve(import.meta.dirname, "../../..");
const RULE_DOCUMENTS = ["packages/schema/PROTOCOL.md", "apps/server/src/storage/CONTRACT.md"];
const TEST_DIRECTORIES = ["apps/server/test", ...packageTestDirectories()];

function packageTestDirectories(): string[] {
  return readdirSync(path.join(repo, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}/test`);
}

/** Ids in bold, as a rule's definition writes them: **P-DUR-1**, **M-1**. */
export function declaredRules(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(/\*\*([A-Z]+(?:-[A-Z]+)?-\d+)\*\*/g)].map((m) => m[1] as string))];
}

/** The first argument of every it/test/describe call, when it is a string literal. */
export function testTitles(source: string): string[] {
  const call =
    /\b(?:it|test|describe)(?:\.\w+)*\(\s*(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|`((?:\\.|[^`\\])*)`)/g;
  return [...source.matchAll(call)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

export function uncited(rules: string[], titles: string[]): string[] {
  const cites = (title: string, rule: string) => new RegExp(`(^|[^\\w-])${rule}(?!\\d)`).test(title);
  return rules.filter((rule) => !titles.some((title) => cites(title, rule)));
}

function filesUnder(dir: string): string[] {
  const absolute = path.join(repo, dir);
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(absolute, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("rule ids", () => {
  it("are each cited in the title of a test", () => {
    const rules = RULE_DOCUMENTS.flatMap((doc) => declaredRules(readFileSync(path.join(repo, doc), "utf8")));
    // A regex that stopped matching would make this pass on nothing at all.
    expect(rules).toEqual(
      expect.arrayContaining(["P-DUR-1", "P-HS-1", "P-LIM-1", "S-SEQ-3", "C-CRED-1", "M-1"]),
    );
    const titles = TEST_DIRECTORIES.flatMap(filesUnder).flatMap((file) =>
      testTitles(readFileSync(file, "utf8")),
    );
    expect(uncited(rules, titles)).toEqual([]);
  });

  it("are found only in titles, and only as whole ids", () => {
    const rules = declaredRules("- **P-ONE-1** a rule.\n- **P-TWO-1** another (**P-TWO-2**); see P-ONE-1.");
    expect(rules).toEqual(["P-ONE-1", "P-TWO-1", "P-TWO-2"]);
    const source = `
      // P-TWO-1 is only in a comment here.
      it("checks the first rule (P-ONE-1)", () => {});
      describe.each([1])('and P-TWO-12, which is another rule', () => {});
      test(\`is about P-TWO-2\`, () => {});`;
    expect(uncited(rules, testTitles(source))).toEqual(["P-TWO-1"]);
  });
});
