import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/server.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import type { App } from "../../src/platform/http/app.ts";
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

type Cluster = {
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

describe("the structure API", () => {
  it("lists the five regions with their committees", async () => {
    const { body } =
      await get<{ code: string; committee: { verified: boolean }; clusterIds: string[] }[]>(
        "/api/regions",
      );
    expect(body.map((r) => r.code)).toEqual(["1081", "1082", "1083", "1084", "1085"]);
    expect(body.find((r) => r.code === "1082")?.committee.verified).toBe(true);
    expect(body.find((r) => r.code === "1084")?.committee.verified).toBe(false);
    expect(body.flatMap((r) => r.clusterIds)).toHaveLength(22);
  });

  it("lists 22 clusters, each municipality primary exactly once, København partial in Syd", async () => {
    const { body } = await get<Cluster[]>("/api/clusters");
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

  it("shows one cluster with its municipalities and hospitals", async () => {
    const { status, body } = await get<{
      municipalities: { code: string; membership: string }[];
      hospitals: { id: string }[];
      region: { code: string };
    }>("/api/clusters/naestved-slagelse");
    expect(status).toBe(200);
    expect(body.municipalities.map((m) => m.code)).toEqual(["329", "330", "340", "370"]);
    expect(body.hospitals.map((h) => h.id)).toEqual(["slagelse-sygehus"]);
    expect(body.region.code).toBe("1085");
  });

  it("shares Aalborg Universitetshospital between Klynge Midt and Klynge Syd", async () => {
    type Detail = { municipalities: { code: string }[]; hospitals: { id: string; name: string }[] };
    const midt = await get<Detail>("/api/clusters/nordjylland-midt");
    const syd = await get<Detail>("/api/clusters/nordjylland-syd");
    expect(midt.body.municipalities.map((m) => m.code)).toEqual(["849", "851"]);
    expect(syd.body.municipalities.map((m) => m.code)).toEqual(["820", "840", "846"]);
    expect(midt.body.hospitals.map((h) => h.name)).toEqual(["Aalborg Universitetshospital"]);
    expect(syd.body.hospitals).toEqual(midt.body.hospitals);
  });

  it("answers an unknown cluster with a 404 problem", async () => {
    const { status, body, type } = await get<{ code: string }>("/api/clusters/atlantis");
    expect(status).toBe(404);
    expect(type).toContain("application/problem+json");
    expect(body.code).toBe("TOV_ERR_NOT_FOUND");
  });

  it("answers a municipality's cluster today and on a date before the clusters existed", async () => {
    const today = await get<{ cluster: { id: string } | null; partialClusters: { id: string }[] }>(
      "/api/municipalities/101",
    );
    expect(today.body.cluster?.id).toBe("hovedstaden-byen");
    expect(today.body.partialClusters.map((c) => c.id)).toEqual(["hovedstaden-syd"]);
    const before = await get<{ cluster: unknown }>("/api/municipalities/370?date=2022-06-30");
    expect(before.body.cluster).toBeNull();
  });

  it.each([
    ["/api/municipalities/1x1", "path", "code"],
    ["/api/municipalities/370?date=2022-13-01", "query", "date"],
    ["/api/municipalities/370?date=yesterday", "query", "date"],
    ["/api/clusters?date=2024-02-30", "query", "date"],
    ["/api/clusters/Not_An_Id", "path", "id"],
  ])("refuses %s with a 400 naming the parameter", async (url, where, field) => {
    const { status, body, type } = await get<{ errors: { in: string; field: string }[] }>(url);
    expect(status).toBe(400);
    expect(type).toContain("application/problem+json");
    expect(body.errors[0]).toMatchObject({ in: where, field });
  });

  it("lists 98 municipalities and serves the map geometry", async () => {
    const list = await get<{ code: string }[]>("/api/municipalities");
    expect(list.body).toHaveLength(98);
    const clusters = await get<Cluster[]>("/api/clusters");
    // Every municipality is the primary member of exactly one cluster.
    expect(clusters.body.flatMap((c) => c.municipalityCodes).sort()).toEqual(
      list.body.map((m) => m.code).sort(),
    );
    const geo = await get<{ features: unknown[] }>("/api/geo/municipalities");
    expect(geo.type).toContain("application/geo+json");
    expect(geo.body.features).toHaveLength(99);
  });

  it("lists every hospital in the structure, for the organisation register", async () => {
    const hospitals =
      await get<{ id: string; acute: boolean; regionCode: string }[]>("/api/hospitals");
    const slagelse = hospitals.body.find((h) => h.id === "slagelse-sygehus");
    expect(slagelse).toMatchObject({ acute: true, regionCode: "1085" });
    expect(hospitals.body.length).toBeGreaterThan(20);
  });
});
