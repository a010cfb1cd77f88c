import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { StayStatusColumn } from "../platform/db/schema.ts";
import type { StayNotification } from "./stay-model.ts";

/** All SQL of the pathways capability: hospital stays and the notifications they are folded from. */

export type NewStay = {
  episodeKey: string;
  citizenId: string;
  hospitalId: string;
  senderOrganisationId: string;
  admittedAt: Date;
};

/**
 * The stays of a batch's episodes, each created by its first message whichever
 * that is, and locked (ON CONFLICT DO UPDATE takes the row lock) so that
 * messages about one stay are folded one transaction after the other. Rows go
 * in episode order so that concurrent batches lock in the same order.
 */
export async function lockStays(db: Database, stays: NewStay[]) {
  const sorted = [...new Map(stays.map((s) => [s.episodeKey, s])).values()].sort((a, b) =>
    a.episodeKey.localeCompare(b.episodeKey),
  );
  if (sorted.length === 0) return [];
  return db
    .insertInto("hospitalStay")
    .values(
      sorted.map((stay) => ({
        ...stay,
        departmentOrganisationId: null,
        dischargedAt: null,
        encounterClass: null,
        diedAt: null,
        endedAt: null,
      })),
    )
    .onConflict((oc) => oc.column("episodeKey").doUpdateSet({ updatedAt: sql`now()` }))
    .returning([
      "id",
      "episodeKey",
      "citizenId",
      "hospitalId",
      "status",
      sql<number>`(select count(*) from hospital_stay o where o.citizen_id = hospital_stay.citizen_id)`.as(
        "staysOfCitizen",
      ),
    ])
    .execute();
}

export type StoredNotification = StayNotification & {
  messageType: string;
  /** The message it came in; null when staff recorded it in the hospital view. */
  inboundMessageId: string | null;
  recordedByUserId?: string | null;
  stayId: string;
};

export async function insertNotifications(db: Database, notes: StoredNotification[]) {
  if (notes.length === 0) return;
  await db
    .insertInto("stayNotification")
    .values(
      notes.map((n) => ({
        messageId: n.inboundMessageId,
        recordedByUserId: n.recordedByUserId ?? null,
        stayId: n.stayId,
        messageHeaderId: n.messageId,
        messageType: n.messageType,
        kind: n.kind,
        variant: n.variant,
        occurredAt: n.occurredAt,
        recordedAt: n.recordedAt,
        encounterStart: n.encounterStart ?? n.occurredAt,
        encounterClass: n.encounterClass ?? "inpatient",
        refersToMessageId: n.refersToMessageId,
        previousMessageId: n.previousMessageId ?? null,
        departmentOrganisationId: n.departmentId ?? null,
      })),
    )
    .execute();
}

