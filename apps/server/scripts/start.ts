/** `pnpm start`: builds what changed (see prepare.ts), then runs the compiled server with Node. */
import { spawn } from "node:child_process";
import path from "node:path";
import { outdir } from "./build.js";
import { prepare } from "./prepare.js";

await prepare({ force: false });

// The server runs as its own Node process, without tsx; signals are passed on so shutdown is graceful.
const server = spawn(process.execPath, ["--enable-source-maps", path.join(outdir, "main.js")], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
