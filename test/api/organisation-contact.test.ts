import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createContactService } from "../../src/structure/contact-service.ts";
import { createRegisterService } from "../../src/structure/register-service.ts";
import { seedDemo } from "../../src/synth/demo-seed.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { authHeaders, citizenIdByCpr, type DemoApp, demoApp } from "../support/access.ts";

/**
 * Issue 6, point 7's foundation: organisations' contact details. Anyone signed
 * in reads them (a unit without its own shows its parent's); only an
 * administrator acting for the organisation changes them; a refused change
 * writes nothing; the demo's are synthetic and never overwrite an edit.
 */

let demo: DemoApp;
const ids = { ward: "", hospital: "", region: "" };

beforeAll(async () => {
  demo = await demoApp();
  const org = demo.database.db.selectFrom("organisation").select("id");
  ids.ward = (
    await org.where("sorCode", "=", DEMO_UNITS.slagelseMedical.sorCode).executeTakeFirstOrThrow()
  ).id;
  ids.hospital = (
    await org
      .where("kind", "=", "hospital")
      .where("hospitalId", "=", "slagelse-sygehus")
      .executeTakeFirstOrThrow()
  ).id;
  ids.region = (
    await org
      .where("kind", "=", "region")
      .where("regionCode", "=", "1085")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => demo?.close());

const url = (id: string) => `/api/organisations/${id}/contact`;
async function get(id: string, username: string | null = "demo.borger") {
  const headers = username ? authHeaders(await demo.sessionOf(username)) : {};
  return demo.app.inject({ url: url(id), headers });
}
async function put(id: string, username: string, payload: Record<string, string>) {
  const headers = authHeaders(await demo.sessionOf(username));
  return demo.app.inject({ method: "PUT", url: url(id), headers, payload });
}

describe("reading an organisation's contact details", () => {
  it("lets a citizen read the ward's demo details, obviously synthetic", async () => {
    const response = await get(ids.ward);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      organisationId: ids.ward,
      name: DEMO_UNITS.slagelseMedical.name,
      phone: "+45 13 00 01 01",
      email: expect.stringMatching(/@example\.org$/),
      openingHours: expect.stringContaining("(demodata)"),
      webUrl: expect.stringMatching(/^https:\/\/example\.org\//),
      inheritedFrom: null,
    });
  });

  it("refuses anonymous callers and names no organisation that does not exist", async () => {
    expect((await get(ids.ward, null)).statusCode).toBe(401);
    const missing = await get("3f1c2b9a-7d4e-4c5f-9a8b-1e2d3c4b5a69");
    expect(missing.statusCode).toBe(404);
    expect((await get("not-a-uuid")).json()).toMatchObject({
      errors: [{ field: "organisationId", reason: "must be an organisation id (uuid)" }],
    });
  });

  it("shows a department without details of its own its hospital's, saying whose", async () => {
    const added = await createRegisterService(demo.database.db).add({
      sorCode: "999999999000045",
      name: "Slagelse Sygehus, Geriatrisk Afdeling",
      kind: "hospital_department",
      hospitalId: "slagelse-sygehus",
      synthetic: true,
    });
    const response = await get(added.organisationId, "demo.sygeplejerske");
    expect(response.json()).toMatchObject({
      name: "Slagelse Sygehus, Geriatrisk Afdeling",
      phone: "+45 13 00 01 00",
      inheritedFrom: { organisationId: ids.hospital, name: "Slagelse Sygehus" },
    });
  });
});

describe("changing an organisation's contact details", () => {
  const good = {
    phone: "13 00 09 99",
    email: "region.demo@example.org",
    openingHours: "Hverdage kl. 9–15",
    webUrl: "https://example.org/region",
  };

  it("lets an administrator acting for the organisation set them, normalising the phone", async () => {
    const response = await put(ids.hospital, "demo.admin", good);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ ...good, phone: "+45 13 00 09 99" });
    expect((await get(ids.hospital)).json()).toMatchObject({ phone: "+45 13 00 09 99" });
  });

  it("refuses invalid details naming each field, and writes nothing", async () => {
    const response = await put(ids.hospital, "demo.admin", {
      phone: "1234",
      email: "nobody",
      webUrl: "http://example.org",
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const fields = (response.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields.sort()).toEqual(["email", "phone", "webUrl"]);
    expect((await get(ids.hospital)).json()).toMatchObject({ ...good, phone: "+45 13 00 09 99" });
  });

  it("refuses an administrator of another organisation, and anyone not an administrator", async () => {
    const other = await put(ids.ward, "demo.admin", good);
    expect(other.statusCode).toBe(403);
    const clinician = await put(ids.ward, "demo.sygeplejerske", good);
    expect(clinician.statusCode).toBe(403);
    expect((await get(ids.ward)).json()).toMatchObject({ phone: "+45 13 00 01 01" });
  });

  it("clears a field left empty", async () => {
    const response = await put(ids.hospital, "demo.admin", { ...good, webUrl: "" });
    expect(response.json()).toMatchObject({ webUrl: null, email: good.email });
  });
});

describe("the demo's contact details", () => {
  it("are added again on a later start only where missing, never over an edit", async () => {
    const contacts = createContactService(demo.database.db);
    const before = await contacts.contactOf(ids.ward);
    await demo.database.db
      .updateTable("organisationContact")
      .set({ openingHours: "Ændret af afdelingen" })
      .where("organisationId", "=", ids.ward)
      .execute();
    expect(await seedDemo(demo.database.db, createCipher(demo.masterKey))).toBe(false);
    const after = await contacts.contactOf(ids.ward);
    expect(after).toMatchObject({ phone: before.phone, openingHours: "Ændret af afdelingen" });
  });
});

describe("the pathway names whose contact details to show", () => {
  it("gives the citizen the id of the ward responsible for the stay", async () => {
    const karen = await citizenIdByCpr(demo, "120345-1962");
    const response = await demo.app.inject({
      url: `/api/citizens/${karen}/pathway`,
      headers: authHeaders(await demo.sessionOf("demo.borger")),
    });
    expect(response.statusCode).toBe(200);
    const stays = (response.json() as { stays: { departmentOrganisationId: string | null }[] })
      .stays;
    expect(stays.map((s) => s.departmentOrganisationId)).toContain(ids.ward);
  });
});
