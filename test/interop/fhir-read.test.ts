import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authHeaders,
  citizenIdByCpr,
  type DemoApp,
  demoApp,
  requestId,
} from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";
import { integrationToken } from "../support/messages.ts";

/** Issue 4, points 7 and 9: the pathway API and the FHIR read facade, over the demo's messages. */

let demo: DemoApp;
const ids: Record<"karen" | "bent" | "birthe", string> = { karen: "", bent: "", birthe: "" };

beforeAll(async () => {
  // The bodies are today's: a fixed today (before the councils) keeps the answer the same
  // on any day the suite runs.
  demo = await demoApp({ clock: clockFrom("2026-12-03T12:00:00Z") });
  ids.karen = await citizenIdByCpr(demo, "120345-1962");
  ids.bent = await citizenIdByCpr(demo, "050738-2981");
  ids.birthe = await citizenIdByCpr(demo, "220841-1958");
});
afterAll(() => demo.close());

async function asNurse(url: string) {
  const session = await demo.sessionOf("demo.sygeplejerske");
  return demo.app.inject({ url, headers: authHeaders(session) });
}

describe("the course of care", () => {
  it("says who is responsible now and flags a citizen whose bodies differ", async () => {
    const response = await asNurse(`/api/citizens/${ids.birthe}/pathway`);
    expect(response.statusCode, response.body).toBe(200);
    const p = response.json();
    expect(p.state).toBe("admitted");
    expect(p.responsibility.reason).toBe("in-hospital");
    expect(p.responsibility.responsible[0].name).toBe("Slagelse Sygehus, Medicinsk Afdeling");
    const cluster = (id: string, name: string) => ({
      id,
      kind: "sundhedsklynge",
      name,
      verified: false,
      validTo: "2027-01-01",
    });
    expect(p.bodies).toEqual({
      date: "2026-12-03",
      residence: cluster("naestved-slagelse", "Klyngen Næstved/Slagelse"),
      generalPractice: cluster("nykoebing-f", "Klyngen Nykøbing F"),
      hospital: [cluster("naestved-slagelse", "Klyngen Næstved/Slagelse")],
      differ: true,
    });
    expect(p.timeline.map((e: { messageType: string }) => e.messageType)).toEqual(["STAA", "STIN"]);
    expect(p.stays[0].encounterClass).toBe("inpatient");
  });

  it("keeps the hospital responsible after discharge until the municipality confirms", async () => {
    const p = (await asNurse(`/api/citizens/${ids.bent}/pathway`)).json();
    expect(p.state).toBe("discharged");
    // Bent has no GP listed: no GP was asked, and the page says so (issue 21, part 5).
    expect(p.responsibility.reason).toBe("discharged-no-gp");
    expect(p.responsibility.medicalFollowUp).toMatchObject({ state: "undecided" });
    expect(p.responsibility.responsible.map((r: { kind: string }) => r.kind)).toEqual(["hospital"]);
    // The discharge created a handover to Slagelse Kommune (Bent has no GP listed).
    expect(p.responsibility.awaitingConfirmationFrom.map((r: { name: string }) => r.name)).toEqual([
      "Slagelse Kommune",
    ]);
    expect(p.handovers).toEqual([
      expect.objectContaining({
        sector: "municipality",
        status: "open",
        receiverName: "Slagelse Kommune",
      }),
    ]);
    expect(p.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "hospital.admit-inpatient",
      "hospital.leave-start",
      "hospital.leave-end",
      "hospital.discharge",
    ]);
    expect(p.bodies.differ).toBe(false);
  });

  it("audits the pathway read", async () => {
    const session = await demo.sessionOf("demo.sygeplejerske");
    const rid = requestId("pathway");
    await demo.app.inject({
      url: `/api/citizens/${ids.karen}/pathway`,
      headers: { ...authHeaders(session), "x-request-id": rid },
    });
    const audit = await demo.database.db
      .selectFrom("auditLog")
      .selectAll()
      .where("requestId", "=", rid)
      .execute();
    expect(audit).toMatchObject([
      { resource: "pathway", outcome: "allowed", relation: "hospital-stay" },
    ]);
  });
});

describe("the FHIR read facade", () => {
  it("publishes a CapabilityStatement without login", async () => {
    const response = await demo.app.inject({ url: "/fhir/metadata" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/fhir+json");
    expect(response.json()).toMatchObject({
      resourceType: "CapabilityStatement",
      fhirVersion: "4.0.1",
    });
  });

  it("reads a Patient, its Encounters and EpisodesOfCare with a fhir:read token, each read audited", async () => {
    const token = await integrationToken(demo.database.db, ["fhir:read"]);
    const headers = { authorization: `Bearer ${token}` };
    const patient = await demo.app.inject({ url: `/fhir/Patient/${ids.karen}`, headers });
    expect(patient.statusCode, patient.body).toBe(200);
    expect(patient.json()).toMatchObject({
      resourceType: "Patient",
      identifier: [{ system: "urn:oid:1.2.208.176.1.2", value: "1203451962" }],
      gender: "female",
      birthDate: "1945-03-12",
      meta: { tag: [{ code: "HTEST" }] },
    });
    const encounters = await demo.app.inject({
      url: `/fhir/Encounter?patient=Patient/${ids.karen}`,
      headers,
    });
    expect(encounters.json()).toMatchObject({
      resourceType: "Bundle",
      type: "searchset",
      total: 1,
      entry: [
        { resource: { resourceType: "Encounter", status: "in-progress", class: { code: "IMP" } } },
      ],
    });
    const episodes = await demo.app.inject({
      url: `/fhir/EpisodeOfCare?patient=${ids.karen}`,
      headers,
    });
    expect(episodes.json().entry[0].resource).toMatchObject({
      resourceType: "EpisodeOfCare",
      status: "active",
    });
    const audited = await demo.database.db
      .selectFrom("auditLog")
      .select(["resource", "actorKind", "outcome"])
      .where("citizenId", "=", ids.karen)
      .where("resource", "like", "fhir:%")
      .execute();
    expect(audited.map((a) => a.resource).sort()).toEqual([
      "fhir:Encounter",
      "fhir:EpisodeOfCare",
      "fhir:Patient",
    ]);
    expect(audited.every((a) => a.actorKind === "token" && a.outcome === "allowed")).toBe(true);
  });

  it("answers a search without a patient with an OperationOutcome naming the parameter", async () => {
    const token = await integrationToken(demo.database.db, ["fhir:read"]);
    const response = await demo.app.inject({
      url: "/fhir/Encounter",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().resourceType).toBe("OperationOutcome");
    expect(JSON.stringify(response.json())).toContain("patient");
  });

  it("refuses a token without fhir:read, and a caller without a relation to the citizen", async () => {
    const writer = await integrationToken(demo.database.db, ["messages:write"]);
    const noScope = await demo.app.inject({
      url: `/fhir/Patient/${ids.karen}`,
      headers: { authorization: `Bearer ${writer}` },
    });
    expect(noScope.statusCode).toBe(403);
    const gp = await demo.sessionOf("demo.laege");
    const noRelation = await demo.app.inject({
      url: `/fhir/Patient/${ids.bent}`,
      headers: authHeaders(gp),
    });
    expect(noRelation.statusCode).toBe(403);
    expect(noRelation.json().resourceType).toBe("OperationOutcome");
  });
});
