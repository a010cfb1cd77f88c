import type { Database } from "../platform/db/database.ts";
import { notFound } from "../platform/http/errors.ts";
import { type ClusterResolution, resolveCluster as resolveFrom } from "./model.ts";
import * as store from "./store.ts";

export { type LoadResult, loadStructure, parseStructureFile } from "./load.ts";

/** Today's date in Denmark, "YYYY-MM-DD": the structure changes at Danish midnight. */
export function danishToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(now);
}

type Committee = { name: string; verified: boolean };

export type RegionView = { code: string; name: string; committee: Committee; clusterIds: string[] };

export type HospitalRef = { id: string; name: string; sorCode: string | null };

export type ClusterSummary = {
  id: string;
  name: string;
  regionCode: string;
  verified: boolean;
  verification: Record<string, boolean>;
  aliases: string[];
  acuteHospitals: HospitalRef[];
  municipalityCodes: string[];
  partialMunicipalityCodes: string[];
  validFrom: string;
  validTo: string | null;
};

export type ClusterDetail = ClusterSummary & {
  region: { code: string; name: string; committee: Committee };
  municipalities: {
    code: string;
    name: string;
    population: number | null;
    populationYear: number | null;
    membership: "primary" | "partial";
  }[];
  hospitals: (HospitalRef & { acute: boolean })[];
  sources: string[];
  notes: string | null;
};

export type MunicipalityView = {
  code: string;
  name: string;
  region: { code: string; name: string };
  population: number | null;
  populationYear: number | null;
  date: string;
  cluster: { id: string; name: string; verified: boolean } | null;
  partialClusters: { id: string; name: string }[];
};

export type MunicipalityListItem = {
  code: string;
  name: string;
  regionCode: string;
  population: number | null;
  clusterId: string | null;
  partialClusterIds: string[];
};

