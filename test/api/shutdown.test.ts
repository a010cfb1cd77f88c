import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnServer } from "../support/processes.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "tovholder-shutdown-"));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

describe("SIGTERM", () => {
  it("lets an in-flight request finish, then exits 0 and stops listening", async () => {
    // The embedded database is enough to show shutdown behaviour on either test engine.
    const server = await spawnServer({
      TOVHOLDER_DATA_DIR: dataDir,
      TOVHOLDER_DEMO: "false",
      LOG_LEVEL: "warn",
    });
    child = server.child;
    const proc = server.child;
    const port = server.port;
    const exited = new Promise<number | null>((resolve) => proc.on("exit", resolve));

    // A request whose body is still arriving when SIGTERM comes is surely in flight.
    const body = JSON.stringify({ username: "nobody", password: "wrong-password" });
    const request = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/auth/login",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    const answered = new Promise<number>((resolve, reject) => {
      request.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      request.on("error", reject);
    });
    request.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 500));
    proc.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    request.end(body.slice(10));

    // Answered by the login route (a generic 401), not refused as "shutting down" (503).
    expect(await answered).toBe(401);
    expect(await exited).toBe(0);
    await expect(get(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
  }, 90_000);
});
