import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  authHeaders,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
  type Session,
} from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 21, parts 3 and 5, through the API on the engine the suite runs on:
 * the ward's discharge coordinator finds an inpatient on the hospital's list
 * and discharges a child without a listed GP; only the municipality gets a
 * handover, a medical follow-up item opens for the ward and the body's
 * coordinators, "who is responsible now" never says a GP confirmed, and the
 * item is resolved (audited) by naming the hospital's own clinic.
 */

let demo: DemoApp;
let token: string;
const sessions = new Map<string, Session>();
const sender = participantOf(DEMO_UNITS.slagelseMedical);
const receiver = participantOf(DEMO_UNITS.naestvedHomeNursing);
/** A child in Næstved whose listing with a practice is not known. */
const child = { cpr: "1505204321", family: "Opfølgning", given: ["Otto", "Barn"] };
let childId = "";
let stayId = "";

beforeAll(async () => {
  demo = await demoApp({ clock: clockFrom("2026-12-03T12:00:00Z") });
  token = await integrationToken(demo.database.db);
  childId = (
    await citizenRegistryOf(demo).register({
      cpr: child.cpr,
      name: "Otto Barn Opfølgning",
      homeMunicipalityCode: "370",
      listedPracticeId: null,
      synthetic: true,
    })
  ).id;
  const flow = new NotificationFlow(participants("no-gp", { sender, receiver, patient: child }));
  flow.admit({ class: "inpatient", at: "2026-12-02T09:00:00+01:00" });
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
});
afterAll(() => demo.close());

async function as(username: string, membershipOf?: string) {
  let s = sessions.get(username);
  if (!s) {
    s = await demo.sessionOf(username);
    sessions.set(username, s);
    if (membershipOf) {
      const me = await demo.app.inject({ url: "/api/me", headers: authHeaders(s) });
      const m = (
        me.json() as { memberships: { membershipId: string; organisation: { kind: string } }[] }
      ).memberships.find((x) => x.organisation.kind === membershipOf);
      const put = await demo.app.inject({
        method: "PUT",
        url: "/api/me/active-membership",
        headers: authHeaders(s),
        payload: { membershipId: m?.membershipId },
      });
      expect(put.statusCode, put.body).toBe(200);
    }
  }
  return authHeaders(s);
}
const get = async (username: string, url: string) =>
  demo.app.inject({ url, headers: await as(username) });
const post = async (username: string, url: string, payload: object) =>
  demo.app.inject({ method: "POST", url, headers: await as(username), payload });

type Pathway = {
  responsibility: {
    reason: string;
    responsible: { name: string; for: string; kind: string }[];
    medicalFollowUp: { state: string; name?: string } | null;
  };
  handovers: { id?: string; sector: string; status: string }[];
  stays: { id: string; status: string; dischargeRefusal: string | null }[];
};
const pathway = async (username = "demo.udskrivning") => {
  const r = await get(username, `/api/citizens/${childId}/pathway`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Pathway;
};

type FollowUp = {
  id: string;
  citizenId: string;
  citizenName: string | null;
  version: number;
  status: string;
};
async function childsItem() {
  const r = await get("demo.udskrivning", "/api/follow-ups");
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { items: FollowUp[] }).items.find((i) => i.citizenId === childId);
}

describe("the hospital's current inpatients", () => {
  it("lists the department's inpatients by name, each read audited, with the discharge action", async () => {
    const r = await get("demo.udskrivning", "/api/inpatients");
    expect(r.statusCode, r.body).toBe(200);
    const items = (
      r.json() as {
        items: { citizenId: string; citizenName: string; stayId: string; canDischarge: boolean }[];
      }
    ).items;
    const row = items.find((i) => i.citizenId === childId);
    expect(row).toMatchObject({ citizenName: "Otto Barn Opfølgning", canDischarge: true });
    stayId = row?.stayId ?? "";
    const audit = await demo.database.db
      .selectFrom("auditLog")
      .select(["outcome", "relation", "resource"])
      .where("citizenId", "=", childId)
      .where("resource", "=", "inpatients")
      .execute();
    expect(audit).toContainEqual({
      outcome: "allowed",
      relation: "hospital-stay",
      resource: "inpatients",
    });
  });

  it("is a hospital's list only: a municipality is refused, and a body lead's role too", async () => {
    expect((await get("demo.visitator", "/api/inpatients")).statusCode).toBe(403);
    expect((await get("demo.klyngeleder", "/api/inpatients")).statusCode).toBe(403);
  });
});

