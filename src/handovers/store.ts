import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { HandoverTransitionTable } from "../platform/db/schema.ts";
import type { HandoverStatus, Sector } from "./model.ts";
import { responsibleBodyOn } from "./responsible-body.ts";

export type NewHandover = {
  stayId: string;
  citizenId: string;
  sector: Sector;
  receiverOrganisationId: string;
  receiverMunicipalityCode: string | null;
  receiverPracticeId: string | null;
  dischargingOrganisationId: string | null;
  dischargingHospitalId: string;
  bodyId: string | null;
  dischargedAt: Date;
  deadlineAt: Date;
  nextEscalationAt: Date | null;
  note: string | null;
};

type Transition = Omit<HandoverTransitionTable, "id" | "at"> & { at?: Date };

/**
 * Appends transitions, in the order given. The rows go as one array per
 * column, so the statement's text is the same for one row or a sweep's
 * thousand: PostgreSQL prepares it once, and the driver binds eight
 * parameters rather than eight a row.
 */
export async function insertTransitions(db: Database, rows: Transition[]) {
  if (rows.length === 0) return;
  const column = <K extends keyof Transition>(k: K) => rows.map((r) => r[k] ?? null);
  await sql`
    insert into handover_transition (handover_id, kind, from_status, to_status, at,
      actor_user_id, actor_organisation_id, reason)
    select t.handover_id, t.kind, t.from_status, t.to_status, coalesce(t.at, now()),
      t.actor_user_id, t.actor_organisation_id, t.reason
    from unnest(${column("handoverId")}::uuid[], ${column("kind")}::text[],
      ${column("fromStatus")}::text[], ${column("toStatus")}::text[],
      ${column("at")}::timestamptz[], ${column("actorUserId")}::uuid[],
      ${column("actorOrganisationId")}::uuid[], ${column("reason")}::text[])
      with ordinality as t(handover_id, kind, from_status, to_status, at,
        actor_user_id, actor_organisation_id, reason, n)
    order by t.n`.execute(db);
}

