import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/server.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import type { App } from "../../src/platform/http/app.ts";
import { clockFrom } from "../support/clock.ts";
import { structureDatabase } from "../support/server.ts";

let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await structureDatabase();
  app = await createApp(database);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type Body = {
  id: string;
  verified: boolean;
  municipalityCodes: string[];
  partialMunicipalityCodes: string[];
  acuteHospitals: { id: string; name: string }[];
};

async function get<T>(url: string): Promise<{ status: number; body: T; type: string }> {
  const res = await app.inject({ url });
  return {
    status: res.statusCode,
    body: res.json() as T,
    type: String(res.headers["content-type"]),
  };
}

/** The clusters' structure: every test of it names a date before 2027, so it passes in any year. */
describe("the structure API", () => {
  it("lists the five regions with their committees", async () => {
    const { body } = await get<
      { code: string; committee: { verified: boolean }; bodyIds: string[] }[]
    >("/api/regions?date=2026-06-01");
    expect(body.map((r) => r.code)).toEqual(["1081", "1082", "1083", "1084", "1085"]);
    expect(body.find((r) => r.code === "1082")?.committee.verified).toBe(true);
    expect(body.find((r) => r.code === "1084")?.committee.verified).toBe(false);
    expect(body.flatMap((r) => r.bodyIds)).toHaveLength(22);
  });

  it("lists 22 bodies, each municipality primary exactly once, København partial in Syd", async () => {
    const { body } = await get<Body[]>("/api/bodies?date=2026-06-01");
    expect(body).toHaveLength(22);
    const primaries = body.flatMap((c) => c.municipalityCodes);
    expect(primaries).toHaveLength(98);
    expect(new Set(primaries).size).toBe(98);
    expect(body.find((c) => c.id === "hovedstaden-syd")?.partialMunicipalityCodes).toEqual(["101"]);
    expect(body.find((c) => c.id === "naestved-slagelse")?.verified).toBe(false);
    const aalborg = body.filter((c) =>
      c.acuteHospitals.some((h) => h.name === "Aalborg Universitetshospital"),
    );
    expect(aalborg.map((c) => c.id).sort()).toEqual(["nordjylland-midt", "nordjylland-syd"]);
  });

  it("shows one body with its municipalities and hospitals", async () => {
    const { status, body } = await get<{
      municipalities: { code: string; membership: string }[];
      hospitals: { id: string }[];
      region: { code: string };
    }>("/api/bodies/naestved-slagelse?date=2026-06-01");
    expect(status).toBe(200);
    expect(body.municipalities.map((m) => m.code)).toEqual(["329", "330", "340", "370"]);
    expect(body.hospitals.map((h) => h.id)).toEqual(["slagelse-sygehus"]);
    expect(body.region.code).toBe("1085");
  });

  it("shares Aalborg Universitetshospital between Klynge Midt and Klynge Syd", async () => {
    type Detail = { municipalities: { code: string }[]; hospitals: { id: string; name: string }[] };
    const midt = await get<Detail>("/api/bodies/nordjylland-midt?date=2026-06-01");
    const syd = await get<Detail>("/api/bodies/nordjylland-syd?date=2026-06-01");
    expect(midt.body.municipalities.map((m) => m.code)).toEqual(["849", "851"]);
    expect(syd.body.municipalities.map((m) => m.code)).toEqual(["820", "840", "846"]);
    expect(midt.body.hospitals.map((h) => h.name)).toEqual(["Aalborg Universitetshospital"]);
    expect(syd.body.hospitals).toEqual(midt.body.hospitals);
  });

  it("answers an unknown body with a 404 problem", async () => {
    const { status, body, type } = await get<{ code: string }>("/api/bodies/atlantis");
    expect(status).toBe(404);
    expect(type).toContain("application/problem+json");
    expect(body.code).toBe("TOV_ERR_NOT_FOUND");
  });

  it("answers a municipality's body today and on a date before the bodies existed", async () => {
    const today = await get<{ body: { id: string } | null; partialBodies: { id: string }[] }>(
      "/api/municipalities/101?date=2026-06-01",
    );
    expect(today.body.body?.id).toBe("hovedstaden-byen");
    expect(today.body.partialBodies.map((c) => c.id)).toEqual(["hovedstaden-syd"]);
    const before = await get<{ body: unknown }>("/api/municipalities/370?date=2022-06-30");
    expect(before.body.body).toBeNull();
  });

  it.each([
    ["/api/municipalities/1x1", "path", "code"],
    ["/api/municipalities/370?date=2022-13-01", "query", "date"],
    ["/api/municipalities/370?date=yesterday", "query", "date"],
    ["/api/bodies?date=2024-02-30", "query", "date"],
    ["/api/bodies/Not_An_Id", "path", "id"],
  ])("refuses %s with a 400 naming the parameter", async (url, where, field) => {
    const { status, body, type } = await get<{ errors: { in: string; field: string }[] }>(url);
    expect(status).toBe(400);
    expect(type).toContain("application/problem+json");
    expect(body.errors[0]).toMatchObject({ in: where, field });
  });

  it("lists 98 municipalities and serves the map geometry", async () => {
    const list = await get<{ code: string }[]>("/api/municipalities");
    expect(list.body).toHaveLength(98);
    const bodies = await get<Body[]>("/api/bodies?date=2026-06-01");
    // Every municipality is the primary member of exactly one body.
    expect(bodies.body.flatMap((c) => c.municipalityCodes).sort()).toEqual(
      list.body.map((m) => m.code).sort(),
    );
    const geo = await get<{ features: unknown[] }>("/api/geo/municipalities");
    expect(geo.type).toContain("application/geo+json");
    expect(geo.body.features).toHaveLength(99);
  });

  it("lists every hospital in the structure, for the organisation register", async () => {
    type Hospital = { id: string; acute: boolean; regionCode: string };
    const hospitals = await get<Hospital[]>("/api/hospitals?date=2026-12-31");
    const slagelse = hospitals.body.find((h) => h.id === "slagelse-sygehus");
    expect(slagelse).toMatchObject({ acute: true, regionCode: "1085" });
    expect(hospitals.body.length).toBeGreaterThan(20);
    // The hospital keeps its identity; from 2027 it lies in Region Østdanmark.
    const later = await get<Hospital[]>("/api/hospitals?date=2027-01-02");
    expect(later.body.find((h) => h.id === "slagelse-sygehus")).toMatchObject({
      acute: true,
      regionCode: "oestdanmark",
    });
    expect(later.body.map((h) => h.id).sort()).toEqual(hospitals.body.map((h) => h.id).sort());
  });
});

