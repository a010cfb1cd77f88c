import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authHeaders, type DemoApp, demoApp } from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";

/**
 * From 2027 the same work continues in the council (issue 22): a demo seeded
 * in January 2027 has its coordinators at Sundhedsråd Midt- og Vestsjælland,
 * who carry the cluster's agreements on (body_succession), and the council's
 * page lists them.
 */
let demo: DemoApp;
const COUNCIL = "sundhedsraad-midt-og-vestsjaelland";

beforeAll(async () => {
  demo = await demoApp({ clock: clockFrom("2027-01-12T09:00:00Z"), seed: { activity: false } });
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

type List = {
  body: { id: string };
  mayDraft: boolean;
  agreements: { id: string; status: string; version: number; body: { id: string } }[];
};

describe("the cluster's agreements in the council", () => {
  it("are listed under the council, each naming the cluster, for the council's members", async () => {
    const lead = authHeaders(await demo.sessionOf("demo.klyngeleder"));
    const list = (
      await demo.app.inject({ url: `/api/bodies/${COUNCIL}/agreements`, headers: lead })
    ).json() as List;
    expect(list.mayDraft).toBe(true);
    expect(list.agreements.map((a) => [a.status, a.body.id]).sort()).toEqual([
      ["consultation", "naestved-slagelse"],
      ["in-force", "naestved-slagelse"],
    ]);
  });

  it("are taken on by the council's lead: the one in consultation is approved and adopted", async () => {
    const lead = authHeaders(await demo.sessionOf("demo.klyngeleder"));
    const list = (
      await demo.app.inject({ url: `/api/bodies/${COUNCIL}/agreements`, headers: lead })
    ).json() as List;
    const open = list.agreements.find((a) => a.status === "consultation");
    let version = open?.version ?? 0;
    for (const to of ["approved", "adopted"]) {
      const r = await demo.app.inject({
        method: "POST",
        url: `/api/agreements/${open?.id}/steps`,
        headers: lead,
        payload: { version, to },
      });
      expect(r.statusCode, to).toBe(200);
      version = r.json().version;
    }
  });

  it("are not the council's to change for a member of another council", async () => {
    const other = authHeaders(await demo.sessionOf("demo.sygeplejerske"));
    const list = (
      await demo.app.inject({ url: `/api/bodies/${COUNCIL}/agreements`, headers: other })
    ).json() as List;
    expect(list.mayDraft).toBe(false);
    expect(list.agreements.map((a) => a.status).sort()).toEqual(["adopted", "in-force"]);
  });
});

describe("the cluster's other work in the council", () => {
  it("lists the cluster's initiative and meeting under the council, and counts its money there", async () => {
    const lead = authHeaders(await demo.sessionOf("demo.klyngeleder"));
    const get = async (url: string) => {
      const r = await demo.app.inject({ url, headers: lead });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const initiatives = (await get(`/api/bodies/${COUNCIL}/initiatives`)) as {
      initiatives: { status: string; body: { id: string } }[];
    };
    expect(initiatives.initiatives.map((i) => [i.status, i.body.id])).toEqual([
      ["running", "naestved-slagelse"],
    ]);
    const meetings = (await get(`/api/bodies/${COUNCIL}/meetings`)) as {
      meetings: { status: string; body: { id: string } }[];
    };
    expect(meetings.meetings.map((m) => [m.status, m.body.id])).toEqual([
      ["held", "naestved-slagelse"],
    ]);
    // The council's 2027: the cluster's agreements and initiative go on costing.
    const ledger = (await get(`/api/bodies/${COUNCIL}/ledger?year=2027`)) as {
      rows: { source: string }[];
    };
    expect(new Set(ledger.rows.map((r) => r.source))).toEqual(new Set(["agreement", "initiative"]));
  });
});

describe("the council's meetings on the cluster's work", () => {
  it("put the cluster's agreement it carries on on the agenda, named by its title", async () => {
    const lead = authHeaders(await demo.sessionOf("demo.klyngeleder"));
    const list = (
      await demo.app.inject({ url: `/api/bodies/${COUNCIL}/agreements`, headers: lead })
    ).json() as { agreements: { id: string; status: string; title: string }[] };
    const inForce = list.agreements.find((a) => a.status === "in-force");
    if (!inForce) throw new Error("the cluster's agreement in force is missing");
    const response = await demo.app.inject({
      method: "POST",
      url: `/api/bodies/${COUNCIL}/meetings`,
      headers: lead,
      payload: {
        title: "Rådets første møde (test)",
        date: "2027-01-20",
        public: true,
        status: "planned",
        agenda: [
          {
            title: "Klyngens aftale fortsætter",
            text: null,
            subject: { kind: "agreement", id: inForce.id },
            public: true,
          },
        ],
        attendees: [],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().agenda[0]).toMatchObject({
      subject: { kind: "agreement", id: inForce.id },
      subjectTitle: inForce.title,
    });
  });
});
