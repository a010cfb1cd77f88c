import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { projectRoot } from "../../src/app/server.ts";

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type ServerProcess = { child: ChildProcess; output: () => string; port: number };

export type StartingServer = ServerProcess & {
  /** Resolves once the server says it is running; rejects if it exits first. */
  running: Promise<void>;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
};

/**
 * Starts `tovholder serve` as its own process with `env` on top of this
 * process's environment (without DATABASE_URL unless `env` sets it), without
 * waiting for it.
 */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<StartingServer> {
  const port = await freePort();
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(projectRoot, "bin/tovholder.js"), "serve"], {
    cwd: projectRoot,
    env: { ...inherited, PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const running = new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`Tovholder is running at http://localhost:${port}/`)) resolve();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.on("exit", (code) => reject(new Error(`server exited early with ${code}:\n${output}`)));
  });
  // Whoever awaits `running` sees the rejection; a process stopped later must not be unhandled.
  running.catch(() => {});
  return { child, output: () => output, port, running, exited };
}

/** Starts `tovholder serve` (see startServerProcess) and resolves once it says it is running. */
export async function spawnServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  await server.running;
  return server;
}
