import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowFor, USE_CASES } from "../../src/interop/medcom/fixtures.ts";
import { writeHospitalNotification } from "../../src/interop/medcom/write-hospital-notification.ts";
import { authHeaders, type DemoApp, demoApp } from "../support/access.ts";
import { ackResponse, integrationToken, postMessage } from "../support/messages.ts";

/**
 * Issue 4, points 1, 2, 4 and 5 over HTTP: receiving every use case, clear
 * negative acknowledgements, nothing lost, and idempotency. The demo seed
 * registers the synthetic units the fixtures send from and to.
 */

let demo: DemoApp;
let token: string;
const db = () => demo.database.db;

beforeAll(async () => {
  demo = await demoApp();
  token = await integrationToken(db());
});
afterAll(() => demo.close());

async function stayStatus(useCase: string) {
  const row = await db()
    .selectFrom("hospitalStay as s")
    .innerJoin("stayNotification as n", "n.stayId", "s.id")
    .select("s.status")
    .where("n.messageHeaderId", "=", flowFor(useCase).messages[0]?.messageHeaderId ?? "")
    .executeTakeFirst();
  return row?.status;
}

const expectedStatus: Record<string, string> = {
  STIN: "admitted",
  RE_STIN: "admitted",
  AN_STIN: "cancelled",
  STAA: "admitted",
  RE_STAA: "admitted",
  AN_STAA: "cancelled",
  STOR: "on-leave",
  RE_STOR: "on-leave",
  AN_STOR: "admitted",
  SLOR: "admitted",
  RE_SLOR: "admitted",
  AN_SLOR: "on-leave",
  SLHJ: "discharged",
  SLHJ_EMER: "discharged",
  RE_SLHJ: "discharged",
  AN_SLHJ: "admitted",
  MORS: "deceased",
  MORS_ON_LEAVE: "deceased",
  MORS_ON_ARRIVAL: "deceased",
  RE_MORS: "deceased",
  AN_MORS: "admitted",
  STAA_THEN_STIN: "admitted",
};

