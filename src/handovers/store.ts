import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { HandoverTransitionTable, OrganisationKind } from "../platform/db/schema.ts";
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

export async function bodyRules(db: Database, bodyIds: string[]) {
  if (bodyIds.length === 0) return [];
  return db
    .selectFrom("handoverRule")
    .select(["bodyId", "sector", "rule"])
    .where("bodyId", "in", bodyIds)
    .execute();
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

/**
 * Sends a declined handover on to another receiver: open again, a new
 * deadline, the ladder from its first step on a new route. Only if it is
 * still declined at the version the sender read; undefined otherwise.
 */
export function reroute(
  db: Database,
  id: string,
  version: number,
  to: {
    receiverOrganisationId: string;
    receiverMunicipalityCode: string | null;
    receiverPracticeId: string | null;
    bodyId: string | null;
    deadlineAt: Date;
    nextEscalationAt: Date | null;
    note?: string;
  },
) {
  return db
    .updateTable("handover")
    .set({
      ...to,
      status: "open",
      statusReason: null,
      escalationStep: 0,
      // A new receiver and deadline: the ladder starts again, the case is not unresolved.
      unresolvedAt: null,
      route: sql<number>`route + 1`,
      version: sql<number>`version + 1`,
      updatedAt: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .where("status", "=", "declined")
    .returning(["id", "status", "version", "deadlineAt"])
    .executeTakeFirst();
}

/** Organisations a handover of the sector can be sent to, by name (for the sender's search). */
export function receiverCandidates(db: Database, kind: OrganisationKind, name: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "name", "kind"])
    .where("kind", "=", kind)
    .where(sql<boolean>`name ilike ${`%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
    .orderBy("name")
    .limit(20)
    .execute();
}

export function organisationById(db: Database, id: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "name", "kind", "municipalityCode", "generalPracticeId"])
    .where("id", "=", id)
    .executeTakeFirst();
}
