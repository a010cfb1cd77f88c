import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminService } from "../../src/access/admin-service.ts";
import { operator } from "../../src/access/administrator.ts";
import { createBrokerTokenService } from "../../src/access/broker-tokens.ts";
import { flowFor, participants } from "../../src/interop/medcom/fixtures.ts";
import type { HospitalNotification } from "../../src/interop/medcom/hospital-notification.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { createOrganisationService } from "../../src/structure/organisations.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { authHeaders, type DemoApp, demoApp } from "../support/access.ts";
import { ackResponse, integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 18, point 4: a message's sender is a unit under the organisation that
 * holds the token (or, for a message broker's token, one of its listed
 * senders). Otherwise the message is refused with `fatal-error` naming
 * MessageHeader.sender, and nothing is applied, also when a kept dead letter
 * is re-applied later.
 */

let demo: DemoApp;
const db = () => demo.database.db;
const tokens = { naestved: "", slagelse: "", broker: "", otherBroker: "" };
let brokerId = "";

const slagelseMedical = participantOf(DEMO_UNITS.slagelseMedical);
const naestvedHomeNursing = participantOf(DEMO_UNITS.naestvedHomeNursing);

beforeAll(async () => {
  demo = await demoApp();
  const naestved = await createOrganisationService(db()).structural({
    kind: "municipality",
    municipalityCode: "370",
  });
  tokens.naestved = (
    await createAdminService(db()).createToken(
      {
        name: "Næstved Kommune EOJ",
        organisationId: naestved.id,
        scopes: ["messages:write"],
        expiresAt: null,
      },
      operator("test"),
    )
  ).token;
  tokens.slagelse = await integrationToken(db());
  const brokers = createBrokerTokenService(db());
  const broker = await brokers.create({
    name: "Region Sjælland integrationsplatform",
    senders: [DEMO_UNITS.slagelseMedical.sorCode],
    expiresAt: null,
  });
  brokerId = broker.id;
  tokens.broker = broker.token;
  tokens.otherBroker = (
    await brokers.create({ name: "Other broker", senders: ["99999999900999"], expiresAt: null })
  ).token;
});
afterAll(() => demo.close());

/** An admission and a discharge from Slagelse Sygehus's medical department, for a new citizen. */
function stay(seed: string, cpr: string) {
  const flow = new NotificationFlow(
    participants(seed, {
      sender: slagelseMedical,
      receiver: naestvedHomeNursing,
      patient: { cpr, family: "Afsender", given: ["Syntetisk"] },
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-03-02T09:10:00+01:00" });
  flow.discharge({ at: "2026-03-05T11:40:00+01:00" });
  return flow.messages;
}

async function counts() {
  const count = async (table: "hospitalStay" | "handover" | "citizen" | "stayNotification") =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    stays: await count("hospitalStay"),
    notifications: await count("stayNotification"),
    handovers: await count("handover"),
    citizens: await count("citizen"),
  };
}

async function storedStatus(m: HospitalNotification) {
  const row = await db()
    .selectFrom("inboundMessage")
    .select(["status", "responseCode"])
    .where("messageHeaderId", "=", m.messageHeaderId)
    .executeTakeFirstOrThrow();
  return row;
}

function expectSenderRefusal(ack: ReturnType<typeof ackResponse>) {
  expect(ack.code).toBe("fatal-error");
  const issue = ack.issues.find((i) => i.expression.includes("MessageHeader.sender"));
  expect(issue?.severity).toBe("error");
  expect(issue?.details.text).toContain(DEMO_UNITS.slagelseMedical.sorCode);
}

describe("the sender of a HospitalNotification", () => {
  it("refuses a municipality's token posting a hospital department's admission and discharge", async () => {
    const before = await counts();
    const messages = stay("naestved-posts-for-slagelse", "0505551111");
    expect(messages).toHaveLength(2);
    const acks = [];
    for (const m of messages) {
      const { response, ack } = await postMessage(demo.app, tokens.naestved, m);
      expect(response.statusCode).toBe(422);
      expectSenderRefusal(ackResponse(ack));
      expect(ackResponse(ack).issues[0]?.details.text).toContain(
        "organisation that holds the token",
      );
      expect(await storedStatus(m)).toEqual({ status: "rejected", responseCode: "fatal-error" });
      acks.push(ackResponse(ack));
    }
    expect(await counts()).toEqual(before);

    // The same MessageHeader id again gets the same answer, and still changes nothing.
    const again = await postMessage(demo.app, tokens.naestved, messages[1] as HospitalNotification);
    expect(again.response.statusCode).toBe(422);
    expect(ackResponse(again.ack)).toEqual(acks[1]);
    expect(await counts()).toEqual(before);
  });

  it("accepts the hospital's own token posting for its department, and creates the handovers", async () => {
    const before = await counts();
    for (const m of stay("slagelse-posts-for-itself", "0505552222")) {
      const { response, ack } = await postMessage(demo.app, tokens.slagelse, m);
      expect(response.statusCode).toBe(200);
      expect(ackResponse(ack).code).toBe("ok");
      expect((await storedStatus(m)).status).toBe("applied");
    }
    const after = await counts();
    expect(after.stays).toBe(before.stays + 1);
    expect(after.handovers).toBeGreaterThan(before.handovers);
  });

  it("accepts a broker's token for a listed sender and refuses it for a sender not listed", async () => {
    const before = await counts();
    const [admission] = stay("broker-listed", "0505553333");
    const listed = await postMessage(demo.app, tokens.broker, admission as HospitalNotification);
    expect(listed.response.statusCode).toBe(200);
    expect(ackResponse(listed.ack).code).toBe("ok");
    expect((await counts()).stays).toBe(before.stays + 1);

    const middle = await counts();
    const [other] = stay("broker-not-listed", "0505554444");
    const refused = await postMessage(demo.app, tokens.otherBroker, other as HospitalNotification);
    expect(refused.response.statusCode).toBe(422);
    expectSenderRefusal(ackResponse(refused.ack));
    expect(ackResponse(refused.ack).issues[0]?.details.text).toContain("broker");
    expect(await counts()).toEqual(middle);
  });

  it("stops a broker forwarding for a sender the operator removed from its list", async () => {
    const brokers = createBrokerTokenService(db());
    await brokers.removeSenders(brokerId, [DEMO_UNITS.slagelseMedical.sorCode]);
    try {
      const [admission] = stay("broker-removed", "0505555555");
      const { response } = await postMessage(
        demo.app,
        tokens.broker,
        admission as HospitalNotification,
      );
      expect(response.statusCode).toBe(422);
    } finally {
      await brokers.addSenders(brokerId, [DEMO_UNITS.slagelseMedical.sorCode]);
    }
  });

  it("checks a dead letter's sender against the token it came with when it is re-applied", async () => {
    const unknown = { sor: "999999999000088", gln: "5799990000880", name: "Ny afdeling" };
    const make = (seed: string, cpr: string) =>
      flowFor("STIN", seed, {
        sender: unknown,
        receiver: naestvedHomeNursing,
        patient: { cpr, family: "Afsender", given: ["Syntetisk"] },
      }).messages[0] as HospitalNotification;
    const fromNaestved = make("dead-letter-naestved", "0505556666");
    const fromSlagelse = make("dead-letter-slagelse", "0505557777");
    for (const [token, m] of [
      [tokens.naestved, fromNaestved],
      [tokens.slagelse, fromSlagelse],
    ] as const) {
      const { response, ack } = await postMessage(demo.app, token, m);
      expect(response.statusCode).toBe(200);
      expect(ackResponse(ack).issues[0]?.details.text).toContain(unknown.sor);
      expect((await storedStatus(m)).status).toBe("dead_letter");
    }

    // The unknown unit turns out to be a department of Slagelse Sygehus.
    const admin = await demo.sessionOf("demo.admin");
    const added = await demo.app.inject({
      method: "POST",
      url: "/api/admin/organisation-units",
      headers: authHeaders(admin),
      payload: {
        sorCode: unknown.sor,
        gln: unknown.gln,
        name: unknown.name,
        kind: "hospital_department",
        hospitalId: "slagelse-sygehus",
      },
    });
    expect(added.statusCode, added.body).toBe(201);

    const reapply = async (m: HospitalNotification) => {
      const row = await db()
        .selectFrom("inboundMessage")
        .select("id")
        .where("messageHeaderId", "=", m.messageHeaderId)
        .executeTakeFirstOrThrow();
      const response = await demo.app.inject({
        method: "POST",
        url: `/api/admin/messages/${row.id}/reapply`,
        headers: authHeaders(admin),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { status: string; problems: { expression: string }[] };
    };
    const before = await counts();
    const refused = await reapply(fromNaestved);
    expect(refused.status).toBe("rejected");
    expect(refused.problems[0]?.expression).toBe("MessageHeader.sender");
    expect(await counts()).toEqual(before);
    expect(await reapply(fromNaestved)).toMatchObject({ status: "rejected" });
    expect(await counts()).toEqual(before);

    expect((await reapply(fromSlagelse)).status).toBe("applied");
    expect((await counts()).stays).toBe(before.stays + 1);
  });
});

describe("a message broker's token", () => {
  it("reaches nothing but $process-message, and no administrator can revoke or see it", async () => {
    const fhirRead = await demo.app.inject({
      url: "/fhir/Task",
      headers: { authorization: `Bearer ${tokens.broker}` },
    });
    expect(fhirRead.statusCode).toBe(403);
    const admin = await demo.sessionOf("demo.admin");
    const revoke = await demo.app.inject({
      method: "POST",
      url: `/api/admin/tokens/${brokerId}/revoke`,
      headers: authHeaders(admin),
    });
    expect(revoke.statusCode).toBe(404);
    const list = await demo.app.inject({ url: "/api/admin/tokens", headers: authHeaders(admin) });
    expect((list.json() as { id: string }[]).map((t) => t.id)).not.toContain(brokerId);
  });

  it("is audited when the operator creates, changes or revokes it", async () => {
    const brokers = createBrokerTokenService(db());
    const created = await brokers.create({
      name: "Audited broker",
      senders: ["99999999900111"],
      expiresAt: null,
    });
    await brokers.addSenders(created.id, ["99999999900222"]);
    await brokers.removeSenders(created.id, ["99999999900111"]);
    await brokers.revoke(created.id);
    const entries = await db()
      .selectFrom("auditLog")
      .select(["action", "actorKind", "actorName", "purpose"])
      .where("subjectTokenId", "=", created.id)
      .orderBy("id")
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      "broker-token.create",
      "broker-token.add-senders",
      "broker-token.remove-senders",
      "broker-token.revoke",
    ]);
    expect(entries.every((e) => e.actorKind === "operator" && e.actorName === "operator")).toBe(
      true,
    );
    const refused = await postMessage(
      demo.app,
      created.token,
      stay("revoked", "0505558888")[0] as HospitalNotification,
    );
    expect(refused.response.statusCode).toBe(401);
  });
});
