import type { Command } from "commander";
import { startServer } from "../app/server.ts";
import { loadConfig } from "../platform/config.ts";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("migrate, load the reference structure and serve the API and web client")
    .option("-p, --port <port>", "port to listen on (default $PORT or 3000)")
    .action(async (options: { port?: string }) => {
      const config = loadConfig(
        options.port ? { ...process.env, PORT: options.port } : process.env,
      );
      const { app, database, background } = await startServer(config);
      const shown = ["0.0.0.0", "::", "127.0.0.1"].includes(config.host)
        ? "localhost"
        : config.host;
      console.log(`Tovholder is running at http://${shown}:${config.port}/`);
      console.log(`Database: ${database.engine} (${database.location})`);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = async (signal: string) => {
          if (stopping) return;
          stopping = true;
          app.log.info({ signal }, "shutting down; letting in-flight requests finish");
          const force = setTimeout(() => {
            app.log.error("graceful shutdown timed out");
            process.exit(1);
          }, config.shutdownGraceMs);
          force.unref();
          await background.stop();
          await app.close();
          await database.close();
          resolve();
        };
        process.once("SIGTERM", () => void stop("SIGTERM"));
        process.once("SIGINT", () => void stop("SIGINT"));
      });
    });
}
