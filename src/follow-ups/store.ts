import { sql } from "kysely";
import { sealedFacts, unsealedFacts } from "../citizens/store.ts";
import { bodyHoldingOn } from "../handovers/responsible-body.ts";
import type { Database } from "../platform/db/database.ts";
import type { FollowUpStatus, Resolution } from "./model.ts";

/** All SQL of the medical follow-up items (migration 0022). */

export type NewFollowUp = {
  stayId: string;
  citizenId: string;
  dischargingHospitalId: string;
  dischargingOrganisationId: string | null;
  bodyId: string | null;
  municipalityCode: string | null;
  dischargedAt: Date;
  createdAt: Date;
};

/**
 * The body whose coordinators answer for an item (aliased `f`) on a Danish
 * date: the one holding its municipality that day, else the item's own body
 * (the rule of the handovers, src/handovers/responsible-body.ts).
 */
function answeringBody(date: string) {
  return bodyHoldingOn(sql.ref("f.municipality_code"), sql`${date}::date`, sql.ref("f.body_id"));
}

/** Opens the items a batch of discharges needs; a stay with an open item keeps it. */
export async function insertFollowUps(db: Database, rows: NewFollowUp[]) {
  if (rows.length === 0) return [];
  return (
    db
      .insertInto("medicalFollowUp")
      .values(rows)
      // A literal: PostgreSQL infers the partial unique index only from the same predicate, not a parameter.
      .onConflict((oc) => oc.column("stayId").where("status", "=", sql.lit("open")).doNothing())
      .returning(["id", "stayId"])
      .execute()
  );
}

/** Closes the open items of these stays, or of these citizens (a death); answers those closed. */
export async function closeOpen(
  db: Database,
  by: { stayIds?: string[]; citizenIds?: string[] },
  reason: string,
  at: Date,
) {
  const stayIds = by.stayIds ?? [];
  const citizenIds = by.citizenIds ?? [];
  if (stayIds.length === 0 && citizenIds.length === 0) return [];
  return db
    .updateTable("medicalFollowUp")
    .set((eb) => ({
      status: "closed",
      closedReason: reason,
      resolvedAt: at,
      version: eb("version", "+", 1),
    }))
    .where("status", "=", "open")
    .where((eb) =>
      eb.or([
        ...(stayIds.length > 0 ? [eb("stayId", "in", stayIds)] : []),
        ...(citizenIds.length > 0 ? [eb("citizenId", "in", citizenIds)] : []),
      ]),
    )
    .returning(["id"])
    .execute();
}

export type ItemFilter = ({ hospitalId: string } | { bodyId: string }) & {
  /** Every status when absent (one item by `id`). */
  status?: FollowUpStatus;
  /** The Danish date on which a body's items are asked for. */
  date: string;
  id?: string;
};