/** Creates the handovers that do not exist yet; returns those it created. */
export async function insertHandovers(db: Database, rows: NewHandover[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto("handover")
    .values(rows)
    .onConflict((oc) => oc.columns(["stayId", "sector"]).doNothing())
    .returning(["id", "stayId", "sector", "status", "receiverOrganisationId", "deadlineAt"])
    .execute();
}

export function handoversOfStays(db: Database, stayIds: string[]) {
  if (stayIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("handover as h")
    .innerJoin("organisation as o", "o.id", "h.receiverOrganisationId")
    .select([
      "h.id",
      "h.stayId",
      "h.sector",
      "h.status",
      "h.statusReason",
      "h.deadlineAt",
      "h.dischargedAt",
      "h.version",
      "h.bodyId",
      "h.receiverOrganisationId",
      "o.name as receiverName",
      "h.escalationStep",
    ])
    .where("h.stayId", "in", stayIds)
    .orderBy("h.sector")
    .execute();
}

/** The open (or declined) handovers of these stays, locked for a change. */
export function lockLiveHandovers(db: Database, stayIds: string[]) {
  if (stayIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("handover")
    .select([
      "id",
      "stayId",
      "sector",
      "status",
      "bodyId",
      "dischargedAt",
      "deadlineAt",
      "version",
      "receiverOrganisationId",
      "receiverMunicipalityCode",
      "receiverPracticeId",
    ])
    .where("stayId", "in", stayIds)
    .where("status", "in", ["open", "declined"])
    .orderBy("id")
    .forUpdate()
    .execute();
}

/** Every open (or declined) handover of these citizens, of any stay and receiver, locked for a change. */
export function lockLiveHandoversOfCitizens(db: Database, citizenIds: string[]) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("handover")
    .select([
      "id",
      "citizenId",
      "stayId",
      "sector",
      "status",
      "deadlineAt",
      "receiverOrganisationId",
    ])
    .where("citizenId", "in", citizenIds)
    .where("status", "in", ["open", "declined"])
    .orderBy("id")
    .forUpdate()
    .execute();
}

export async function closeHandovers(db: Database, ids: string[], reason: string) {
  if (ids.length === 0) return;
  await db
    .updateTable("handover")
    .set((eb) => ({
      status: "closed",
      statusReason: reason,
      nextEscalationAt: null,
      version: eb("version", "+", 1),
      updatedAt: sql<Date>`now()`,
    }))
    .where("id", "in", ids)
    .execute();
}

export async function moveDeadline(
  db: Database,
  id: string,
  change: {
    dischargedAt: Date;
    bodyId: string | null;
    deadlineAt: Date;
    nextEscalationAt: Date | null;
  },
) {
  await db
    .updateTable("handover")
    .set((eb) => ({
      ...change,
      escalationStep: 0,
      // A new deadline starts the ladder again, so the handover is no longer unresolved.
      unresolvedAt: null,
      version: eb("version", "+", 1),
      updatedAt: sql<Date>`now()`,
    }))
    .where("id", "=", id)
    .where("status", "=", "open")
    .execute();
}

/**
 * Moves a handover from `from` to `to` only if nobody changed it since
 * `version` was read: the losing side of a race gets nothing back.
 */
export function transition(
  db: Database,
  id: string,
  expect: { version: number; from: HandoverStatus },
  to: { status: HandoverStatus; reason: string | null; note?: string | null },
) {
  return db
    .updateTable("handover")
    .set((eb) => ({
      status: to.status,
      statusReason: to.reason,
      nextEscalationAt: null,
      version: eb("version", "+", 1),
      updatedAt: sql<Date>`now()`,
    }))
    .where("id", "=", id)
    .where("version", "=", expect.version)
    .where("status", "=", expect.from)
    .returning(["id", "status", "version"])
    .executeTakeFirst();
}

export function findHandover(db: Database, id: string) {
  return db
    .selectFrom("handover as h")
    .innerJoin("organisation as o", "o.id", "h.receiverOrganisationId")
    .innerJoin("hospitalStay as s", "s.id", "h.stayId")
    .select([
      "h.id",
      "h.stayId",
      "h.citizenId",
      "h.sector",
      "h.status",
      "h.statusReason",
      "h.version",
      "h.deadlineAt",
      "h.receiverOrganisationId",
      "h.receiverMunicipalityCode",
      "h.receiverPracticeId",
      "h.dischargingOrganisationId",
      "h.bodyId",
      "h.dischargedAt",
      "h.escalationStep",
      "o.name as receiverName",
      "s.hospitalId",
    ])
    .where("h.id", "=", id)
    .executeTakeFirst();
}

/**
 * When each handover was last confirmed, declined or closed, from the
 * transition history; none where that decision was undone since (it is open
 * again: nothing has been decided).
 */
export async function lastDecisions(db: Database, handoverIds: string[]) {
  if (handoverIds.length === 0) return new Map<string, Date>();
  const rows = await db
    .selectFrom("handoverTransition")
    .distinctOn("handoverId")
    .select(["handoverId", "kind", "at"])
    .where("handoverId", "in", handoverIds)
    .where("kind", "in", ["confirmed", "declined", "closed", "undone"])
    .orderBy("handoverId")
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .execute();
  return new Map(
    rows.filter((r) => r.kind !== "undone").map((r) => [r.handoverId, new Date(r.at)]),
  );
}

/**
 * Confirms open handovers as of a past time (imported history); returns those
 * it changed, each with the status it had. With `beforeDeath`, also a handover
 * a later death closed whose confirmation came before that death: a history
 * is loaded messages first and confirmations after, so the death was told
 * before a confirmation that had in fact come first.
 */
export async function confirmAsOf(
  db: Database,
  items: { stayId: string; sector: Sector; at: Date }[],
  beforeDeath = false,
) {
  if (items.length === 0) return [];
  const result = await sql<{
    id: string;
    at: Date;
    fromStatus: HandoverStatus;
    sector: Sector;
    receiverOrganisationId: string;
    dischargingOrganisationId: string | null;
    deadlineAt: Date;
  }>`
    update handover h set
      status = 'confirmed',
      status_reason = null,
      next_escalation_at = null,
      version = h.version + 1,
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
      as v("stayId" uuid, sector text, "at" timestamptz),
      handover old
    where h.stay_id = v."stayId" and h.sector = v.sector and old.id = h.id
      and (h.status = 'open' or (${beforeDeath}::boolean and h.status = 'closed'
        and h.status_reason = 'death'
        and v."at" < (select c.deceased_at from citizen c where c.id = h.citizen_id)))
    returning h.id, v."at" as at, old.status as "fromStatus", h.sector,
      h.receiver_organisation_id as "receiverOrganisationId",
      h.discharging_organisation_id as "dischargingOrganisationId",
      h.deadline_at as "deadlineAt"`.execute(db);
  return result.rows;
}

/** Writes the ward's note on an open handover, if nobody changed it since `version` was read. */
export function writeNote(db: Database, id: string, version: number, note: string | null) {
  return db
    .updateTable("handover")
    .set((eb) => ({ note, version: eb("version", "+", 1), updatedAt: sql<Date>`now()` }))
    .where("id", "=", id)
    .where("version", "=", version)
    .where("status", "=", "open")
    .returning(["id", "status", "version"])
    .executeTakeFirst();
}

/**
 * The secretariat organisations of these bodies that have not ended by
 * `date`, where their coordinators act: an ended cluster's secretariat hears
 * nothing more.
 */
export async function secretariatsOn(
  db: Database,
  bodyIds: string[],
  date: string,
): Promise<Map<string, string>> {
  if (bodyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisation")
    .select(["id", "bodyId"])
    .where("bodyId", "in", [...new Set(bodyIds)])
    .where("kind", "=", "body_secretariat")
    .where((eb) => eb.or([eb("validTo", "is", null), eb("validTo", ">", date)]))
    .execute();
  return new Map(rows.flatMap((r) => (r.bodyId ? [[r.bodyId, r.id] as const] : [])));
}

/** The body responsible for a handover on a date (responsible-body.ts); null if there is none. */
export async function responsibleBodyOf(
  db: Database,
  id: string,
  date: string,
): Promise<string | null> {
  const row = await db
    .selectFrom("handover as h")
    .select(responsibleBodyOn("h", date).as("bodyId"))
    .where("h.id", "=", id)
    .executeTakeFirst();
  return row?.bodyId ?? null;
}

/** Open handovers of a body discharged after `since`, oldest first (the demo's simulated staff). */
export function openDischargedSince(db: Database, bodyIds: string[], since: Date) {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("handover")
    .select(["id", "stayId", "sector", "dischargedAt"])
    .where("bodyId", "in", bodyIds)
    .where("status", "=", "open")
    .where("dischargedAt", ">", since)
    .orderBy("dischargedAt")
    .limit(1000)
    .execute();
}
