import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as inHospitalStore from "../../src/handovers/in-hospital-store.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  authHeaders,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
  requestId,
} from "../support/access.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Worklists are paged: a request names (and audits) only the rows of its
 * page, says how long the whole list is, and the in-hospital list is its own
 * request. A name search goes in the body and audits only what it finds.
 */

let demo: DemoApp;
const discharged = [
  "Paula Sidevender",
  "Peter Sidevender",
  "Pia Bladre",
  "Poul Bladre",
  "Preben Opslag",
];
const admitted = ["Ingrid Indlagt", "Ib Indlagt"];
const ids = new Map<string, string>();

beforeAll(async () => {
  demo = await demoApp();
  const db = demo.database.db;
  const token = await integrationToken(db);
  const citizens = citizenRegistryOf(demo);
  const people = [...discharged, ...admitted];
  for (const [i, name] of people.entries()) {
    const cpr = `${String(10 + i).padStart(2, "0")}0362${String(4000 + i)}`;
    const { id } = await citizens.register({
      cpr,
      name,
      homeMunicipalityCode: "370",
      listedPracticeId: null,
      synthetic: true,
    });
    ids.set(name, id);
    const [given = "", family = ""] = name.split(" ");
    const flow = new NotificationFlow(
      participants(`paging-${i}`, {
        sender: participantOf(DEMO_UNITS.slagelseMedical),
        receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
        patient: { cpr, family, given: [given] },
      }),
    );
    flow.admit({ class: "inpatient", at: `2026-11-1${i % 8}T08:00:00+01:00` });
    if (discharged.includes(name))
      flow.discharge({ at: `2026-11-1${i % 8}T11:${10 + i}:00+01:00` });
    for (const m of flow.messages) {
      const { response } = await postMessage(demo.app, token, m);
      expect(response.statusCode, response.body).toBe(200);
    }
  }
});
afterAll(() => demo.close());

type Item = { id: string; citizenId: string; citizenName: string | null; deadlineAt: string };
type Page = {
  items: Item[];
  total: number;
  limit: number;
  offset: number;
  inHospitalTotal: number;
};

const signedIn = new Map<string, Record<string, string>>();

/** Headers of a demo user's session; the body's coordinator acts for the secretariat. */
async function headersOf(username: string) {
  let headers = signedIn.get(username);
  if (headers) return headers;
  headers = authHeaders(await demo.sessionOf(username));
  const me = (await demo.app.inject({ url: "/api/me", headers })).json() as {
    memberships: { membershipId: string; organisation: { kind: string } }[];
  };
  const secretariat = me.memberships.find((m) => m.organisation.kind === "body_secretariat");
  if (secretariat && me.memberships.length > 1) {
    const chosen = await demo.app.inject({
      method: "PUT",
      url: "/api/me/active-membership",
      headers,
      payload: { membershipId: secretariat.membershipId },
    });
    expect(chosen.statusCode).toBe(200);
  }
  signedIn.set(username, headers);
  return headers;
}

/** `rid`, when given, is the request's id: the audit rows it wrote are found by it. */
const get = async (username: string, url: string, rid?: string) =>
  demo.app.inject({
    url,
    headers: { ...(await headersOf(username)), ...(rid ? { "x-request-id": rid } : {}) },
  });

async function page(username: string, query: string, rid?: string) {
  const response = await get(username, `/api/handovers${query}`, rid);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Page;
}

async function worklistReads(rid: string) {
  const rows = await demo.database.db
    .selectFrom("auditLog")
    .select(["citizenId", "outcome"])
    .where("resource", "=", "worklist")
    .where("requestId", "=", rid)
    .execute();
  return rows.map((r) => r.citizenId);
}

