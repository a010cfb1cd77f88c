import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowFor } from "../../src/interop/medcom/fixtures.ts";
import { authHeaders, type DemoApp, demoApp, type Session } from "../support/access.ts";
import { ackResponse, integrationToken, postMessage } from "../support/messages.ts";

/**
 * Issue 4, point 3 over HTTP: administrators register SOR-coded units one by
 * one or from a file, and a dead letter from an unknown sender applies once
 * its sender is registered through the API.
 */

let demo: DemoApp;
let admin: Session;

beforeAll(async () => {
  demo = await demoApp();
  admin = await demo.sessionOf("demo.admin");
});
afterAll(() => demo.close());

const post = (url: string, payload?: Record<string, unknown>, session = admin) =>
  demo.app.inject({ method: "POST", url, headers: authHeaders(session), payload });

type Unit = { sorCode: string; name: string; kind: string; hospitalName: string | null };

async function listUnits(query = "") {
  const response = await demo.app.inject({
    url: `/api/admin/organisation-units${query}`,
    headers: authHeaders(admin),
  });
  expect(response.statusCode).toBe(200);
  return response.json() as Unit[];
}

describe("the organisation register API", () => {
  it("lists the demo's SOR-coded units with what they belong to", async () => {
    const units = await listUnits("?kind=hospital_department");
    const medical = units.find((u) => u.sorCode === "999999999000011");
    expect(medical?.hospitalName).toBe("Slagelse Sygehus");
  });

  it("refuses a unit without its required link, naming the field", async () => {
    const response = await post("/api/admin/organisation-units", {
      sorCode: "12345678901",
      name: "Hjemmeplejen Syd",
      kind: "municipal_unit",
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(JSON.stringify(response.json())).toContain("municipalityCode");
  });

  it("refuses a SOR code that is already registered with 409", async () => {
    const response = await post("/api/admin/organisation-units", {
      sorCode: "999999999000011",
      name: "Igen",
      kind: "hospital_department",
      hospitalId: "slagelse-sygehus",
    });
    expect(response.statusCode).toBe(409);
  });

  it("imports a file all or nothing", async () => {
    const header = "sor_code;name;kind;municipality_code;provider_number";
    const good = "55566677788899;Sorø Kommune, Hjemmeplejen;municipal_unit;340;";
    const bad = "66677788899900;Lægehuset;general_practice;340;12";
    const refused = await post("/api/admin/organisation-units/import", {
      format: "csv",
      content: [header, good, bad].join("\n"),
    });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain("line 3");
    expect((await listUnits("?q=Hjemmeplejen")).map((u) => u.sorCode)).not.toContain(
      "55566677788899",
    );
    const imported = await post("/api/admin/organisation-units/import", {
      format: "json",
      content: JSON.stringify([
        {
          sorCode: "55566677788899",
          name: "Sorø Kommune, Hjemmeplejen",
          kind: "municipal_unit",
          municipalityCode: "340",
        },
      ]),
    });
    expect(imported.json()).toEqual({ added: 1, updated: 0, unchanged: 0 });
  });

  it("is for administrators only", async () => {
    const nurse = await demo.sessionOf("demo.sygeplejerske");
    const response = await demo.app.inject({
      url: "/api/admin/organisation-units",
      headers: authHeaders(nurse),
    });
    expect(response.statusCode).toBe(403);
  });

  it("lets a dead letter apply once its sender is registered", async () => {
    const sender = {
      sor: "999999999000053",
      gln: "5799990000057",
      name: "Ortopædkirurgisk Afdeling",
    };
    const [message] = flowFor("STIN", "register-then-reapply", { sender }).messages;
    if (!message) throw new Error("no message");
    const token = await integrationToken(demo.database.db);
    const { ack } = await postMessage(demo.app, token, message);
    expect(ackResponse(ack).issues[0]?.details.text).toContain(sender.sor);

    const added = await post("/api/admin/organisation-units", {
      sorCode: sender.sor,
      gln: sender.gln,
      name: sender.name,
      kind: "hospital_department",
      hospitalId: "slagelse-sygehus",
    });
    expect(added.statusCode, added.body).toBe(201);

    const list = await demo.app.inject({
      url: "/api/admin/messages?status=dead_letter",
      headers: authHeaders(admin),
    });
    const dead = (
      list.json() as { messages: { id: string; messageHeaderId: string }[] }
    ).messages.find((m) => m.messageHeaderId === message.messageHeaderId);
    const reapplied = await post(`/api/admin/messages/${dead?.id}/reapply`);
    expect(reapplied.json()).toMatchObject({ status: "applied" });
  });
});
