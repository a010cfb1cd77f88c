import { inCareOf } from "../handovers/responsible-body.ts";
import type { Database } from "../platform/db/database.ts";
import type { AgendaItem, Attendee, MeetingContent, SubjectKind } from "./meeting-model.ts";

export type MeetingRow = MeetingContent & {
  id: string;
  bodyId: string;
  version: number;
  changedAt: Date;
};

export type DecisionRow = {
  id: string;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  meetingPublic: boolean;
  bodyId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  text: string;
  present: Attendee[];
  decidedAt: Date;
};

function meetings(db: Database) {
  return db
    .selectFrom("meeting")
    .select([
      "id",
      "bodyId",
      "title",
      "meetingDate",
      "public",
      "status",
      "agenda",
      "attendees",
      "version",
      "changedAt",
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof meetings>["executeTakeFirstOrThrow"]>>;
const dateText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
const rowOf = (r: Raw): MeetingRow => ({
  id: r.id,
  bodyId: r.bodyId,
  title: r.title,
  date: dateText(r.meetingDate),
  public: r.public,
  status: r.status,
  agenda: r.agenda as AgendaItem[],
  attendees: r.attendees as Attendee[],
  version: r.version,
  changedAt: r.changedAt,
});

export async function meetingById(db: Database, id: string): Promise<MeetingRow | undefined> {
  const r = await meetings(db).where("id", "=", id).executeTakeFirst();
  return r ? rowOf(r) : undefined;
}

/** The meeting, locked for the change about to be made. */
export async function lockMeeting(tx: Database, id: string): Promise<MeetingRow | undefined> {
  const r = await meetings(tx).where("id", "=", id).forUpdate().executeTakeFirst();
  return r ? rowOf(r) : undefined;
}

/** The meetings of these bodies, newest date first. */
export async function meetingsOf(db: Database, bodyIds: string[]): Promise<MeetingRow[]> {
  if (bodyIds.length === 0) return [];
  const rows = await meetings(db)
    .where("bodyId", "in", bodyIds)
    .orderBy("meetingDate", "desc")
    .orderBy("id")
    .execute();
  return rows.map(rowOf);
}

export async function insertMeeting(
  tx: Database,
  m: { bodyId: string; content: MeetingContent; at: Date; by: string },
): Promise<string> {
  const row = await tx
    .insertInto("meeting")
    .values({
      bodyId: m.bodyId,
      title: m.content.title,
      meetingDate: m.content.date,
      public: m.content.public,
      status: m.content.status,
      agenda: JSON.stringify(m.content.agenda),
      attendees: JSON.stringify(m.content.attendees),
      version: 1,
      createdAt: m.at,
      changedAt: m.at,
      changedBy: m.by,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMeeting(
  tx: Database,
  m: { id: string; content: MeetingContent; version: number; at: Date; by: string },
) {
  await tx
    .updateTable("meeting")
    .set({
      title: m.content.title,
      meetingDate: m.content.date,
      public: m.content.public,
      status: m.content.status,
      agenda: JSON.stringify(m.content.agenda),
      attendees: JSON.stringify(m.content.attendees),
      version: m.version,
      changedAt: m.at,
      changedBy: m.by,
    })
    .where("id", "=", m.id)
    .execute();
}

export async function insertDecision(
  tx: Database,
  d: {
    meetingId: string;
    subjectKind: SubjectKind;
    subjectId: string;
    text: string;
    present: Attendee[];
    at: Date;
    by: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto("meetingDecision")
    .values({
      meetingId: d.meetingId,
      subjectKind: d.subjectKind,
      subjectId: d.subjectId,
      text: d.text,
      present: JSON.stringify(d.present),
      decidedAt: d.at,
      decidedBy: d.by,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function decisions(db: Database) {
  return db
    .selectFrom("meetingDecision as d")
    .innerJoin("meeting as m", "m.id", "d.meetingId")
    .select([
      "d.id",
      "d.meetingId",
      "m.title as meetingTitle",
      "m.meetingDate",
      "m.public as meetingPublic",
      "m.bodyId",
      "d.subjectKind",
      "d.subjectId",
      "d.text",
      "d.present",
      "d.decidedAt",
    ])
    .orderBy("m.meetingDate")
    .orderBy("d.decidedAt");
}

type RawDecision = Awaited<ReturnType<ReturnType<typeof decisions>["executeTakeFirstOrThrow"]>>;
const decisionOf = (r: RawDecision): DecisionRow => ({
  ...r,
  meetingDate: dateText(r.meetingDate),
  present: r.present as Attendee[],
});

export async function decisionsOfMeeting(db: Database, meetingId: string) {
  return (await decisions(db).where("d.meetingId", "=", meetingId).execute()).map(decisionOf);
}

export async function decisionsOn(db: Database, kind: SubjectKind, subjectId: string) {
  return (
    await decisions(db)
      .where("d.subjectKind", "=", kind)
      .where("d.subjectId", "=", subjectId)
      .execute()
  ).map(decisionOf);
}

/** The body an agreement or initiative belongs to, or undefined when there is none. */
export async function bodyOfSubject(
  db: Database,
  kind: SubjectKind,
  id: string,
): Promise<string | undefined> {
  const table = kind === "agreement" ? "agreement" : "initiative";
  const row = await db.selectFrom(table).select("bodyId").where("id", "=", id).executeTakeFirst();
  return row?.bodyId;
}

export type UnresolvedGroup = {
  sector: string;
  receiver: string;
  hospital: string;
  count: number;
};

/**
 * The body's unresolved handovers at `now` (open, past their unresolved mark,
 * in the body's care, as the worklist's unresolved group), counted by receiver
 * and discharging hospital: organisations only, no citizen.
 */
export async function unresolvedOfBody(
  db: Database,
  bodyId: string,
  now: Date,
  today: string,
): Promise<UnresolvedGroup[]> {
  const rows = await db
    .selectFrom("handover as h")
    .innerJoin("organisation as r", "r.id", "h.receiverOrganisationId")
    .innerJoin("hospital as s", "s.id", "h.dischargingHospitalId")
    .where("h.status", "=", "open")
    .where("h.unresolvedAt", "<=", now)
    .where(inCareOf("h", bodyId, today))
    .select(({ fn }) => [
      "h.sector",
      "r.name as receiver",
      "s.name as hospital",
      fn.countAll<string>().as("count"),
    ])
    .groupBy(["h.sector", "r.name", "s.name"])
    .orderBy("r.name")
    .orderBy("s.name")
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
