import type { Database } from "../platform/db/database.ts";
import type { OrganisationUnitType } from "../platform/db/schema.ts";

/**
 * Synthetic SOR-coded units for Klyngen Næstved/Slagelse. Real SOR codes for
 * these units could not be verified (data/SOURCES.md), so the demo and tests
 * use made-up codes in a range SOR does not use (9999…), marked synthetic.
 */
export const DEMO_UNITS = {
  slagelseMedical: {
    kind: "hospital_department",
    unitType: "hospital_department",
    name: "Slagelse Sygehus, Medicinsk Afdeling",
    sorCode: "999999999000011",
    gln: "5799990000019",
    hospitalId: "slagelse-sygehus",
    regionCode: "1085",
  },
  naestvedHomeNursing: {
    kind: "municipal_unit",
    unitType: "home_nursing",
    name: "Næstved Kommune, Hjemmesygeplejen",
    sorCode: "999999999000029",
    gln: "5799990000026",
    municipalityCode: "370",
    regionCode: "1085",
  },
  slagelseVisitation: {
    kind: "municipal_unit",
    unitType: "visitation",
    name: "Slagelse Kommune, Visitationen",
    sorCode: "999999999000037",
    gln: "5799990000033",
    municipalityCode: "330",
    regionCode: "1085",
  },
} as const satisfies Record<
  string,
  {
    kind: "hospital_department" | "municipal_unit";
    unitType: OrganisationUnitType;
    name: string;
    sorCode: string;
    gln: string;
    hospitalId?: string;
    municipalityCode?: string;
    regionCode: string;
  }
>;

/** Registers the demo units (idempotent); returns their organisation ids by key. */
export async function ensureDemoUnits(db: Database) {
  const ids: Record<string, string> = {};
  for (const [key, unit] of Object.entries(DEMO_UNITS)) {
    const parent = await db
      .selectFrom("organisation")
      .select("id")
      .where("kind", "=", "hospitalId" in unit ? "hospital" : "municipality")
      .where((eb) =>
        "hospitalId" in unit
          ? eb("hospitalId", "=", unit.hospitalId)
          : eb("municipalityCode", "=", unit.municipalityCode),
      )
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto("organisation")
      .values({
        kind: unit.kind,
        unitType: unit.unitType,
        name: unit.name,
        sorCode: unit.sorCode,
        gln: unit.gln,
        hospitalId: "hospitalId" in unit ? unit.hospitalId : null,
        municipalityCode: "municipalityCode" in unit ? unit.municipalityCode : null,
        regionCode: unit.regionCode,
        generalPracticeId: null,
        bodyId: null,
        parentId: parent.id,
        synthetic: true,
      })
      .onConflict((oc) => oc.column("sorCode").doUpdateSet({ name: unit.name }))
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  }
  return ids as Record<keyof typeof DEMO_UNITS, string>;
}
