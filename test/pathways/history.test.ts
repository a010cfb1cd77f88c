import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "../../src/access/citizen-access.ts";
import { createCitizenAccess } from "../../src/access/citizen-access.ts";
import { defaultAccessPolicy } from "../../src/access/model.ts";
import * as accessStore from "../../src/access/store.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createCitizenService } from "../../src/citizens/service.ts";
import { createCareServices } from "../../src/handovers/assemble.ts";
import { deadlineOf, type HandoverRule } from "../../src/handovers/model.ts";
import { saveRule } from "../../src/handovers/rules-store.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { createOrganisationService } from "../../src/structure/organisations.ts";
import { createRegisterService } from "../../src/structure/register-service.ts";
import { createStructureService } from "../../src/structure/service.ts";
import { hospitalDepartment, municipalityUnit } from "../../src/synth/synthetic-codes.ts";
import { authHeaders, citizenRegistryOf, type DemoApp, demoApp } from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";
import { integrationToken, postMessage } from "../support/messages.ts";

/**
 * Issue 19, point 3: history stays true. A stay, a handover (and its rule) and
 * the counts per body belong to the structure of the event's own Danish date,
 * never to the day the message arrives or the page is read: Herlev (163) is in
 * Sundhedsklynge Midt until 31 December 2026 and in Sundhedsråd Københavns
 * Omegn Nord from 1 January 2027. The app's clock stands after both, on
 * 1 February 2027, so "today" would put everything under the council.
 */

const NOW = "2027-02-01T12:00:00Z";
const CLUSTER = "hovedstaden-midt";
const COUNCIL = "sundhedsraad-koebenhavns-omegn-nord";
const HOSPITAL = "herlev-og-gentofte-hospital";
const ALWAYS = { start: "00:00", end: "23:59" };
const ruleOf = (deadlineMinutes: number) => ({
  deadlineMinutes,
  hours: { weekday: ALWAYS, weekend: ALWAYS },
  ladder: [{ afterMinutes: 0, target: "receiver" }],
});

const ward = hospitalDepartment(90, "Herlev og Gentofte Hospital", 0);
const herlev = municipalityUnit("163", "Herlev");

let demo: DemoApp;
let token: string;
let practiceId: string;
let reader: string;
let serial = 0;

beforeAll(async () => {
  demo = await demoApp({ clock: clockFrom(NOW), seed: { activity: false } });
  const db = demo.database.db;
  const register = createRegisterService(db);
  await register.add({
    sorCode: ward.sor,
    name: ward.name,
    kind: "hospital_department",
    gln: ward.gln,
    hospitalId: HOSPITAL,
    synthetic: true,
  });
  await register.add({
    sorCode: herlev.sor,
    name: herlev.name,
    kind: "municipal_unit",
    gln: herlev.gln,
    municipalityCode: "163",
    synthetic: true,
  });
  token = await integrationToken(db, ["messages:write"], HOSPITAL);
  practiceId = (
    await createOrganisationService(db).ensureGeneralPractice({
      providerNumber: "991630",
      name: "Lægerne i Herlev (test)",
      municipalityCode: "163",
    })
  ).practiceId;
  // Different rules on each side of the border: a deadline shows whose rule a handover got.
  for (const sector of ["municipality", "general-practice"] as const) {
    await saveRule(db, { bodyId: CLUSTER, sector, rule: ruleOf(60), updatedBy: null });
    await saveRule(db, { bodyId: COUNCIL, sector, rule: ruleOf(240), updatedBy: null });
  }
  // Herlev Kommune's coordinator: the citizens' home municipality may read their course.
  const municipality = await createOrganisationService(db).structural({
    kind: "municipality",
    municipalityCode: "163",
  });
  reader = "herlev.koordinator";
  const user = await accessStore.insertUser(db, {
    username: reader,
    displayName: "Herlev koordinator (test)",
    kind: "staff",
  });
  await db
    .insertInto("membership")
    .values({
      userId: user.id,
      organisationId: municipality.id,
      role: "coordinator",
      revokedAt: null,
    })
    .execute();
});
afterAll(() => demo?.close());

/** A citizen of Herlev, listed with a Herlev practice; a new CPR number each time. */
async function herlevCitizen() {
  serial += 1;
  const cpr = `0101${String(50 + serial).padStart(2, "0")}${String(1000 + serial)}`;
  const citizen = await citizenRegistryOf(demo).register({
    cpr,
    name: `Historie Test ${serial}`,
    homeMunicipalityCode: "163",
    listedPracticeId: practiceId,
    synthetic: true,
  });
  return { id: citizen.id, patient: { cpr, family: "Test", given: ["Historie"] } };
}