describe("a paged worklist", () => {
  it("splits the whole list into pages that neither repeat nor skip, and says how long it is", async () => {
    const all = await page("demo.visitator", "?limit=200");
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(discharged.length);
    const paged: Item[] = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const p = await page("demo.visitator", `?limit=2&offset=${offset}`);
      expect(p).toMatchObject({ total: all.total, limit: 2, offset });
      paged.push(...p.items);
    }
    expect(paged.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    const deadlines = paged.map((i) => i.deadlineAt);
    expect(deadlines).toEqual([...deadlines].sort());
    // Past the end: an empty page, still with the length.
    const beyond = await page("demo.visitator", `?limit=2&offset=${all.total}`);
    expect(beyond).toMatchObject({
      items: [],
      total: all.total,
      inHospitalTotal: all.inHospitalTotal,
    });
  });

  it("names and audits only the citizens on the page asked for", async () => {
    const rid = requestId("page");
    const first = await page("demo.visitator", "?limit=2", rid);
    expect(first.items).toHaveLength(2);
    expect(first.items.every((i) => i.citizenName !== null)).toBe(true);
    // The facts that decided the names (stays, consents, the sealed name) stay on the server.
    expect(Object.keys(first.items[0] ?? {})).not.toContain("citizen");
    const read = await worklistReads(rid);
    expect(read.sort()).toEqual(first.items.map((i) => i.citizenId).sort());
  });

  it("counts the receiver's citizens in hospital, listed in their own paged request", async () => {
    const { inHospitalTotal } = await page("demo.visitator", "?limit=1");
    expect(inHospitalTotal).toBeGreaterThanOrEqual(admitted.length);
    const response = await get("demo.visitator", "/api/handovers/in-hospital?limit=1&offset=0");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { items: { citizenName: string }[]; total: number };
    expect(body.total).toBe(inHospitalTotal);
    expect(body.items).toHaveLength(1);
    expect(Object.keys(body.items[0] ?? {})).not.toContain("citizen");
    const names: string[] = [];
    for (let offset = 0; offset < body.total; offset++) {
      const p = await get("demo.visitator", `/api/handovers/in-hospital?limit=1&offset=${offset}`);
      names.push(
        ...(p.json() as { items: { citizenName: string }[] }).items.map((i) => i.citizenName),
      );
    }
    expect(names).toEqual(expect.arrayContaining(admitted));
    expect(new Set(names).size).toBe(names.length);
  });

  it("moves a citizen in hospital to the new municipality's and practice's lists when they move", async () => {
    const db = demo.database.db;
    const citizenId = ids.get("Ib Indlagt") as string;
    const practice = await db
      .selectFrom("generalPractice")
      .select("id")
      .where("providerNumber", "=", "990001")
      .executeTakeFirstOrThrow();
    const inHospital = async () => ({
      naestved: await inHospitalStore.currentStaysCount(db, { municipalityCode: "370" }),
      slagelse: await inHospitalStore.currentStaysCount(db, { municipalityCode: "330" }),
      practice: await inHospitalStore.currentStaysCount(db, { practiceId: practice.id }),
    });
    const before = await inHospital();
    const { inHospitalTotal } = await page("demo.visitator", "?limit=1");
    expect(inHospitalTotal).toBe(before.naestved);

    const moveTo = (homeMunicipalityCode: string, listedPracticeId: string | null) =>
      db
        .updateTable("citizen")
        .set({ homeMunicipalityCode, listedPracticeId })
        .where("id", "=", citizenId)
        .execute();
    await moveTo("330", practice.id);
    expect(await inHospital()).toEqual({
      naestved: before.naestved - 1,
      slagelse: before.slagelse + 1,
      practice: before.practice + 1,
    });
    expect((await page("demo.visitator", "?limit=1")).inHospitalTotal).toBe(before.naestved - 1);
    await moveTo("370", null);
    expect(await inHospital()).toEqual(before);
  });

  it("gives a hospital no in-hospital list (its worklist is about handovers)", async () => {
    const hospital = await page("demo.sygeplejerske", "?limit=1");
    expect(hospital.inHospitalTotal).toBe(0);
    const response = await get("demo.sygeplejerske", "/api/handovers/in-hospital");
    expect(response.json()).toMatchObject({ items: [], total: 0 });
  });

  it("counts only what is overdue or declined for the body's coordinator", async () => {
    const body = await page("demo.klyngekoordinator", "?limit=200");
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBe(body.items.length);
    const now = Date.now();
    for (const item of body.items as (Item & { status: string })[])
      expect(item.status === "declined" || Date.parse(item.deadlineAt) < now).toBe(true);
  });

  it("refuses a page size or offset out of range, naming the field", async () => {
    for (const [query, field] of [
      ["?limit=0", "limit"],
      ["?limit=201", "limit"],
      ["?offset=-1", "offset"],
      ["?limit=ten", "limit"],
    ]) {
      const response = await get("demo.visitator", `/api/handovers${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(JSON.stringify(response.json()), query).toContain(field);
    }
  });
});

describe("searching a worklist by name", () => {
  const search = async (username: string, body: object, rid?: string) =>
    demo.app.inject({
      method: "POST",
      url: "/api/handovers/search",
      headers: { ...(await headersOf(username)), ...(rid ? { "x-request-id": rid } : {}) },
      payload: body,
    });

  it("finds the citizens whose name holds the text, in both lists, whatever the case", async () => {
    const response = await search("demo.visitator", { name: "sideVENDER" });
    expect(response.statusCode, response.body).toBe(200);
    const found = response.json() as { items: Item[]; inHospital: { citizenName: string }[] };
    expect(found.items.map((i) => i.citizenName).sort()).toEqual([
      "Paula Sidevender",
      "Peter Sidevender",
    ]);
    const inHospital = await search("demo.visitator", { name: "indlagt" });
    const stays = (inHospital.json() as { inHospital: { citizenName: string }[] }).inHospital;
    expect(stays.map((s) => s.citizenName).sort()).toEqual(["Ib Indlagt", "Ingrid Indlagt"]);
  });

  it("audits only the citizens it found, not every name it compared", async () => {
    const found = requestId("search");
    await search("demo.visitator", { name: "Preben" }, found);
    expect(await worklistReads(found)).toEqual([ids.get("Preben Opslag")]);
    const none = requestId("search-none");
    const nothing = await search("demo.visitator", { name: "Zacharias" }, none);
    expect(nothing.json()).toEqual({ items: [], inHospital: [] });
    expect(await worklistReads(none)).toEqual([]);
  });

  it("names for the body's coordinator only whom it is related to, and by name only", async () => {
    const response = await search("demo.klyngekoordinator", { name: "Sidevender" });
    expect(response.statusCode, response.body).toBe(200);
    const found = response.json() as {
      items: (Item & { relationScope: string; note: string | null })[];
      inHospital: unknown[];
    };
    // These citizens were discharged without a listed GP: the body must see who follows up
    // on them (issue 21, part 5), so its coordinator may read their names — never the
    // ward's note or the course of care (a `basic` relation). Before issue 21 it found none.
    for (const item of found.items)
      expect(item).toMatchObject({ relationScope: "basic", note: null });
    expect(found.items.every((i) => i.citizenName?.endsWith("Sidevender"))).toBe(true);
    expect(found.inHospital).toEqual([]);
  });

  it("keeps the filters: a sector without the citizen finds nothing", async () => {
    const response = await search("demo.visitator", {
      name: "Sidevender",
      sector: "general-practice",
    });
    expect((response.json() as { items: Item[] }).items).toEqual([]);
  });

  it("refuses a name too short to search by, naming the field, without echoing it", async () => {
    const response = await search("demo.visitator", { name: " P " });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.body).toContain("name");
    expect(response.body).not.toContain(" P ");
  });
});