export function createStructureService(db: Database) {
  async function clusterSummaries(date: string): Promise<ClusterSummary[]> {
    const [clusters, memberships, hospitals] = await Promise.all([
      store.clustersValidOn(db, date),
      store.membershipsValidOn(db, date),
      store.hospitalsValidOn(db, date),
    ]);
    return clusters.map((c) => ({
      id: c.id,
      name: c.name,
      regionCode: c.regionCode,
      verified: c.verified,
      verification: c.verification,
      aliases: c.aliases,
      acuteHospitals: hospitals
        .filter((h) => h.clusterId === c.id)
        .map((h) => ({ id: h.id, name: h.name, sorCode: h.sorCode })),
      municipalityCodes: memberships
        .filter((m) => m.clusterId === c.id && m.kind === "primary")
        .map((m) => m.municipalityCode),
      partialMunicipalityCodes: memberships
        .filter((m) => m.clusterId === c.id && m.kind === "partial")
        .map((m) => m.municipalityCode),
      validFrom: c.validFrom,
      validTo: c.validTo,
    }));
  }

  return {
    async listRegions(date: string): Promise<RegionView[]> {
      const [regions, clusters] = await Promise.all([
        store.listRegions(db),
        store.clustersValidOn(db, date),
      ]);
      return regions.map((r) => ({
        code: r.code,
        name: r.name,
        committee: { name: r.committeeName, verified: r.committeeVerified },
        clusterIds: clusters.filter((c) => c.regionCode === r.code).map((c) => c.id),
      }));
    },

    listClusters: clusterSummaries,

    listHospitals: () => store.listHospitals(db),

    /**
     * The organisations that receive a discharge's handovers (by municipality
     * code and practice id) and the cluster each belongs to today.
     */
    async handoverParties(
      tx: Database,
      municipalityCodes: string[],
      practiceIds: string[],
      date: string,
    ) {
      const found = await store.handoverParties(tx, municipalityCodes, practiceIds, date);
      const clusterOf = new Map(found.clusters.map((c) => [c.municipalityCode, c.clusterId]));
      return {
        municipality: new Map(
          found.municipalities.map((m) => [
            m.municipalityCode ?? "",
            {
              organisationId: m.id,
              name: m.name,
              clusterId: clusterOf.get(m.municipalityCode ?? "") ?? null,
            },
          ]),
        ),
        practice: new Map(
          found.practices.map((p) => [
            p.generalPracticeId ?? "",
            {
              organisationId: p.id,
              name: p.name,
              clusterId: clusterOf.get(p.municipalityCode) ?? null,
            },
          ]),
        ),
      };
    },

    async getCluster(id: string, date: string): Promise<ClusterDetail> {
      const row = await store.findCluster(db, id);
      if (!row) throw notFound("cluster", `Cluster "${id}" was not found`);
      const summary = (await clusterSummaries(date)).find((c) => c.id === id);
      if (!summary) throw notFound("cluster", `Cluster "${id}" on ${date} was not found`);
      const [region, municipalities, hospitals] = await Promise.all([
        store.findRegion(db, row.regionCode),
        store.listMunicipalities(db),
        store.hospitalsValidOn(db, date),
      ]);
      const membershipOf = (code: string) =>
        summary.municipalityCodes.includes(code)
          ? ("primary" as const)
          : summary.partialMunicipalityCodes.includes(code)
            ? ("partial" as const)
            : null;
      return {
        ...summary,
        region: {
          code: row.regionCode,
          name: region?.name ?? row.regionCode,
          committee: {
            name: region?.committeeName ?? "",
            verified: region?.committeeVerified ?? false,
          },
        },
        municipalities: municipalities.flatMap((m) => {
          const membership = membershipOf(m.code);
          return membership
            ? [
                {
                  code: m.code,
                  name: m.name,
                  population: m.population,
                  populationYear: m.populationYear,
                  membership,
                },
              ]
            : [];
        }),
        hospitals: hospitals
          .filter((h) => h.clusterId === id)
          .map((h) => ({ id: h.id, name: h.name, sorCode: h.sorCode, acute: h.acute })),
        sources: row.sources,
        notes: row.notes,
      };
    },

    async listMunicipalities(date: string): Promise<MunicipalityListItem[]> {
      const [municipalities, memberships] = await Promise.all([
        store.listMunicipalities(db),
        store.membershipsValidOn(db, date),
      ]);
      return municipalities.map((m) => {
        const resolution = resolveFrom(memberships, m.code, date);
        return {
          code: m.code,
          name: m.name,
          regionCode: m.regionCode,
          population: m.population,
          clusterId: resolution.primaryClusterId,
          partialClusterIds: resolution.partialClusterIds,
        };
      });
    },

    async resolveCluster(municipalityCode: string, date: string): Promise<ClusterResolution> {
      const memberships = await store.membershipsOfMunicipality(db, municipalityCode);
      return resolveFrom(memberships, municipalityCode, date);
    },

    /** The clusters a hospital serves on a date (Aalborg UH serves two). */
    clustersOfHospital: (hospitalId: string, date: string) =>
      store.clustersOfHospital(db, hospitalId, date),

    async getMunicipality(code: string, date: string): Promise<MunicipalityView> {
      const municipality = await store.findMunicipality(db, code);
      if (!municipality) throw notFound("municipality", `Municipality ${code} was not found`);
      const [region, resolution] = await Promise.all([
        store.findRegion(db, municipality.regionCode),
        this.resolveCluster(code, date),
      ]);
      const clusterIds = [resolution.primaryClusterId, ...resolution.partialClusterIds];
      const clusters = await Promise.all(
        clusterIds.flatMap((id) => (id ? [store.findCluster(db, id)] : [])),
      );
      const byId = new Map(clusters.flatMap((c) => (c ? [[c.id, c] as const] : [])));
      const primary = resolution.primaryClusterId ? byId.get(resolution.primaryClusterId) : null;
      return {
        code: municipality.code,
        name: municipality.name,
        region: { code: municipality.regionCode, name: region?.name ?? municipality.regionCode },
        population: municipality.population,
        populationYear: municipality.populationYear,
        date,
        cluster: primary
          ? { id: primary.id, name: primary.name, verified: primary.verified }
          : null,
        partialClusters: resolution.partialClusterIds.map((id) => ({
          id,
          name: byId.get(id)?.name ?? id,
        })),
      };
    },

    counts: () => store.counts(db),
  };
}

export type StructureService = ReturnType<typeof createStructureService>;
