import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stayMessages } from "../../bench/support/messages.ts";
import { createApp } from "../../src/app/server.ts";
import { messageIdsOf } from "../../src/interop/medcom/read-hospital-notification.ts";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.ts";
import type { App } from "../../src/platform/http/app.ts";
import { testConfig } from "../support/access.ts";
import { type Ack, ackResponse } from "../support/messages.ts";

/**
 * Issue 18, point 2: a database that does not answer is not a bug. The JSON
 * API answers 503 TOV_ERR_UNAVAILABLE (problem+json, Retry-After, a key the
 * web translates) and $process-message a MedCom transient-error
 * Acknowledgement (503, Retry-After) for the message it could not store;
 * neither is a 500. Port 1 on loopback refuses at once, on either suite.
 */

let database: DatabaseHandle;
let app: App;
let log = "";

beforeAll(async () => {
  database = await openDatabase({ engine: "postgres", url: "postgres://x@127.0.0.1:1/none" });
  app = await createApp(database, {
    config: testConfig({ demo: false }),
    logger: {
      level: "info",
      stream: new Writable({
        write(chunk, _encoding, done) {
          log += chunk.toString();
          done();
        },
      }),
    },
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("a request while the database is away", () => {
  it("gets 503 problem+json with Retry-After on the JSON API", async () => {
    const response = await app.inject({ url: "/api/regions" });
    expect(response.statusCode).toBe(503);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.headers["retry-after"]).toBe("5");
    expect(response.json()).toMatchObject({
      code: "TOV_ERR_UNAVAILABLE",
      status: 503,
      i18n: { key: "platform.databaseUnavailable" },
    });
    expect(log).toContain("database unavailable; answered 503");
    expect(log).not.toContain("unhandled error");
  });

  it("gets a transient-error Acknowledgement with Retry-After on $process-message", async () => {
    const raw = stayMessages(1, 9_500_000)[0] as string;
    const response = await app.inject({
      method: "POST",
      url: "/fhir/$process-message",
      headers: {
        authorization: "Bearer tovh_not_checked_while_the_database_is_away",
        "content-type": "application/fhir+json",
      },
      payload: raw,
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers["content-type"]).toContain("application/fhir+json");
    expect(response.headers["retry-after"]).toBe("5");
    const ack = response.json() as Ack & { resourceType: string };
    expect(ack.resourceType).toBe("Bundle");
    expect(ackResponse(ack)).toMatchObject({
      code: "transient-error",
      identifier: messageIdsOf(JSON.parse(raw)).messageHeaderId,
    });
    expect(log).not.toContain("unhandled error");
  });

  it("gets 503 from /readyz with Retry-After", async () => {
    const response = await app.inject({ url: "/readyz" });
    expect(response.statusCode).toBe(503);
    expect(response.headers["retry-after"]).toBe("5");
  });
});
