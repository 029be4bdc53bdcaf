import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What is worth compressing: text. Fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

/**
 * Writes a .br and a .gz beside every compressible file of the build, at the
 * highest levels: done once here, so the server (@fastify/static with
 * preCompressed) sends them as they are instead of compressing on every
 * request at the low level a server can afford per response. Source maps are
 * left to the server: only developer tools fetch them. A variant that is not
 * smaller than the file is not written.
 */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "loopwright:precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true }))
        .map((name) => path.join(outDir, name))
        .filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          if (!(await stat(file)).isFile()) return;
          const original = await readFile(file);
          const [br, gz] = await Promise.all([
            brotli(original, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
              },
            }),
            gzipAsync(original, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < original.length) await writeFile(`${file}.br`, br);
          if (gz.length < original.length) await writeFile(`${file}.gz`, gz);
        }),
      );
    },
  };
}