/** Which of these messages are death notifications (a death after a death corrects it). */
export async function deathNotifications(db: Database, messageHeaderIds: string[]) {
  if (messageHeaderIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom("stayNotification")
    .select("messageHeaderId")
    .where("messageHeaderId", "in", messageHeaderIds)
    .where("kind", "=", "death")
    .execute();
  return new Set(rows.map((r) => r.messageHeaderId));
}

export type NotificationRow = StayNotification & { stayId: string; messageType: string };

export async function notificationsOfStays(
  db: Database,
  stayIds: string[],
): Promise<NotificationRow[]> {
  if (stayIds.length === 0) return [];
  const rows = await db
    .selectFrom("stayNotification")
    .selectAll()
    .where("stayId", "in", stayIds)
    .execute();
  return rows.map((r) => ({
    stayId: r.stayId,
    messageType: r.messageType,
    messageId: r.messageHeaderId,
    kind: r.kind as StayNotification["kind"],
    variant: r.variant,
    occurredAt: r.occurredAt,
    recordedAt: r.recordedAt,
    refersToMessageId: r.refersToMessageId,
    previousMessageId: r.previousMessageId,
    encounterStart: r.encounterStart,
    encounterClass: r.encounterClass,
    departmentId: r.departmentOrganisationId,
  }));
}

export type StayUpdate = {
  status: StayStatusColumn;
  endedAt: Date | null;
  admittedAt: Date;
  dischargedAt: Date | null;
  diedAt: Date | null;
  encounterClass: "inpatient" | "acute-ambulant" | null;
  departmentOrganisationId: string | null;
};

/** Writes the folded state of many stays in one statement. */
export async function updateStays(
  db: Database,
  updates: (StayUpdate & { id: string })[],
  now: Date,
) {
  if (updates.length === 0) return;
  await sql`
    update hospital_stay s set
      status = v."status", ended_at = v."endedAt", admitted_at = v."admittedAt",
      discharged_at = v."dischargedAt", died_at = v."diedAt", encounter_class = v."encounterClass",
      department_organisation_id = v."departmentOrganisationId", updated_at = ${now}
    from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(
      "id" uuid, "status" text, "endedAt" timestamptz, "admittedAt" timestamptz,
      "dischargedAt" timestamptz, "diedAt" timestamptz, "encounterClass" text,
      "departmentOrganisationId" uuid)
    where s.id = v.id`.execute(db);
}

export function staysOfCitizen(db: Database, citizenId: string) {
  return db
    .selectFrom("hospitalStay as s")
    .innerJoin("hospital as h", "h.id", "s.hospitalId")
    .leftJoin("organisation as d", "d.id", "s.departmentOrganisationId")
    .select([
      "s.id",
      "s.episodeKey",
      "s.hospitalId",
      "h.name as hospitalName",
      "s.departmentOrganisationId",
      "d.name as departmentName",
      "s.status",
      "s.encounterClass",
      "s.admittedAt",
      "s.dischargedAt",
      "s.diedAt",
      "s.endedAt",
    ])
    .where("s.citizenId", "=", citizenId)
    .orderBy("s.admittedAt")
    .execute();
}

/**
 * When each stay ended for the hospital: discharge, death, or, for a transfer
 * (the referring hospital sends no discharge), the start of the next stay.
 */
export async function refreshStayEndings(db: Database, citizenIds: string[]) {
  if (citizenIds.length === 0) return;
  await sql`
    with ordered as (
      select id, coalesce(discharged_at, died_at,
        lead(admitted_at) over (partition by citizen_id order by admitted_at, id)) as ended
      from hospital_stay
      where citizen_id = any(${citizenIds}::uuid[]) and status <> 'cancelled'
    )
    update hospital_stay s set ended_at = o.ended
    from ordered o
    where s.id = o.id and s.ended_at is distinct from o.ended`.execute(db);
}

/** Each citizen's earliest death in hospital, or null when no stay ended in death. */
export async function earliestDeaths(db: Database, citizenIds: string[]) {
  const rows = await db
    .selectFrom("hospitalStay")
    .select(["citizenId", (eb) => eb.fn.min("diedAt").as("diedAt")])
    .where("citizenId", "in", citizenIds)
    .where("status", "=", "deceased")
    .groupBy("citizenId")
    .execute();
  const found = new Map(rows.map((r) => [r.citizenId, r.diedAt ? new Date(r.diedAt) : null]));
  return citizenIds.map((id) => ({ citizenId: id, at: found.get(id) ?? null }));
}

/** Stay ids by episode key, for facts that refer to a stay by its episode-of-care id. */
export async function stayIdsByEpisode(db: Database, keys: string[]) {
  if (keys.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom("hospitalStay")
    .select(["id", "episodeKey"])
    .where("episodeKey", "in", keys)
    .execute();
  return new Map(rows.map((r) => [r.episodeKey ?? "", r.id]));
}

export async function upsertClinicalFacts(
  db: Database,
  facts: {
    stayId: string;
    primaryDiagnosis: string;
    preventableGroup: string | null;
    admissionKind: "acute" | "planned";
    medicallyReadyAt: Date | null;
    synthetic: boolean;
  }[],
) {
  if (facts.length === 0) return;
  const sorted = [...new Map(facts.map((f) => [f.stayId, f])).values()].sort((a, b) =>
    a.stayId.localeCompare(b.stayId),
  );
  await db
    .insertInto("stayClinicalFact")
    .values(sorted)
    .onConflict((oc) =>
      oc.column("stayId").doUpdateSet((eb) => ({
        primaryDiagnosis: eb.ref("excluded.primaryDiagnosis"),
        preventableGroup: eb.ref("excluded.preventableGroup"),
        admissionKind: eb.ref("excluded.admissionKind"),
        medicallyReadyAt: eb.ref("excluded.medicallyReadyAt"),
        synthetic: eb.ref("excluded.synthetic"),
      })),
    )
    .execute();
}

/** A stay, locked for a staff action on it; undefined if there is none. */
export function lockStay(db: Database, stayId: string) {
  return db
    .selectFrom("hospitalStay")
    .select([
      "id",
      "citizenId",
      "hospitalId",
      "status",
      "admittedAt",
      "encounterClass",
      "departmentOrganisationId",
      sql<number>`(select count(*) from hospital_stay o where o.citizen_id = hospital_stay.citizen_id)`.as(
        "staysOfCitizen",
      ),
    ])
    .where("id", "=", stayId)
    .forUpdate()
    .executeTakeFirst();
}

/** A stay's citizen and hospital, for the access check before a staff action. */
export function stayById(db: Database, stayId: string) {
  return db
    .selectFrom("hospitalStay")
    .select(["id", "citizenId", "hospitalId", "status"])
    .where("id", "=", stayId)
    .executeTakeFirst();
}