/** One stay at Herlev og Gentofte Hospital, from admission to discharge (Danish local times). */
async function stay(
  patient: { cpr: string; family: string; given: string[] },
  admitted: string,
  discharged: string,
  then?: (f: NotificationFlow) => void,
) {
  const flow = new NotificationFlow({
    seed: `history-${patient.cpr}-${admitted}`,
    sender: ward,
    receiver: herlev,
    patient,
  });
  flow.admit({ class: "inpatient", at: admitted });
  flow.discharge({ at: discharged });
  then?.(flow);
  for (const message of flow.messages) {
    const { response, ack } = await postMessage(demo.app, token, message);
    expect(response.statusCode, response.body).toBe(200);
    expect(JSON.stringify(ack)).not.toContain('"fatal-error"');
  }
}

async function handoversOf(citizenId: string) {
  return demo.database.db
    .selectFrom("handover")
    .select(["sector", "bodyId", "dischargedAt", "deadlineAt"])
    .where("citizenId", "=", citizenId)
    .orderBy("dischargedAt")
    .orderBy("sector")
    .execute();
}

const iso = (d: Date | string) => new Date(d).toISOString();
const minutesAfter = (h: { dischargedAt: Date | string; deadlineAt: Date | string }) =>
  (new Date(h.deadlineAt).getTime() - new Date(h.dischargedAt).getTime()) / 60_000;

type BodyRef = { id: string; kind: string; name: string };
type Pathway = {
  bodies: { date: string; residence: BodyRef; hospital: BodyRef[] };
  stays: {
    admittedAt: string;
    bodies: {
      date: string;
      residence: BodyRef | null;
      generalPractice: BodyRef | null;
      hospital: BodyRef[];
      differ: boolean;
    };
  }[];
  handovers: { sector: string; dischargedAt: string; body: BodyRef | null }[];
};

describe("a course of care that crosses 1 January 2027", () => {
  it("shows each stay and each handover under the body of its own date, with its kind", async () => {
    const { id, patient } = await herlevCitizen();
    await stay(patient, "2026-12-20T10:00:00+01:00", "2026-12-22T11:00:00+01:00");
    await stay(patient, "2027-01-05T09:00:00+01:00", "2027-01-07T13:00:00+01:00");
    const response = await demo.app.inject({
      url: `/api/citizens/${id}/pathway`,
      headers: authHeaders(await demo.sessionOf(reader)),
    });
    expect(response.statusCode, response.body).toBe(200);
    const p = response.json() as Pathway;

    const cluster = { id: CLUSTER, kind: "sundhedsklynge", name: "Sundhedsklynge Midt" };
    const council = {
      id: COUNCIL,
      kind: "sundhedsraad",
      name: "Sundhedsråd Københavns Omegn Nord",
    };
    const [december, january] = [...p.stays].sort((a, b) =>
      a.admittedAt.localeCompare(b.admittedAt),
    );
    expect(december?.bodies).toMatchObject({
      date: "2026-12-20",
      residence: cluster,
      generalPractice: cluster,
      hospital: [cluster],
      differ: false,
    });
    expect(january?.bodies).toMatchObject({
      date: "2027-01-05",
      residence: council,
      generalPractice: council,
      hospital: [council],
      differ: false,
    });
    const placed = p.handovers
      .map((h) => [h.dischargedAt.slice(0, 10), h.sector, h.body?.id])
      .sort((a, b) => String(a).localeCompare(String(b)));
    expect(placed).toEqual([
      ["2026-12-22", "general-practice", CLUSTER],
      ["2026-12-22", "municipality", CLUSTER],
      ["2027-01-07", "general-practice", COUNCIL],
      ["2027-01-07", "municipality", COUNCIL],
    ]);
    expect(p.handovers.find((h) => h.body?.id === CLUSTER)?.body).toMatchObject(cluster);
    // Today's bodies are today's: the council.
    expect(p.bodies).toMatchObject({ date: "2027-02-01", residence: council });
  });
});

