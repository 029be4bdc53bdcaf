import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { reachesChartCache, sharedChunkName } from "./build/chunking";
import { precompress } from "./build/precompress";
import { routePreload } from "./build/route-preload";

const apiTarget = "http://localhost:3000";

export default defineConfig({
  plugins: [
    react(),
    routePreload(),
    precompress(),
    { name: "loopwright:chunk-graph-cache", buildStart: () => reachesChartCache.clear() },
  ],
  server: {
    port: 5173,
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/ws": { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // @loopwright/schema only declares schemas and constants, but the bundler cannot
        // tell that a module-level `z.object(...)` has no effect, so importing one label
        // (the home page's competency names) would pull in every schema and all of zod.
        // Declaring the package free of side effects and zod's builders pure lets it keep
        // only what a chunk uses. The one effect dropped with an unused schema is its
        // `.describe()` entry in zod's global registry, which only the server's OpenAPI reads.
        moduleSideEffects: (id) => (/packages[\\/]schema[\\/]src[\\/]/.test(id) ? false : undefined),
        manualPureFunctions: ["z"],
      },
      output: {
        // zod and every schema of @loopwright/schema (and the client's validators) in one chunk:
        // on a phone each extra file costs a round trip, and splitting the schemas by file put four
        // on the question page's critical path for a few kilobytes each (Lighthouse simulated
        // mobile: 88 with four schema chunks, 90–92 with one). It changes only with the schemas,
        // so browsers keep it cached across deploys of page code. Not competency-labels.ts: the
        // home page imports it, and a group holding it would put zod on the home page.
        // Then the app's own modules shared by two or more lazy pages, a chunk per feature rather
        // than one per sharing pattern: over HTTP/1.1 a browser fetches six files at a time from
        // one host, and the question page alone needed a dozen pieces of a kilobyte or two.
        codeSplitting: {
          groups: [
            {
              name: "schema",
              test: /node_modules[\\/]zod[\\/]|packages[\\/]schema[\\/]src[\\/](?!competency-labels\.ts)[^?]*\.ts$|src[\\/]api[\\/]validators\.ts$/,
              priority: 3,
              includeDependenciesRecursively: false,
            },
            {
              name: sharedChunkName,
              test: /apps[\\/]web[\\/]src[\\/].*\.(?:tsx?|css)$/,
              minShareCount: 2,
              priority: 1,
              // Only the modules themselves: their libraries (React, recharts) stay where they were.
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
});
