import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  classesStyledTwice,
  literalColours,
  type Stylesheet,
  stylesheetsNotBesideTheirImporter,
} from "./support/stylesheet-rules";

const src = fileURLToPath(new URL("../src/", import.meta.url));
/** The sheets main.tsx loads for the whole app: tokens, fonts, base elements. */
const GLOBAL_SHEETS = ["styles/tokens.css", "styles/fonts.css", "styles/global.css"] as const;

function filesBelow(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && test(entry.name))
    .map((entry) => relative(src, join(entry.parentPath, entry.name)));
}

const sheets: Stylesheet[] = filesBelow(src, (n) => n.endsWith(".css")).map((path) => ({
  path,
  css: readFileSync(join(src, path), "utf8"),
}));

function stylesheetImports(): Array<{ from: string; stylesheet: string }> {
  const found: Array<{ from: string; stylesheet: string }> = [];
  for (const from of filesBelow(src, (n) => /\.tsx?$/.test(n))) {
    const text = readFileSync(join(src, from), "utf8");
    for (const match of text.matchAll(/^import\s+["']([^"']+\.css)["'];?$/gm)) {
      const target = relative(src, join(src, from, "..", match[1] as string));
      found.push({ from, stylesheet: target });
    }
  }
  return found;
}

const describeViolations = (list: Array<{ path: string; line: number; message: string }>) =>
  list.map((v) => `${v.path}:${v.line} ${v.message}`);

describe("the stylesheets", () => {
  it("were all found (the walk below src/ works)", () => {
    expect(sheets.map((s) => s.path)).toEqual(expect.arrayContaining([...GLOBAL_SHEETS, "ui/Button.css"]));
  });

  it("take every colour from the design tokens", () => {
    expect(describeViolations(literalColours(sheets))).toEqual([]);
  });

  it("style each class in one stylesheet only", () => {
    expect(describeViolations(classesStyledTwice(sheets))).toEqual([]);
  });

  it("are each imported by a module in their own folder", () => {
    expect(
      describeViolations(stylesheetsNotBesideTheirImporter(sheets, stylesheetImports(), GLOBAL_SHEETS)),
    ).toEqual([]);
  });
});

describe("the stylesheet rules catch what they are for", () => {
  it("a literal colour outside the tokens, but not inside them", () => {
    const found = literalColours([
      { path: "styles/tokens.css", css: ":root { --color-ink: #1d1c1a; }" },
      { path: "features/x/X.css", css: ".x { color: #8f2d22; border: 1px solid rgb(0 0 0 / 0.2); }" },
      { path: "features/x/Y.css", css: ".y { color: var(--color-ink); }" },
    ]);
    expect(found.map((v) => `${v.path}:${v.line}`)).toEqual(["features/x/X.css:1", "features/x/X.css:1"]);
  });

  it("a class restyled by a second stylesheet, including under a pseudo-class or a media query", () => {
    const found = classesStyledTwice([
      { path: "ui/Button.css", css: ".button { color: red; }\n.button--danger { color: red; }" },
      { path: "features/a/A.css", css: ".a-card .button { margin: 0; }\n.button:disabled { opacity: 0.5; }" },
      { path: "features/b/B.css", css: "@media (max-width: 10rem) { .button--danger { width: 100%; } }" },
      { path: "features/c/C.css", css: "@keyframes spin { from { opacity: 0; } }" },
    ]);
    expect(found.map((v) => v.message)).toEqual([
      "styles .button (.button:disabled), which ui/Button.css already styles",
      "styles .button--danger (.button--danger), which ui/Button.css already styles",
    ]);
  });

  it("a stylesheet imported from another folder, or from nowhere", () => {
    const found = stylesheetsNotBesideTheirImporter(
      [
        { path: "features/a/components/Card.css", css: "" },
        { path: "features/a/Orphan.css", css: "" },
        { path: "styles/global.css", css: "" },
      ],
      [{ from: "features/a/pages/Page.tsx", stylesheet: "features/a/components/Card.css" }],
      ["styles/global.css"],
    );
    expect(found.map((v) => `${v.path} ${v.message}`)).toEqual([
      "features/a/components/Card.css is imported from features/a/pages/Page.tsx, outside its folder",
      "features/a/Orphan.css is imported by no module",
    ]);
  });
});
