import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCitizenAccess } from "../../src/access/citizen-access.ts";
import { defaultAccessPolicy } from "../../src/access/model.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createCitizenService } from "../../src/citizens/service.ts";
import { assembleIngest } from "../../src/interop/assemble.ts";
import { flowFor } from "../../src/interop/medcom/fixtures.ts";
import { writeHospitalNotification } from "../../src/interop/medcom/write-hospital-notification.ts";
import { createPathwayService } from "../../src/pathways/service.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { createStructureService } from "../../src/structure/service.ts";
import { ensureDemoUnits } from "../../src/synth/demo-units.ts";
import { type Ack, ackResponse } from "../support/messages.ts";
import { structureDatabase } from "../support/server.ts";

/** When applying fails on our side, nothing is lost and the sender is asked to try again. */

let database: DatabaseHandle;
beforeAll(async () => {
  database = await structureDatabase();
  await ensureDemoUnits(database.db);
});
afterAll(() => database.close());

describe("a failure while applying a message", () => {
  it("keeps the message, answers transient-error, and processes a re-send", async () => {
    const db = database.db;
    const cipher = createCipher(randomBytes(32));
    const citizens = createCitizenService(db, cipher, createCitizenAccess(db, defaultAccessPolicy));
    const real = createPathwayService(db, citizens, createStructureService(db));
    let failNext = true;
    const flaky: typeof real = {
      ...real,
      async applyHospitalStayEvents(tx, events) {
        if (failNext) {
          failNext = false;
          throw new Error("simulated storage failure");
        }
        return real.applyHospitalStayEvents(tx, events);
      },
    };
    const ingest = assembleIngest(db, cipher, { citizens, pathways: flaky });
    const [message] = flowFor("STIN", "flaky").messages;
    if (!message) throw new Error("no message");
    const raw = JSON.stringify(writeHospitalNotification(message));

    const first = await ingest.receive(raw, { via: "import" });
    expect(first.outcome).toBe("failed");
    expect(ackResponse(first.acknowledgement as Ack).code).toBe("transient-error");
    const kept = await db
      .selectFrom("inboundMessage")
      .select(["status", "responseCode"])
      .where("messageHeaderId", "=", message.messageHeaderId)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ status: "dead_letter", responseCode: "transient-error" });
    expect(await db.selectFrom("hospitalStay").select("id").execute()).toHaveLength(0);

    const second = await ingest.receive(raw, { via: "import" });
    expect(second.outcome).toBe("accepted");
    expect(ackResponse(second.acknowledgement as Ack).code).toBe("ok");
    expect(await db.selectFrom("hospitalStay").select("status").execute()).toEqual([
      { status: "admitted" },
    ]);
    const third = await ingest.receive(raw, { via: "import" });
    expect(third.outcome).toBe("duplicate");
  });
});
