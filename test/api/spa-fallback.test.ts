import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/server.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import type { App } from "../../src/platform/http/app.ts";
import { freshDatabase } from "../support/database.ts";

let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await freshDatabase();
  const webDist = mkdtempSync(path.join(tmpdir(), "tovholder-web-"));
  writeFileSync(path.join(webDist, "index.html"), "<!doctype html><title>shell</title>");
  app = await createApp(database, { webDist });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("client-side routes", () => {
  it("serve the app shell to a browser asking for a deep link (a 500 before the fix)", async () => {
    const res = await app.inject({ url: "/login", headers: { accept: "text/html" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("<title>shell</title>");
  });

  it("still answer unknown API paths with a JSON 404, even for a browser", async () => {
    const res = await app.inject({ url: "/api/nothing", headers: { accept: "text/html" } });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });
});
