import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { Sector } from "./model.ts";

/**
 * The bodies' own handover rules (`handover_rule`, one per body and sector):
 * read, set by hand or by an agreement, carried over to a new body, confirmed.
 */

export async function bodyRules(db: Database, bodyIds: string[]) {
  if (bodyIds.length === 0) return [];
  return db
    .selectFrom("handoverRule")
    .select(["bodyId", "sector", "rule"])
    .where("bodyId", "in", bodyIds)
    .execute();
}

/**
 * Sets a body's own rule. The rule is then the body's own: whatever it was
 * carried over from, and whether that awaited confirmation, no longer applies.
 */
export async function saveRule(
  db: Database,
  r: {
    bodyId: string;
    sector: Sector;
    rule: unknown;
    updatedBy: string | null;
    /** The agreement whose adoption sets it (src/governance); absent when set by hand. */
    setByAgreement?: { id: string; version: number };
  },
) {
  const { setByAgreement, ...row } = r;
  await db
    .insertInto("handoverRule")
    .values({
      ...row,
      rule: JSON.stringify(r.rule),
      setByAgreementId: setByAgreement?.id ?? null,
      setByAgreementVersion: setByAgreement?.version ?? null,
    })
    .onConflict((oc) =>
      oc.columns(["bodyId", "sector"]).doUpdateSet((eb) => ({
        rule: eb.ref("excluded.rule"),
        updatedBy: eb.ref("excluded.updatedBy"),
        updatedAt: sql<Date>`now()`,
        carriedOverFrom: null,
        needsConfirmation: false,
        setByAgreementId: eb.ref("excluded.setByAgreementId"),
        setByAgreementVersion: eb.ref("excluded.setByAgreementVersion"),
      })),
    )
    .execute();
}

/** A body's rule rows with the body each was carried over from, for the rules page. */
export function ruleRows(db: Database, bodyId: string) {
  return db
    .selectFrom("handoverRule as r")
    .leftJoin("body as f", "f.id", "r.carriedOverFrom")
    .leftJoin("agreementVersion as av", (join) =>
      join
        .onRef("av.agreementId", "=", "r.setByAgreementId")
        .onRef("av.version", "=", "r.setByAgreementVersion"),
    )
    .select([
      "r.setByAgreementId",
      "r.setByAgreementVersion",
      "av.title as setByAgreementTitle",
      "r.sector",
      "r.rule",
      "r.needsConfirmation",
      "r.confirmedAt",
      "f.id as fromId",
      "f.name as fromName",
      "f.kind as fromKind",
      "f.validTo as fromEndedOn",
    ])
    .where("r.bodyId", "=", bodyId)
    .execute();
}

/**
 * A body's rules carried over from the bodies before it (`rule` null: the
 * default). A body that already has a rule of its own for the sector keeps it;
 * returns the rows written.
 */
export async function insertCarriedRules(
  db: Database,
  rows: {
    bodyId: string;
    sector: Sector;
    rule: unknown;
    carriedOverFrom: string;
    needsConfirmation: boolean;
  }[],
) {
  if (rows.length === 0) return [];
  return db
    .insertInto("handoverRule")
    .values(
      rows.map((r) => ({
        ...r,
        rule: r.rule === null ? null : JSON.stringify(r.rule),
        updatedBy: null,
      })),
    )
    .onConflict((oc) => oc.columns(["bodyId", "sector"]).doNothing())
    .returning(["bodyId", "sector"])
    .execute();
}

/** A coordinator confirms a carried-over rule as it is; undefined when the body has no rule row. */
export function confirmRule(
  db: Database,
  bodyId: string,
  sector: Sector,
  by: { userId: string; at: Date },
) {
  return db
    .updateTable("handoverRule")
    .set({ needsConfirmation: false, confirmedBy: by.userId, confirmedAt: by.at })
    .where("bodyId", "=", bodyId)
    .where("sector", "=", sector)
    .returning(["bodyId"])
    .executeTakeFirst();
}