type Municipality = {
  region: { code: string; name: string; codeVerified: boolean };
  body: { id: string; kind: string; name: string } | null;
  bodyHistory: {
    id: string;
    kind: string;
    name: string;
    validFrom: string;
    validTo: string | null;
  }[];
};

describe("the structure API across 1 January 2027", () => {
  it("answers Høje-Taastrup's cluster on 31 December and its council on 2 January", async () => {
    const before = await get<Municipality>("/api/municipalities/163?date=2026-12-31");
    expect(before.body.body).toMatchObject({ kind: "sundhedsklynge", name: "Sundhedsklynge Midt" });
    expect(before.body.region).toMatchObject({ code: "1084", name: "Region Hovedstaden" });
    const after = await get<Municipality>("/api/municipalities/163?date=2027-01-02");
    expect(after.body.body).toMatchObject({
      kind: "sundhedsraad",
      name: "Sundhedsråd Københavns Omegn Nord",
    });
    // The merged region's code was not found: its id says so instead of guessing one.
    expect(after.body.region).toEqual({
      code: "oestdanmark",
      name: "Region Østdanmark",
      codeVerified: false,
    });
    expect(after.body.bodyHistory.map((h) => [h.kind, h.validFrom, h.validTo])).toEqual([
      ["sundhedsklynge", "2022-07-01", "2027-01-01"],
      ["sundhedsraad", "2027-01-01", null],
    ]);
  });

  it("lists 17 councils and no clusters from 2027, and 22 clusters and no councils before", async () => {
    const councils = await get<Body[]>("/api/health-councils?date=2027-01-02");
    expect(councils.body).toHaveLength(17);
    expect(new Set(councils.body.flatMap((c) => c.municipalityCodes)).size).toBe(98);
    expect((await get<Body[]>("/api/clusters?date=2027-01-02")).body).toEqual([]);
    expect((await get<Body[]>("/api/clusters?date=2026-12-31")).body).toHaveLength(22);
    expect((await get<Body[]>("/api/health-councils?date=2026-12-31")).body).toEqual([]);
    expect((await get<Body[]>("/api/bodies?date=2027-01-01")).body).toHaveLength(17);
  });

  it("lists 4 regions from 2027, without committees, and 5 with committees before", async () => {
    type Region = { code: string; codeVerified: boolean; committee: unknown; bodyIds: string[] };
    const after = await get<Region[]>("/api/regions?date=2027-01-02");
    expect(after.body.map((r) => r.code)).toEqual(["1081", "1082", "1083", "oestdanmark"]);
    expect(after.body.every((r) => r.committee === null)).toBe(true);
    expect(after.body.find((r) => r.code === "oestdanmark")?.codeVerified).toBe(false);
    expect(after.body.flatMap((r) => r.bodyIds)).toHaveLength(17);
    const before = await get<Region[]>("/api/regions?date=2026-12-31");
    expect(before.body).toHaveLength(5);
    expect(before.body.every((r) => r.committee !== null)).toBe(true);
  });

  it("keeps every unverified fact visible: Bornholm's and Billund's councils, the hospitals", async () => {
    type Detail = Body & {
      verification: Record<string, boolean>;
      predecessors: { id: string; kind: string }[];
      successors: { id: string; kind: string }[];
      notes: string | null;
    };
    const councils = await get<Detail[]>("/api/health-councils?date=2027-01-02");
    const of = (code: string) => councils.body.find((c) => c.municipalityCodes.includes(code));
    expect(of("400")).toMatchObject({ verified: false, verification: { membership: false } });
    expect(of("530")).toMatchObject({ verified: false, verification: { membership: false } });
    expect(councils.body.every((c) => c.verification.acuteHospitals === false)).toBe(true);
    const fyn = await get<Detail>("/api/health-councils/sundhedsraad-fyn?date=2027-01-02");
    expect(fyn.body).toMatchObject({ verified: true, kind: "sundhedsraad" });
    // Middelfart came from the cluster Lillebælt, the rest from the cluster Fyn.
    expect(fyn.body.predecessors.map((p) => p.id).sort()).toEqual(["fyn", "lillebaelt"]);
    // Each neighbour in time says its kind, so a page can link to it without guessing.
    expect(new Set(fyn.body.predecessors.map((p) => p.kind))).toEqual(new Set(["sundhedsklynge"]));
    // The cluster Fyn is its own body, ended, not rewritten as the council.
    const cluster = await get<Detail>("/api/clusters/fyn?date=2026-12-31");
    expect(cluster.body).toMatchObject({ kind: "sundhedsklynge", name: "Sundhedsklynge Fyn" });
    expect((await get<unknown>("/api/health-councils/fyn?date=2027-01-02")).status).toBe(404);
    expect(cluster.body.successors).toEqual([
      expect.objectContaining({ id: "sundhedsraad-fyn", kind: "sundhedsraad" }),
    ]);
    // The two councils whose membership of one municipality no second source confirms say which.
    const hovedstaden = "/api/health-councils/sundhedsraad-hovedstaden?date=2027-01-02";
    expect((await get<Detail>(hovedstaden)).body.notes).toContain("Bornholm (400)");
    const lillebaelt = "/api/health-councils/sundhedsraad-lillebaelt?date=2027-01-02";
    expect((await get<Detail>(lillebaelt)).body.notes).toContain("Billund (530)");
  });
});

