import type { Database } from "../platform/db/database.ts";
import { notFound } from "../platform/http/errors.ts";
import {
  type BodyKind,
  type BodyResolution,
  danishDate,
  isValidOn,
  resolveBody as resolveFrom,
} from "./model.ts";
import * as store from "./store.ts";
import { successionMapping } from "./succession.ts";
import { nearestValidDate } from "./validity.ts";

export { type LoadResult, loadStructure, parseStructureFile } from "./load.ts";

export { danishDate } from "./model.ts";

/** Today's date in Denmark, "YYYY-MM-DD": the structure changes at Danish midnight. */
export function danishToday(now = new Date()): string {
  return danishDate(now);
}

export type * from "./views.ts";

import type {
  BodyDetail,
  BodySummary,
  BodyTimelines,
  DatedBodyRef,
  MunicipalityListItem,
  MunicipalityView,
  RegionView,
} from "./views.ts";

export function createStructureService(db: Database) {
  async function bodySummaries(date: string): Promise<BodySummary[]> {
    const [bodies, memberships, hospitals] = await Promise.all([
      store.bodiesValidOn(db, date),
      store.membershipsValidOn(db, date),
      store.hospitalsValidOn(db, date),
    ]);
    return bodies.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      regionCode: c.regionCode,
      verified: c.verified,
      verification: c.verification,
      aliases: c.aliases,
      acuteHospitals: hospitals
        .filter((h) => h.bodyId === c.id)
        .map((h) => ({ id: h.id, name: h.name, sorCode: h.sorCode })),
      municipalityCodes: memberships
        .filter((m) => m.bodyId === c.id && m.kind === "primary")
        .map((m) => m.municipalityCode),
      partialMunicipalityCodes: memberships
        .filter((m) => m.bodyId === c.id && m.kind === "partial")
        .map((m) => m.municipalityCode),
      validFrom: c.validFrom,
      validTo: c.validTo,
    }));
  }

  return {
    async listRegions(date: string): Promise<RegionView[]> {
      const [regions, committees, bodies] = await Promise.all([
        store.regionsValidOn(db, date),
        store.committeesValidOn(db, date),
        store.bodiesValidOn(db, date),
      ]);
      return regions.map((r) => {
        const committee = committees.find((c) => c.regionCode === r.code);
        return {
          code: r.code,
          name: r.name,
          codeVerified: r.codeVerified,
          seat: r.seat,
          validFrom: r.validFrom,
          validTo: r.validTo,
          committee: committee ? { name: committee.name, verified: committee.verified } : null,
          bodyIds: bodies.filter((c) => c.regionCode === r.code).map((c) => c.id),
        };
      });
    },

    /** The bodies on a date, all of them or those of one kind. */
    async listBodies(date: string, kind?: BodyKind): Promise<BodySummary[]> {
      const all = await bodySummaries(date);
      return kind ? all.filter((b) => b.kind === kind) : all;
    },

    /** The structure versions loaded: the dates on which the structure changed. */
    async versions() {
      const rows = await store.versions(db);
      return rows.map((v) => ({ asOf: v.asOf, summary: v.summary }));
    },

    /** Every hospital, with its region on the date: the region of a body it serves then. */
    async listHospitals(date: string) {
      const [hospitals, links, bodies] = await Promise.all([
        store.listHospitals(db),
        store.hospitalsValidOn(db, date),
        store.bodiesValidOn(db, date),
      ]);
      const bodyRegion = new Map(bodies.map((b) => [b.id, b.regionCode]));
      const regionOf = new Map(links.map((l) => [l.id, bodyRegion.get(l.bodyId)]));
      return hospitals.map((h) => ({ ...h, regionCode: regionOf.get(h.id) ?? h.regionCode }));
    },

    /**
     * The organisations that receive a discharge's handovers (by municipality
     * code and practice id), and `bodyOf`: the body that holds a municipality
     * on a date. A handover is placed under the body of its discharge's date.
     */
    async handoverParties(tx: Database, municipalityCodes: string[], practiceIds: string[]) {
      const found = await store.handoverParties(tx, municipalityCodes, practiceIds);
      return {
        municipality: new Map(
          found.municipalities.map((m) => [
            m.municipalityCode ?? "",
            { organisationId: m.id, name: m.name, municipalityCode: m.municipalityCode ?? "" },
          ]),
        ),
        practice: new Map(
          found.practices.map((p) => [
            p.generalPracticeId ?? "",
            { organisationId: p.id, name: p.name, municipalityCode: p.municipalityCode },
          ]),
        ),
        bodyOf: (municipalityCode: string, date: string): string | null =>
          found.bodies.find((b) => b.municipalityCode === municipalityCode && isValidOn(b, date))
            ?.bodyId ?? null,
      };
    },

    /**
     * The bodies of these municipalities and hospitals over time, read once, so
     * that each of many events (stays, handovers) is placed under the body of its
     * own date: a December stay under the cluster, a January one under the council.
     */
    async bodyTimelines(
      places: { municipalityCodes: string[]; hospitalIds: string[] },
      tx: Database = db,
    ): Promise<BodyTimelines> {
      const [municipalities, hospitals] = await Promise.all([
        store.bodyPeriodsOfMunicipalities(tx, places.municipalityCodes),
        store.bodyPeriodsOfHospitals(tx, places.hospitalIds),
      ]);
      const ref = (b: (typeof municipalities)[number] | (typeof hospitals)[number]) => ({
        id: b.id,
        kind: b.kind,
        name: b.name,
        verified: b.verified,
        validTo: b.bodyValidTo,
      });
      return {
        ofMunicipality(code, date) {
          const found = municipalities.find(
            (m) => m.municipalityCode === code && isValidOn(m, date),
          );
          return found ? ref(found) : null;
        },
        ofHospital: (hospitalId, date) =>
          hospitals.filter((h) => h.hospitalId === hospitalId && isValidOn(h, date)).map(ref),
      };
    },

    /**
     * One body on a date. With `nearest`, a date outside the body's life is
     * moved to its nearest day, so that a page about an ended cluster (or a
     * council that has not started yet) shows it as it was (or will be) when
     * no date was asked for.
     */
    async getBody(
      id: string,
      askedDate: string,
      kind?: BodyKind,
      { nearest = false }: { nearest?: boolean } = {},
    ): Promise<BodyDetail> {
      const row = await store.findBody(db, id);
      if (!row || (kind && row.kind !== kind)) throw notFound("body", `Body "${id}" was not found`);
      const date = nearest ? nearestValidDate(askedDate, row.validFrom, row.validTo) : askedDate;
      const summary = (await bodySummaries(date)).find((c) => c.id === id);
      if (!summary) throw notFound("body", `Body "${id}" on ${date} was not found`);
      const [region, committees, municipalities, hospitals, links] = await Promise.all([
        store.findRegion(db, row.regionCode),
        store.committeesValidOn(db, date),
        store.listMunicipalities(db),
        store.hospitalsValidOn(db, date),
        store.successionsOfBody(db, id),
      ]);
      const committee = committees.find((c) => c.regionCode === row.regionCode);
      const others = new Map(
        (
          await store.bodiesByIds(
            db,
            links.flatMap((l) => [l.fromBodyId, l.toBodyId]),
          )
        ).map((b) => [b.id, b] as const),
      );
      const linked = (own: "fromBodyId" | "toBodyId", other: "fromBodyId" | "toBodyId") => {
        const groups = new Map<string, string[]>();
        for (const l of links.filter((l) => l[own] === id)) {
          groups.set(l[other], [...(groups.get(l[other]) ?? []), l.municipalityCode]);
        }
        return [...groups].map(([otherId, codes]) => ({
          id: otherId,
          kind: others.get(otherId)?.kind ?? row.kind,
          name: others.get(otherId)?.name ?? otherId,
          municipalityCodes: codes.sort(),
        }));
      };
      const membershipOf = (code: string) =>
        summary.municipalityCodes.includes(code)
          ? ("primary" as const)
          : summary.partialMunicipalityCodes.includes(code)
            ? ("partial" as const)
            : null;
      return {
        ...summary,
        date,
        region: {
          code: row.regionCode,
          name: region?.name ?? row.regionCode,
          codeVerified: region?.codeVerified ?? false,
          committee: committee ? { name: committee.name, verified: committee.verified } : null,
        },
        predecessors: linked("toBodyId", "fromBodyId"),
        successors: linked("fromBodyId", "toBodyId"),
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
          .filter((h) => h.bodyId === id)
          .map((h) => ({ id: h.id, name: h.name, sorCode: h.sorCode, acute: h.acute })),
        sources: row.sources,
        notes: row.notes,
      };
    },

    async listMunicipalities(date: string): Promise<MunicipalityListItem[]> {
      const [municipalities, memberships, bodies] = await Promise.all([
        store.listMunicipalities(db),
        store.membershipsValidOn(db, date),
        store.bodiesValidOn(db, date),
      ]);
      const regionOf = new Map(bodies.map((b) => [b.id, b.regionCode]));
      return municipalities.map((m) => {
        const resolution = resolveFrom(memberships, m.code, date);
        return {
          code: m.code,
          name: m.name,
          regionCode: regionOf.get(resolution.primaryBodyId ?? "") ?? m.regionCode,
          population: m.population,
          bodyId: resolution.primaryBodyId,
          partialBodyIds: resolution.partialBodyIds,
        };
      });
    },

    async resolveBody(municipalityCode: string, date: string): Promise<BodyResolution> {
      const memberships = await store.membershipsOfMunicipality(db, municipalityCode);
      return resolveFrom(memberships, municipalityCode, date);
    },

    /** Bodies by id, whenever they were valid, as events name them. */
    async bodyRefs(ids: string[], tx: Database = db): Promise<Map<string, DatedBodyRef>> {
      const rows = await store.bodiesByIds(tx, ids);
      return new Map(
        rows.map((b) => [
          b.id,
          { id: b.id, kind: b.kind, name: b.name, verified: b.verified, validTo: b.validTo },
        ]),
      );
    },

    async getMunicipality(code: string, date: string): Promise<MunicipalityView> {
      const municipality = await store.findMunicipality(db, code);
      if (!municipality) throw notFound("municipality", `Municipality ${code} was not found`);
      const [resolution, history, regions] = await Promise.all([
        this.resolveBody(code, date),
        store.bodyPeriodsOfMunicipalities(db, [code]),
        store.listRegions(db),
      ]);
      const regionById = new Map(regions.map((r) => [r.code, r]));
      const partial = await store.bodiesByIds(db, resolution.partialBodyIds);
      const primary = history.find((h) => h.id === resolution.primaryBodyId);
      const regionCode = primary?.regionCode ?? municipality.regionCode;
      const region = regionById.get(regionCode);
      return {
        code: municipality.code,
        name: municipality.name,
        region: {
          code: regionCode,
          name: region?.name ?? regionCode,
          codeVerified: region?.codeVerified ?? false,
        },
        population: municipality.population,
        populationYear: municipality.populationYear,
        date,
        body: primary
          ? { id: primary.id, kind: primary.kind, name: primary.name, verified: primary.verified }
          : null,
        partialBodies: resolution.partialBodyIds.map((id) => ({
          id,
          name: partial.find((b) => b.id === id)?.name ?? id,
        })),
        bodyHistory: history.map((h) => ({
          id: h.id,
          kind: h.kind,
          name: h.name,
          verified: h.verified,
          regionCode: h.regionCode,
          regionName: regionById.get(h.regionCode)?.name ?? h.regionCode,
          validFrom: h.validFrom,
          validTo: h.validTo,
        })),
      };
    },

    counts: () => store.counts(db),

    /** The dates on or before `date` on which municipalities changed body, oldest first. */
    changeDatesUpTo: (tx: Database, date: string) => store.successionDatesUpTo(tx, date),

    /**
     * The documented mapping of the change on `date`, weighted by population
     * (model.ts `successionMapping`): each new body's predecessors and each
     * ended body's successors, largest share first, with every body named.
     */
    async changeOn(tx: Database, date: string) {
      const [successions, municipalities] = await Promise.all([
        store.successionsOn(tx, date),
        store.listMunicipalities(tx),
      ]);
      const population = new Map(municipalities.map((m) => [m.code, m.population]));
      const mapping = successionMapping(successions, (code) => population.get(code) ?? null);
      const bodies = await store.bodiesByIds(
        tx,
        successions.flatMap((s) => [s.fromBodyId, s.toBodyId]),
      );
      return {
        ...mapping,
        bodies: new Map(
          bodies.map((b) => [
            b.id,
            { id: b.id, kind: b.kind, name: b.name, validFrom: b.validFrom, validTo: b.validTo },
          ]),
        ),
      };
    },

    /** The secretariat organisation of each of these bodies, ended or not. */
    async secretariatsOf(tx: Database, bodyIds: string[]) {
      const rows = await store.secretariatsOf(tx, bodyIds);
      return new Map(
        rows.flatMap((r) =>
          r.bodyId ? [[r.bodyId, { id: r.id, name: r.name, validTo: r.validTo }] as const] : [],
        ),
      );
    },
  };
}

export type StructureService = ReturnType<typeof createStructureService>;
