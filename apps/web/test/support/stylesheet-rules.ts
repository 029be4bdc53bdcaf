import postcss, { type Rule } from "postcss";

/** One stylesheet as the rules read it: its path below src/ and its text. */
export interface Stylesheet {
  path: string;
  css: string;
}

export interface Violation {
  path: string;
  line: number;
  message: string;
}

/** The one file allowed to hold literal colours. */
export const TOKENS_PATH = "styles/tokens.css";

const LITERAL_COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(?:white|black)\b/i;

/** Colours are design tokens: any literal outside tokens.css is a palette that can drift. */
export function literalColours(sheets: Stylesheet[]): Violation[] {
  const found: Violation[] = [];
  for (const sheet of sheets) {
    if (sheet.path === TOKENS_PATH) continue;
    postcss.parse(sheet.css, { from: sheet.path }).walkDecls((decl) => {
      if (LITERAL_COLOUR.test(decl.value)) {
        found.push({
          path: sheet.path,
          line: decl.source?.start?.line ?? 0,
          message: `uses a literal colour (${decl.prop}: ${decl.value}); name it in ${TOKENS_PATH}`,
        });
      }
    });
  }
  return found;
}

/** The class a selector is about: its first class name (`.status .button` is Status's, `.button:disabled` is Button's). */
function owningClass(selector: string): string | null {
  return /\.(-?[_a-zA-Z][\w-]*)/.exec(selector)?.[1] ?? null;
}

function isInsideKeyframes(rule: Rule): boolean {
  for (let node = rule.parent; node; node = node.parent as typeof node) {
    if (node.type === "atrule" && /keyframes$/i.test((node as { name: string }).name)) return true;
  }
  return false;
}

/**
 * Each class is styled by one stylesheet, the one beside the component that renders it. A second
 * file restyling the same class is how three "danger" buttons and 27 duplicated blocks came about.
 */
export function classesStyledTwice(sheets: Stylesheet[]): Violation[] {
  const owner = new Map<string, string>();
  const found: Violation[] = [];
  for (const sheet of sheets) {
    postcss.parse(sheet.css, { from: sheet.path }).walkRules((rule) => {
      if (isInsideKeyframes(rule)) return;
      for (const selector of rule.selectors) {
        const cls = owningClass(selector);
        if (!cls) continue;
        const first = owner.get(cls);
        if (first === undefined) owner.set(cls, sheet.path);
        else if (first !== sheet.path) {
          found.push({
            path: sheet.path,
            line: rule.source?.start?.line ?? 0,
            message: `styles .${cls} (${selector}), which ${first} already styles`,
          });
        }
      }
    });
  }
  return found;
}

/** Component-local: a stylesheet is imported from a module in its own folder, so it travels with its component. */
export function stylesheetsNotBesideTheirImporter(
  sheets: Stylesheet[],
  imports: Array<{ from: string; stylesheet: string }>,
  globalSheets: readonly string[],
): Violation[] {
  const found: Violation[] = [];
  const dir = (path: string) => path.slice(0, path.lastIndexOf("/") + 1);
  for (const sheet of sheets) {
    if (globalSheets.includes(sheet.path)) continue;
    const importers = imports.filter((i) => i.stylesheet === sheet.path);
    if (importers.length === 0) {
      found.push({ path: sheet.path, line: 1, message: "is imported by no module" });
    }
    for (const importer of importers) {
      if (dir(importer.from) !== dir(sheet.path)) {
        found.push({
          path: sheet.path,
          line: 1,
          message: `is imported from ${importer.from}, outside its folder`,
        });
      }
    }
  }
  return found;
}
