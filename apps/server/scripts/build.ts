/**
 * Bundles the server for `pnpm start`: Node runs plain JavaScript instead of
 * compiling TypeScript through tsx at every start, and one bundle instead of
 * hundreds of files found one by one in node_modules (resolving and reading
 * them was a fifth of the compiled server's start, issue 15). A few
 * dependencies stay external and load from node_modules as usual; see
 * KEEP_EXTERNAL.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const outdir = path.join(serverDir, "dist");

/**
 * What cannot be bundled, each a direct dependency of the server so it
 * resolves from dist/: better-sqlite3 and pg load native or optional native
 * code; piscina and pino start worker threads from files beside their own
 * (pino for pino-pretty in a terminal); @fastify/swagger-ui finds its static
 * files through __dirname, which an ES module bundle does not have, and
 * requires @fastify/static, kept external too so one copy of it loads.
 */
const KEEP_EXTERNAL = new Set([
  "better-sqlite3",
  "pg",
  "piscina",
  "pino",
  "@fastify/swagger-ui",
  "@fastify/static",
]);

/** The package a bare specifier names: "pino/file" → "pino", "@fastify/static/x" → "@fastify/static". */
const packageOf = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

const externalDependencies: Plugin = {
  name: "external-dependencies",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      KEEP_EXTERNAL.has(packageOf(args.path)) ? { path: args.path, external: true } : undefined,
    );
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
      "analysis-worker": path.join(serverDir, "src/lib/analysis/analysis-worker.ts"),
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
