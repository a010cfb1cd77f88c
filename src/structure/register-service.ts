import type { Database } from "../platform/db/database.ts";
import { AppError, type FieldError, invalidFields } from "../platform/http/errors.ts";
import {
  lineErrors,
  type NewUnit,
  type RowError,
  unitTypeOf,
  validateUnits,
} from "./register-model.ts";
import * as structureStore from "./store.ts";
import * as store from "./units-store.ts";

/**
 * The organisation register's use cases: administrators add SOR-coded units
 * one by one or import a file of them. A file is all or nothing: every row is
 * checked first, and nothing is written if one is wrong.
 */

const field = (reason: string, key: string, name = "sorCode"): FieldError => ({
  in: "body",
  field: name,
  reason,
  i18n: { key },
});

/** Adds one unit inside `tx`; returns what a problem would say, or the new organisation id. */
async function addIn(
  tx: Database,
  u: NewUnit,
): Promise<{ id: string } | { error: ReturnType<typeof field> }> {
  const base = {
    name: u.name,
    sorCode: u.sorCode,
    gln: u.gln ?? null,
    unitType: unitTypeOf(u),
    synthetic: u.synthetic ?? false,
  };
  if (u.kind === "hospital_department") {
    const parent = await store.parentOf(tx, { hospitalId: u.hospitalId ?? "" });
    if (!parent)
      return {
        error: field(
          `names no hospital in the structure: ${u.hospitalId}`,
          "structure.register.noHospital",
          "hospitalId",
        ),
      };
    return store.insertUnit(tx, {
      ...base,
      kind: u.kind,
      hospitalId: u.hospitalId ?? null,
      municipalityCode: null,
      generalPracticeId: null,
      regionCode: parent.regionCode,
      parentId: parent.id,
    });
  }
  const parent = await store.parentOf(tx, { municipalityCode: u.municipalityCode ?? "" });
  if (!parent)
    return {
      error: field(
        `names no municipality: ${u.municipalityCode}`,
        "structure.register.noMunicipality",
        "municipalityCode",
      ),
    };
  if (u.kind === "municipal_unit") {
    return store.insertUnit(tx, {
      ...base,
      kind: u.kind,
      hospitalId: null,
      municipalityCode: u.municipalityCode ?? null,
      generalPracticeId: null,
      regionCode: parent.regionCode,
      parentId: parent.id,
    });
  }
  const practice = await structureStore.upsertGeneralPractice(tx, {
    providerNumber: u.providerNumber ?? "",
    name: u.name,
    municipalityCode: u.municipalityCode ?? "",
    sorCode: u.sorCode,
  });
  const updated = await store.setPracticeCodes(tx, practice.id, {
    name: base.name,
    sorCode: base.sorCode,
    gln: base.gln,
    synthetic: base.synthetic,
  });
  return (
    updated ??
    store.insertUnit(tx, {
      ...base,
      kind: "general_practice",
      hospitalId: null,
      municipalityCode: u.municipalityCode ?? null,
      generalPracticeId: practice.id,
      regionCode: parent.regionCode,
      parentId: parent.id,
    })
  );
}

export function createRegisterService(db: Database) {
  return {
    async add(u: NewUnit) {
      return db.transaction().execute(async (tx) => {
        if (await store.findUnitBySor(tx, u.sorCode)) {
          throw new AppError(
            "TOV_ERR_CONFLICT",
            `SOR ${u.sorCode} is already registered`,
            [field("is already registered", "structure.register.sorTaken")],
            { key: "structure.register.sorTaken" },
          );
        }
        const added = await addIn(tx, u);
        if ("error" in added) throw invalidFields("The unit is not valid", [added.error]);
        const unit = await store.findUnitBySor(tx, u.sorCode);
        if (!unit) throw new Error("A unit just added is missing");
        return unit;
      });
    },

    /** Imports validated rows: new SOR codes are added, known ones get their name and GLN updated. */
    async import(rows: { line: number; data: unknown }[]) {
      const { units, errors } = validateUnits(rows);
      if (errors.length > 0) throw invalidFile(errors);
      return db.transaction().execute(async (tx) => {
        const summary = { added: 0, updated: 0, unchanged: 0 };
        const refused: RowError[] = [];
        for (const u of units) {
          const existing = await store.findUnitBySor(tx, u.sorCode);
          if (!existing) {
            const added = await addIn(tx, u);
            if ("error" in added) refused.push({ ...added.error, in: "file", line: u.line });
            else summary.added += 1;
            continue;
          }
          if (existing.kind !== u.kind) {
            refused.push({
              line: u.line,
              in: "file",
              field: "sorCode",
              reason: `is already registered as a ${existing.kind}`,
            });
            continue;
          }
          const details = { name: u.name, gln: u.gln ?? null, unitType: unitTypeOf(u) };
          if (
            existing.name === details.name &&
            existing.gln === details.gln &&
            existing.unitType === details.unitType
          ) {
            summary.unchanged += 1;
          } else {
            await store.updateUnitDetails(tx, u.sorCode, details);
            summary.updated += 1;
          }
        }
        // Rolling back keeps the promise: a file is imported whole or not at all.
        if (refused.length > 0) throw invalidFile(refused);
        return summary;
      });
    },

    list: (f: store.UnitFilter) => store.listUnits(db, f),

    markSyntheticPractices: () => store.markSyntheticPractices(db),
  };
}

function invalidFile(errors: RowError[]) {
  return new AppError(
    "TOV_ERR_VALIDATION",
    `The file has ${errors.length} problem(s); nothing was imported`,
    lineErrors(errors),
    { key: "structure.register.fileProblems", values: { count: errors.length } },
  );
}

export type RegisterService = ReturnType<typeof createRegisterService>;