describe("the structure API's today, by the app's clock", () => {
  async function appAt(iso: string): Promise<App> {
    return createApp(database, { clock: clockFrom(iso) });
  }

  it("says which date it answers for when none is given", async () => {
    const late = await appAt("2026-12-31T23:30:00Z");
    try {
      // 23:30 UTC is already 1 January in Denmark.
      const res = await late.inject({ url: "/api/structure/today" });
      expect(res.json()).toEqual({ date: "2027-01-01" });
    } finally {
      await late.close();
    }
  });

  it("shows an ended cluster, or a council not yet begun, on its nearest day", async () => {
    const march = await appAt("2027-03-01T12:00:00Z");
    const december = await appAt("2026-12-03T12:00:00Z");
    try {
      const cluster = (await march.inject({ url: "/api/bodies/naestved-slagelse" })).json();
      expect(cluster).toMatchObject({ date: "2026-12-31", validTo: "2027-01-01" });
      expect(cluster.municipalityCodes).toEqual(["329", "330", "340", "370"]);
      const council = (
        await december.inject({ url: "/api/health-councils/sundhedsraad-fyn" })
      ).json();
      expect(council).toMatchObject({ date: "2027-01-01", kind: "sundhedsraad" });
      expect(council.municipalityCodes).toHaveLength(10);
      // A date asked for is kept: the cluster did not exist on it.
      const asked = await march.inject({ url: "/api/bodies/naestved-slagelse?date=2027-03-01" });
      expect(asked.statusCode).toBe(404);
    } finally {
      await march.close();
      await december.close();
    }
  });
});