describe("the discharge coordinator discharges a child without a listed GP", () => {
  it("the pathway tells the coordinator they may discharge (the button was missing)", async () => {
    const p = await pathway();
    expect(p.stays.find((s) => s.id === stayId)?.dischargeRefusal).toBeNull();
    // A municipality's coordinator is told why not.
    const visit = await pathway("demo.visitator");
    expect(visit.stays.find((s) => s.id === stayId)?.dischargeRefusal).toBe("notHospital");
  });

  it("discharges as the coordinator (403 before issue 21), opening only the municipality's handover", async () => {
    const r = await post("demo.udskrivning", `/api/stays/${stayId}/discharge`, {
      dischargedAt: "2026-12-03T10:00:00+01:00",
      note: "Inhalationer to gange dagligt",
    });
    expect(r.statusCode, r.body).toBe(200);
    const p = await pathway();
    expect(p.handovers.map((h) => h.sector)).toEqual(["municipality"]);
    expect(p.responsibility.reason).toBe("discharged-no-gp");
    expect(p.responsibility.medicalFollowUp).toMatchObject({ state: "undecided" });
  });

  it("opens a follow-up item for the ward and for the body's coordinator, by name", async () => {
    const ward = await get("demo.udskrivning", "/api/follow-ups");
    expect(ward.statusCode, ward.body).toBe(200);
    const mine = (ward.json() as { items: FollowUp[] }).items.find(
      (i) => i.citizenName === "Otto Barn Opfølgning",
    );
    expect(mine).toMatchObject({ status: "open", version: 0 });
    await as("demo.klyngekoordinator", "body_secretariat");
    const body = await get("demo.klyngekoordinator", "/api/follow-ups");
    expect(body.statusCode, body.body).toBe(200);
    const theirs = (body.json() as { items: FollowUp[] }).items.find((i) => i.id === mine?.id);
    expect(theirs?.citizenName).toBe("Otto Barn Opfølgning");
    // Their relation is the name only: the course of care stays closed to them.
    expect(
      (await get("demo.klyngekoordinator", `/api/citizens/${childId}/pathway`)).statusCode,
    ).toBe(403);
    expect((await get("demo.visitator", "/api/follow-ups")).statusCode).toBe(403);
  });

  it("refuses a resolution that names nothing valid, naming the field", async () => {
    const item = await childsItem();
    const id = item?.id ?? "";
    const short = await post("demo.udskrivning", `/api/follow-ups/${id}/resolve`, {
      version: 0,
      resolution: { kind: "not-needed", reason: "rask" },
    });
    expect(short.statusCode).toBe(400);
    expect(short.headers["content-type"]).toContain("application/problem+json");
    expect(short.json().errors[0]).toMatchObject({ field: "resolution.reason" });
    const ward = await demo.database.db
      .selectFrom("organisation")
      .select("id")
      .where("sorCode", "=", DEMO_UNITS.slagelseMedical.sorCode)
      .executeTakeFirstOrThrow();
    const notAPractice = await post("demo.udskrivning", `/api/follow-ups/${id}/resolve`, {
      version: 0,
      resolution: { kind: "practice", organisationId: ward.id },
    });
    expect(notAPractice.statusCode).toBe(400);
    expect(notAPractice.json().errors[0]).toMatchObject({ field: "resolution.organisationId" });
    const otherBody = await post("demo.visitator", `/api/follow-ups/${id}/resolve`, {
      version: 0,
      resolution: { kind: "not-needed", reason: "Ingen opfølgning nødvendig" },
    });
    expect(otherBody.statusCode).toBe(403);
  });

  it("resolves with the hospital's own clinic: who, when and what on the row and in the audit log", async () => {
    const item = await childsItem();
    const id = item?.id ?? "";
    const clinics = await get("demo.udskrivning", `/api/follow-ups/${id}/clinics`);
    expect(clinics.statusCode, clinics.body).toBe(200);
    const clinic = (clinics.json() as { id: string; name: string }[])[0];
    expect(clinic).toBeDefined();
    const ok = await post("demo.udskrivning", `/api/follow-ups/${id}/resolve`, {
      version: 0,
      resolution: { kind: "outpatient-clinic", organisationId: clinic?.id },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: "resolved",
      version: 1,
      resolvedAt: expect.stringMatching(/^2026-12-03T/),
    });
    const again = await post("demo.klyngekoordinator", `/api/follow-ups/${id}/resolve`, {
      version: 0,
      resolution: { kind: "not-needed", reason: "Ingen opfølgning nødvendig" },
    });
    expect(again.statusCode).toBe(409);
    const row = await demo.database.db
      .selectFrom("medicalFollowUp")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      resolution: "outpatient-clinic",
      followUpOrganisationId: clinic?.id,
    });
    expect(row.resolvedByUserId).not.toBeNull();
    const audit = await demo.database.db
      .selectFrom("auditLog")
      .select(["action", "outcome", "purpose"])
      .where("citizenId", "=", childId)
      .where("resource", "=", "medical-follow-up")
      .where("action", "=", "resolve")
      .execute();
    expect(audit).toContainEqual({
      action: "resolve",
      outcome: "allowed",
      purpose: "outpatient-clinic",
    });
    expect(audit).toContainEqual({ action: "resolve", outcome: "denied", purpose: "not-needed" });
    // Still awaiting the municipality: not handed over.
    expect((await pathway()).responsibility.reason).toBe("discharged-no-gp");
  });

  it("is handed over once the municipality confirms, naming the clinic for the medical follow-up", async () => {
    await as("demo.klyngekoordinator");
    const list = await get("demo.visitator", "/api/handovers");
    const h = (
      list.json() as { items: { id: string; citizenId: string; version: number }[] }
    ).items.find((i) => i.citizenId === childId);
    const confirm = await post("demo.visitator", `/api/handovers/${h?.id}/confirm`, {
      version: h?.version,
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const p = await pathway();
    expect(p.responsibility.reason).toBe("handed-over-no-gp");
    expect(p.responsibility.medicalFollowUp).toMatchObject({ state: "named", kind: "hospital" });
    expect(p.responsibility.responsible.map((r) => r.for)).toEqual(["care", "medical-follow-up"]);
  });
});