/** One page of a hospital's or a body's items, oldest discharge first, with the citizens' facts. */
export async function itemsOf(
  db: Database,
  f: ItemFilter,
  page: { limit: number; offset: number },
) {
  let q = db
    .selectFrom("medicalFollowUp as f")
    .innerJoin("citizen as c", "c.id", "f.citizenId")
    .innerJoin("hospital as hp", "hp.id", "f.dischargingHospitalId")
    .leftJoin("organisation as d", "d.id", "f.dischargingOrganisationId")
    .leftJoin("organisation as w", "w.id", "f.followUpOrganisationId")
    .leftJoin("appUser as u", "u.id", "f.resolvedByUserId");
  if (f.status) q = q.where("f.status", "=", f.status);
  q =
    "hospitalId" in f
      ? q.where("f.dischargingHospitalId", "=", f.hospitalId)
      : q.where(answeringBody(f.date), "=", f.bodyId);
  if (f.id) q = q.where("f.id", "=", f.id);
  const rows = await q
    .select([
      "f.id",
      "f.stayId",
      "f.citizenId",
      "f.status",
      "f.version",
      "f.dischargedAt",
      "f.createdAt",
      "f.dischargingHospitalId",
      "hp.name as hospitalName",
      "d.name as departmentName",
      "f.resolution",
      "f.followUpOrganisationId",
      "w.name as followUpName",
      "f.reason",
      "f.closedReason",
      "f.resolvedAt",
      "u.displayName as resolvedByName",
    ])
    .select(answeringBody(f.date).as("bodyId"))
    .select(sealedFacts("c").as("citizenFacts"))
    .orderBy("f.dischargedAt", f.status === "open" ? "asc" : "desc")
    .orderBy("f.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({ ...r, citizen: unsealedFacts(r.citizenId, r.citizenFacts) }));
}

export async function countOf(
  db: Database,
  f: ItemFilter & { status: FollowUpStatus },
): Promise<number> {
  let q = db.selectFrom("medicalFollowUp as f").where("f.status", "=", f.status);
  q =
    "hospitalId" in f
      ? q.where("f.dischargingHospitalId", "=", f.hospitalId)
      : q.where(answeringBody(f.date), "=", f.bodyId);
  const row = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An item, its `bodyId` the body answering for it on the Danish `date`. */
export function findItem(db: Database, id: string, date: string) {
  return db
    .selectFrom("medicalFollowUp as f")
    .selectAll("f")
    .select(answeringBody(date).as("bodyId"))
    .where("f.id", "=", id)
    .executeTakeFirst();
}

/** Resolves an open item at `version`; undefined when it moved on meanwhile (409). */
export async function resolveItem(
  db: Database,
  id: string,
  version: number,
  r: Resolution,
  by: { userId: string; organisationId: string; at: Date },
) {
  return db
    .updateTable("medicalFollowUp")
    .set((eb) => ({
      status: "resolved",
      resolution: r.kind,
      followUpOrganisationId: r.kind === "not-needed" ? null : r.organisationId,
      reason: r.kind === "not-needed" ? r.reason.trim() : null,
      resolvedAt: by.at,
      resolvedByUserId: by.userId,
      resolvedByOrganisationId: by.organisationId,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", id)
    .where("status", "=", "open")
    .where("version", "=", version)
    .returning(["id", "status", "version"])
    .executeTakeFirst();
}

/** The items of these stays, newest first, for "who is responsible now". */
export function itemsOfStays(db: Database, stayIds: string[]) {
  if (stayIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("medicalFollowUp as f")
    .leftJoin("organisation as w", "w.id", "f.followUpOrganisationId")
    .select([
      "f.stayId",
      "f.status",
      "f.resolution",
      "f.followUpOrganisationId",
      "w.kind as followUpKind",
      "w.name as followUpName",
      "f.reason",
      "f.createdAt",
      "f.resolvedAt",
    ])
    .where("f.stayId", "in", stayIds)
    .orderBy("f.createdAt", "desc")
    .execute();
}

/** The organisation a resolution names, as the rule checks it. */
export function organisationOf(db: Database, id: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "kind", "hospitalId", "name"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The discharging hospital's own departments: where its outpatient clinics are. */
export function clinicsOf(db: Database, hospitalId: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "name"])
    .where("hospitalId", "=", hospitalId)
    .where("kind", "=", "hospital_department")
    .where("validTo", "is", null)
    .orderBy("name")
    .execute();
}

/** General practices of the register whose name or provider number matches, a few at a time. */
export function practicesMatching(db: Database, text: string, limit: number) {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom("organisation as o")
    .innerJoin("generalPractice as g", "g.id", "o.generalPracticeId")
    .select(["o.id", "o.name", "g.providerNumber", "g.municipalityCode"])
    .where("o.kind", "=", "general_practice")
    .where((eb) => eb.or([eb("o.name", "ilike", like), eb("g.providerNumber", "like", like)]))
    .orderBy("o.name")
    .limit(limit)
    .execute();
}

/**
 * What the items' notices say and whom they reach (`followUpRecipients`): the
 * discharging department (else its hospital), and the secretariat of the
 * body answering for each on the Danish `date`, unless that secretariat has
 * ended by then (an ended cluster's hears nothing more, as for handovers).
 */
export async function noticeFactsOf(db: Database, ids: string[], date: string) {
  if (ids.length === 0) return [];
  const { rows } = await sql<{
    id: string;
    status: FollowUpStatus;
    dischargedAt: Date | string;
    resolution: Resolution["kind"] | null;
    followUpOrganisationId: string | null;
    resolvedByOrganisationId: string | null;
    closedReason: string | null;
    ward: string | null;
    secretariat: string | null;
  }>`
    select f.id, f.status, f.discharged_at as "dischargedAt", f.resolution,
      f.follow_up_organisation_id as "followUpOrganisationId",
      f.resolved_by_organisation_id as "resolvedByOrganisationId",
      f.closed_reason as "closedReason",
      coalesce(f.discharging_organisation_id, (select h.id from organisation h
        where h.kind = 'hospital' and h.hospital_id = f.discharging_hospital_id)) as ward,
      (select s.id from organisation s
        where s.kind = 'body_secretariat' and s.body_id = ${answeringBody(date)}
          and (s.valid_to is null or s.valid_to > ${date}::date)
        order by s.id limit 1) as secretariat
    from medical_follow_up f
    where f.id = any(${ids}::uuid[])`.execute(db);
  return rows.map((r) => ({ ...r, dischargedAt: new Date(r.dischargedAt) }));
}
