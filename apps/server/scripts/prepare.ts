/**
 * Brings both builds up to date: the web client (Vite) and the server bundle
 * (esbuild). Each is rebuilt only when a file it is built from (its sources,
 * the workspace packages, the lockfile) changed since its last build, unless
 * forced. `pnpm build` forces both; `pnpm start` does not, so a second start
 * goes straight to Node.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer, outdir } from "./build.js";
import { buildIfChanged } from "./fingerprint.js";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(serverDir, "../..");
const webDir = path.join(repoRoot, "apps/web");
const packages = path.join(repoRoot, "packages");

export async function prepare({ force }: { force: boolean }): Promise<void> {
  await buildIfChanged(
    "Web client",
    { repoRoot, dirs: [webDir, packages], force },
    { probe: path.join(webDir, "dist/index.html"), stampFile: path.join(webDir, "dist/.inputs-sha256") },
    () => {
      execFileSync("pnpm", ["exec", "vite", "build"], { cwd: webDir, stdio: "inherit" });
    },
  );
  await buildIfChanged(
    "Server",
    // scripts/ too: a change to how the bundle is made must rebuild it.
    { repoRoot, dirs: [path.join(serverDir, "src"), path.join(serverDir, "scripts"), packages], force },
    { probe: path.join(outdir, "main.js"), stampFile: path.join(outdir, ".inputs-sha256") },
    buildServer,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await prepare({ force: process.argv.includes("--force") });
}