describe("POST /fhir/$process-message", () => {
  it("accepts every use case of the guide with a positive MedCom Acknowledgement", async () => {
    for (const useCase of Object.keys(USE_CASES)) {
      for (const message of flowFor(useCase).messages) {
        const { response, ack } = await postMessage(demo.app, token, message);
        expect(response.statusCode, `${useCase}: ${response.body}`).toBe(200);
        expect(response.headers["content-type"]).toContain("application/fhir+json");
        const r = ackResponse(ack);
        expect(r.code).toBe("ok");
        expect(r.identifier).toBe(message.messageHeaderId);
        expect(r.endpoint).toBe(message.sourceEndpoint);
      }
      expect(await stayStatus(useCase), useCase).toBe(expectedStatus[useCase]);
    }
  });

  it("recognises a death after a death as a correction (RE_MORS)", async () => {
    const [, , revised] = flowFor("RE_MORS").messages;
    const row = await db()
      .selectFrom("inboundMessage")
      .select("messageType")
      .where("messageHeaderId", "=", revised?.messageHeaderId ?? "")
      .executeTakeFirstOrThrow();
    expect(row.messageType).toBe("RE_MORS");
  });

  it("gives a duplicate the same answer and applies it once", async () => {
    const [message] = flowFor("STIN", "duplicate-case").messages;
    if (!message) throw new Error("no message");
    const first = await postMessage(demo.app, token, message);
    const again = await postMessage(demo.app, token, { ...message, bundleId: crypto.randomUUID() });
    expect(again.response.statusCode).toBe(first.response.statusCode);
    expect(ackResponse(again.ack)).toEqual(ackResponse(first.ack));
    expect(again.ack.id).not.toBe(first.ack.id);
    const rows = await db()
      .selectFrom("inboundMessage")
      .select(["attempts"])
      .where("messageHeaderId", "=", message.messageHeaderId)
      .execute();
    expect(rows).toEqual([{ attempts: 2 }]);
    const notes = await db()
      .selectFrom("stayNotification")
      .select("messageId")
      .where("messageHeaderId", "=", message.messageHeaderId)
      .execute();
    expect(notes).toHaveLength(1);
  });

  it("answers an invalid message with fatal-error naming the element and rule, stores it, applies nothing", async () => {
    const [message] = flowFor("STIN", "invalid-class").messages;
    if (!message) throw new Error("no message");
    const bundle = writeHospitalNotification(message) as {
      entry: { resource: Record<string, unknown> }[];
    };
    const encounter = bundle.entry.find((e) => e.resource.resourceType === "Encounter")?.resource;
    if (encounter)
      encounter.class = { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB" };
    const citizensBefore = await db().selectFrom("citizen").select("id").execute();
    const { response, ack } = await postMessage(demo.app, token, JSON.stringify(bundle));
    expect(response.statusCode).toBe(422);
    const r = ackResponse(ack);
    expect(r.code).toBe("fatal-error");
    expect(r.identifier).toBe(message.messageHeaderId);
    expect(r.issues[0]?.expression[0]).toBe("Bundle.entry[1].resource.class");
    expect(r.issues[0]?.details.text).toMatch(/IMP .*EMER/);
    const stored = await db()
      .selectFrom("inboundMessage")
      .select(["status", "responseCode", "bodyEncrypted"])
      .where("messageHeaderId", "=", message.messageHeaderId)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("rejected");
    expect(stored.bodyEncrypted).not.toContain(message.patient.cpr);
    expect(await db().selectFrom("citizen").select("id").execute()).toHaveLength(
      citizensBefore.length,
    );
  });

  it("keeps a message from an unknown sender as a dead letter that an administrator re-applies", async () => {
    const sender = { sor: "999999999000045", gln: "5799990000040", name: "Ukendt afdeling" };
    const [message] = flowFor("STIN", "unknown-sender", { sender }).messages;
    if (!message) throw new Error("no message");
    const { response, ack } = await postMessage(demo.app, token, message);
    expect(response.statusCode).toBe(200);
    expect(ackResponse(ack).code).toBe("ok");
    expect(ackResponse(ack).issues[0]?.details.text).toContain("999999999000045");
    const admin = await demo.sessionOf("demo.admin");
    const list = await demo.app.inject({
      url: "/api/admin/messages?status=dead_letter",
      headers: authHeaders(admin),
    });
    const dead = (
      list.json() as { messages: { id: string; messageHeaderId: string }[] }
    ).messages.find((m) => m.messageHeaderId === message.messageHeaderId);
    expect(dead).toBeDefined();
    const stillDead = await demo.app.inject({
      method: "POST",
      url: `/api/admin/messages/${dead?.id}/reapply`,
      headers: authHeaders(admin),
    });
    expect(stillDead.json()).toMatchObject({ status: "dead_letter" });
    const hospital = await db()
      .selectFrom("organisation")
      .select("id")
      .where("kind", "=", "hospital")
      .where("hospitalId", "=", "slagelse-sygehus")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("organisation")
      .values({
        kind: "hospital_department",
        name: sender.name,
        sorCode: sender.sor,
        gln: sender.gln,
        unitType: "hospital_department",
        hospitalId: "slagelse-sygehus",
        regionCode: "1085",
        parentId: hospital.id,
        municipalityCode: null,
        generalPracticeId: null,
        bodyId: null,
      })
      .execute();
    const applied = await demo.app.inject({
      method: "POST",
      url: `/api/admin/messages/${dead?.id}/reapply`,
      headers: authHeaders(admin),
    });
    expect(applied.json()).toMatchObject({ status: "applied" });
    const again = await postMessage(demo.app, token, message);
    expect(ackResponse(again.ack)).toEqual(ackResponse(ack));
  });

  it("applies a stay's messages sent in reverse order to the same final state", async () => {
    const messages = [...flowFor("SLHJ", "reverse-order").messages].reverse();
    for (const m of messages)
      expect((await postMessage(demo.app, token, m)).response.statusCode).toBe(200);
    const row = await db()
      .selectFrom("hospitalStay as s")
      .innerJoin("stayNotification as n", "n.stayId", "s.id")
      .select(["s.status", "s.admittedAt", "s.dischargedAt"])
      .where("n.messageHeaderId", "=", messages[0]?.messageHeaderId ?? "")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("discharged");
    expect(new Date(row.admittedAt).toISOString()).toBe("2026-03-02T08:10:00.000Z");
  });

  it("applies many stays' messages sent all at once, in scrambled order, to the right final states", async () => {
    const flows = Array.from({ length: 12 }, (_, i) =>
      flowFor(i % 2 ? "SLHJ" : "AN_STOR", `concurrent-${i}`),
    );
    const messages = flows.flatMap((f) => f.messages);
    const scrambled = messages
      .map((m, i) => ({ m, k: (i * 7919) % messages.length }))
      .sort((a, b) => a.k - b.k);
    const results = await Promise.all(scrambled.map(({ m }) => postMessage(demo.app, token, m)));
    expect(results.map((r) => r.response.statusCode)).toEqual(messages.map(() => 200));
    const statuses = await db()
      .selectFrom("hospitalStay as s")
      .innerJoin("stayNotification as n", "n.stayId", "s.id")
      .select(["s.status", "n.messageHeaderId"])
      .where(
        "n.messageHeaderId",
        "in",
        flows.map((f) => f.messages[0]?.messageHeaderId ?? ""),
      )
      .execute();
    expect(statuses).toHaveLength(12);
    for (const [i, f] of flows.entries()) {
      const row = statuses.find((r) => r.messageHeaderId === f.messages[0]?.messageHeaderId);
      expect(row?.status).toBe(i % 2 ? "discharged" : "admitted");
    }
  });

  it("pages through received messages without skipping those received in one batch", async () => {
    const admin = await demo.sessionOf("demo.admin");
    const page = async (cursor?: string) => {
      const response = await demo.app.inject({
        url: `/api/admin/messages?limit=7${cursor ? `&cursor=${cursor}` : ""}`,
        headers: authHeaders(admin),
      });
      expect(response.statusCode).toBe(200);
      return response.json() as { messages: { id: string }[]; nextCursor: string | null };
    };
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const next = await page(cursor);
      paged.push(...next.messages.map((m) => m.id));
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    const all = await demo.app.inject({
      url: "/api/admin/messages?limit=500",
      headers: authHeaders(admin),
    });
    const ids = (all.json() as { messages: { id: string }[] }).messages.map((m) => m.id);
    expect(ids.length).toBeGreaterThan(20);
    expect(paged).toEqual(ids);
  });

  it("takes plain application/json too", async () => {
    const [message] = flowFor("STIN", "plain-json").messages;
    if (!message) throw new Error("no message");
    const response = await demo.app.inject({
      method: "POST",
      url: "/fhir/$process-message",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      payload: JSON.stringify(writeHospitalNotification(message)),
    });
    expect(response.statusCode).toBe(200);
    expect(ackResponse(response.json()).code).toBe("ok");
  });

  it("answers a body that is not JSON with a negative acknowledgement", async () => {
    const { response, ack } = await postMessage(demo.app, token, "{not json");
    expect(response.statusCode).toBe(422);
    expect(ackResponse(ack).code).toBe("fatal-error");
  });

  it("needs an integration token with the messages:write scope", async () => {
    const [message] = flowFor("STIN", "auth").messages;
    if (!message) throw new Error("no message");
    const body = JSON.stringify(writeHospitalNotification(message));
    const anonymous = await demo.app.inject({
      method: "POST",
      url: "/fhir/$process-message",
      headers: { "content-type": "application/fhir+json" },
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().resourceType).toBe("OperationOutcome");
    const readOnly = await integrationToken(db(), ["fhir:read"]);
    const { response } = await postMessage(demo.app, readOnly, message);
    expect(response.statusCode).toBe(403);
    expect(
      await db()
        .selectFrom("inboundMessage")
        .select("id")
        .where("messageHeaderId", "=", message.messageHeaderId)
        .execute(),
    ).toHaveLength(0);
  });
});