describe("ingest by the event's own date", () => {
  it("places a discharge of 31 December under the cluster and one of 2 January under the council, by their rules", async () => {
    const a = await herlevCitizen();
    const b = await herlevCitizen();
    await stay(a.patient, "2026-12-29T08:00:00+01:00", "2026-12-31T14:00:00+01:00");
    await stay(b.patient, "2026-12-30T08:00:00+01:00", "2027-01-02T14:00:00+01:00");
    const before = await handoversOf(a.id);
    const after = await handoversOf(b.id);
    expect(before.map((h) => [h.sector, h.bodyId, minutesAfter(h)])).toEqual([
      ["general-practice", CLUSTER, 60],
      ["municipality", CLUSTER, 60],
    ]);
    // Admitted in the cluster's time, discharged in the council's: the discharge decides.
    expect(after.map((h) => [h.sector, h.bodyId, minutesAfter(h)])).toEqual([
      ["general-practice", COUNCIL, 240],
      ["municipality", COUNCIL, 240],
    ]);
  });

  it("takes the Danish date: ten past midnight on 1 January is the council's, though still 31 December in UTC", async () => {
    const a = await herlevCitizen();
    const b = await herlevCitizen();
    await stay(a.patient, "2026-12-30T08:00:00+01:00", "2026-12-31T23:50:00+01:00");
    await stay(b.patient, "2026-12-30T08:00:00+01:00", "2027-01-01T00:10:00+01:00");
    expect((await handoversOf(a.id)).map((h) => h.bodyId)).toEqual([CLUSTER, CLUSTER]);
    expect((await handoversOf(b.id)).map((h) => h.bodyId)).toEqual([COUNCIL, COUNCIL]);
  });

  it("moves a handover to the cluster when its discharge is corrected back across midnight", async () => {
    const { id, patient } = await herlevCitizen();
    await stay(patient, "2026-12-30T08:00:00+01:00", "2027-01-01T00:10:00+01:00", (f) =>
      f.revise({ at: "2026-12-31T23:50:00+01:00", sentAt: "2027-01-01T08:00:00+01:00" }),
    );
    const moved = await handoversOf(id);
    const dischargedAt = new Date("2026-12-31T22:50:00.000Z");
    // The cluster's rule, counted from the corrected time (its window closes at 23:59).
    const deadline = deadlineOf(dischargedAt, ruleOf(60) as HandoverRule).toISOString();
    expect(
      moved.map((h) => [h.bodyId, new Date(h.dischargedAt).toISOString(), iso(h.deadlineAt)]),
    ).toEqual([
      [CLUSTER, dischargedAt.toISOString(), deadline],
      [CLUSTER, dischargedAt.toISOString(), deadline],
    ]);
  });
});

describe("counts per body across the border", () => {
  it("counts a December discharge under the cluster and a January one under the council", async () => {
    const db = demo.database.db;
    const clock = clockFrom(NOW);
    const access = createCitizenAccess(db, defaultAccessPolicy, clock);
    const { handovers } = createCareServices({
      db,
      citizens: createCitizenService(db, createCipher(demo.masterKey), access, clock),
      structure: createStructureService(db),
      access,
      clock,
    });
    const organisations = createOrganisationService(db);
    const secretariatOf = async (bodyId: string): Promise<RequestContext> => {
      const o = await organisations.structural({ kind: "body_secretariat", bodyId });
      return {
        requestId: `history-counts-${bodyId}`,
        actor: {
          kind: "staff",
          userId: o.id,
          membershipId: o.id,
          role: "coordinator",
          organisation: {
            id: o.id,
            name: o.name,
            kind: "body_secretariat",
            hospitalId: null,
            municipalityCode: null,
            generalPracticeId: null,
            bodyId,
            regionCode: o.regionCode,
          },
        },
      };
    };
    // Counted (as the indicators will count) under the body each handover belongs to.
    const counted = async (bodyId: string) =>
      Number(
        (
          await db
            .selectFrom("handover")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("bodyId", "=", bodyId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Who must act is another question: on 1 February the council, for both.
    const worklist = async (bodyId: string) =>
      (
        await handovers.worklistPage(
          await secretariatOf(bodyId),
          { overdueOnly: false },
          { limit: 1, offset: 0 },
        )
      ).total;
    const cluster = await counted(CLUSTER);
    const council = await counted(COUNCIL);
    const councilList = await worklist(COUNCIL);

    const a = await herlevCitizen();
    const b = await herlevCitizen();
    await stay(a.patient, "2026-12-27T08:00:00+01:00", "2026-12-28T10:00:00+01:00");
    await stay(b.patient, "2027-01-03T08:00:00+01:00", "2027-01-04T10:00:00+01:00");
    expect(await counted(CLUSTER)).toBe(cluster + 2);
    expect(await counted(COUNCIL)).toBe(council + 2);
    expect(await worklist(COUNCIL)).toBe(councilList + 4);
    expect(await worklist(CLUSTER)).toBe(0);
  });
});
