import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The rule lives in biome.json, so this runs the repo's own Biome on a file
// planted inside a feature, exactly as `pnpm lint` would see it.
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const biome = `${repo}node_modules/.bin/biome`;
const practiceDir = `${repo}apps/web/src/features/practice/`;

function lintPlanted(source: string): { status: number | null; output: string } {
  const file = `${practiceDir}boundary-probe-${randomUUID()}.ts`;
  writeFileSync(file, source);
  try {
    const run = spawnSync(biome, ["lint", "--colors=off", file], { cwd: repo, encoding: "utf8" });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe("the import boundary between features", () => {
  it("fails lint when practice imports a file of the calibration feature by a relative path", () => {
    const { status, output } = lintPlanted(
      'import { ResultsView } from "../../calibration/pages/AnalyzePage";\nexport const probe = ResultsView;\n',
    );
    expect(status).not.toBe(0);
    expect(output).toContain("lint/style/noRestrictedImports");
    expect(output).toContain("A feature imports only its own files");
  });

  it("fails lint for an aliased path into another feature and for a lazy import of one", () => {
    const { status, output } = lintPlanted(
      'import { x } from "@/features/sessions/lib/time";\nexport const lazy = () => import("../../sessions/pages/SessionRoomPage");\nexport const probe = x;\n',
    );
    expect(status).not.toBe(0);
    expect(output.match(/lint\/style\/noRestrictedImports/g)).toHaveLength(2);
  });

  it("passes when the same file imports from the ui layer and from its own feature", () => {
    const { status, output } = lintPlanted(
      'import { Field } from "../../ui/Field";\nimport { formatClock } from "./lib/time";\nexport const probe = [Field, formatClock];\n',
    );
    expect(output).not.toContain("noRestrictedImports");
    expect(status).toBe(0);
  });
});
