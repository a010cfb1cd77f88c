import type { Database } from "../platform/db/database.ts";
import { notFound } from "../platform/http/errors.ts";
import * as store from "./store.ts";
import { findLineage, findUnitBySor, findUnitsBySor } from "./units-store.ts";

export type { NewOrganisation } from "./store.ts";

/**
 * The organisation register: the structure's own bodies (regions,
 * municipalities, hospitals, body secretariats) and the units below them
 * (departments, municipal units, general practices).
 */
export function createOrganisationService(db: Database) {
  return {
    /** The registered unit a SOR code names; `tx` lets the message ingest read inside its transaction. */
    unitBySor: (sorCode: string, tx: Database = db) => findUnitBySor(tx, sorCode),
    unitsBySor: (sorCodes: string[], tx: Database = db) => findUnitsBySor(tx, sorCodes),
    /** These organisations and every one above them, with parent and SOR code (the message sender check). */
    lineage: (organisationIds: string[], tx: Database = db) => findLineage(tx, organisationIds),

    /** Finds or creates an organisation by kind and name; the demo and tests build on it. */
    async ensure(o: store.NewOrganisation) {
      return (
        (await store.findOrganisationBy(db, o.kind, o.name)) ?? store.insertOrganisation(db, o)
      );
    },

    async structural(key: Parameters<typeof store.structuralOrganisation>[1]) {
      const organisation = await store.structuralOrganisation(db, key);
      if (!organisation)
        throw notFound("organisation", `The ${key.kind} organisation was not found`);
      return organisation;
    },

    /** A general practice and its organisation row, found or created by provider number. */
    async ensureGeneralPractice(p: {
      providerNumber: string;
      name: string;
      municipalityCode: string;
    }) {
      const practice = await store.upsertGeneralPractice(db, { ...p, sorCode: null });
      const existing = await store.structuralOrganisation(db, {
        kind: "general_practice",
        generalPracticeId: practice.id,
      });
      const organisation =
        existing ??
        (await store.insertOrganisation(db, {
          kind: "general_practice",
          name: p.name,
          municipalityCode: p.municipalityCode,
          generalPracticeId: practice.id,
        }));
      return { practiceId: practice.id, organisationId: organisation.id };
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
