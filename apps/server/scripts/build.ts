/**
 * Bundles the server for `pnpm start`: Node runs plain JavaScript instead of
 * compiling TypeScript through tsx at every start. The workspace packages
 * (TypeScript sources) are bundled in; the server's npm dependencies stay
 * external and load from node_modules as usual (native modules such as
 * better-sqlite3 must, and pino and piscina start worker files by path).
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const outdir = path.join(serverDir, "dist");

const { dependencies } = JSON.parse(readFileSync(path.join(serverDir, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};
/** The package a bare specifier names: "pino/file" → "pino", "@fastify/static/x" → "@fastify/static". */
const packageOf = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

const externalDependencies: Plugin = {
  name: "external-dependencies",
  setup(b) {
    // The server's own npm dependencies resolve from dist/ as they do from src/; what only a
    // workspace package depends on (yaml, for the bank) is not reachable from here, so it is bundled.
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageOf(args.path);
      return !name.startsWith("@loopwright/") && name in dependencies
        ? { path: args.path, external: true }
        : undefined;
    });
  },
};

/** Bundles src/ into dist/ (emptied first). */
export async function buildServer(): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  const started = performance.now();
  await build({
    // The analysis worker is its own entry: the pool starts it by file name next to the server.
    entryPoints: {
      main: path.join(serverDir, "src/main.ts"),
      "analysis-worker": path.join(serverDir, "src/features/calibration/analysis-worker.ts"),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: true,
    plugins: [externalDependencies],
    // Bundled CommonJS modules call require(); an ES module has none unless it is made.
    banner: {
      js: 'import { createRequire as __loopwrightRequire } from "node:module"; const require = __loopwrightRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  console.log(
    `Built the server into ${path.relative(process.cwd(), outdir)}/ in ${Math.round(performance.now() - started)} ms`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
