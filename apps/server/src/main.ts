import { BankError } from "@loopwright/bank";
import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.js";
import { ConfigError, deprecatedNamesIn, loadConfig } from "./config.js";
import { StorageError } from "./storage/store.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp({
    config,
    logger: {
      level: config.LOG_LEVEL,
      ...(process.stdout.isTTY
        ? { transport: { target: "pino-pretty", options: { ignore: "pid,hostname" } } }
        : {}),
    },
  });
  for (const warning of deprecatedNamesIn()) app.log.warn(warning);

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "shutting down after an error");
    else app.log.info({ signal }, "shutting down");
    await app.close();
  });

  await app.listen({ port: config.PORT, host: config.HOST });
  const shown = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  app.log.info(`Loopwright is ready at http://${shown}:${port}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof BankError || error instanceof StorageError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
