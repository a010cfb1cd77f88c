import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { AgreementContent, AgreementStatus } from "./model.ts";

export type VersionRow = {
  agreementId: string;
  bodyId: string;
  version: number;
  status: AgreementStatus;
  change: "created" | "edited" | "step";
  title: string;
  summary: string;
  public: boolean;
  commitments: AgreementContent["commitments"];
  at: Date;
  byName: string | null;
  byOrganisation: string | null;
  byRole: string | null;
};

/** Who made a change, as kept with it: the user, the organisation and role they acted in. */
export type ChangedBy = { userId: string; organisation: string; role: string };

const versionColumns = [
  "v.agreementId",
  "a.bodyId",
  "v.version",
  "v.status",
  "v.change",
  "v.title",
  "v.summary",
  "v.public",
  "v.commitments",
  "v.at",
  "u.displayName as byName",
  "v.byOrganisation",
  "v.byRole",
] as const;

function versions(db: Database) {
  return db
    .selectFrom("agreementVersion as v")
    .innerJoin("agreement as a", "a.id", "v.agreementId")
    .leftJoin("appUser as u", "u.id", "v.byUser")
    .select(versionColumns);
}

/** Every version of an agreement, oldest first; empty when there is no such agreement. */
export async function versionsOf(db: Database, agreementId: string): Promise<VersionRow[]> {
  const rows = await versions(db)
    .where("v.agreementId", "=", agreementId)
    .orderBy("v.version")
    .execute();
  return rows as VersionRow[];
}

/** The current version of each agreement of these bodies, newest change first. */
export async function currentOfBodies(db: Database, bodyIds: string[]): Promise<VersionRow[]> {
  if (bodyIds.length === 0) return [];
  const rows = await versions(db)
    .where("a.bodyId", "in", bodyIds)
    .where(({ eb, selectFrom }) =>
      eb(
        "v.version",
        "=",
        selectFrom("agreementVersion as w")
          .select(({ fn }) => fn.max("w.version").as("max"))
          .whereRef("w.agreementId", "=", "v.agreementId"),
      ),
    )
    .orderBy("v.at", "desc")
    .orderBy("v.agreementId")
    .execute();
  return rows as VersionRow[];
}

/** The current version, locked for the change about to be made (one writer at a time). */
export async function lockCurrent(tx: Database, agreementId: string) {
  await tx.selectFrom("agreement").select("id").where("id", "=", agreementId).forUpdate().execute();
  const all = await versionsOf(tx, agreementId);
  return all.at(-1);
}

export async function insertAgreement(
  tx: Database,
  a: { bodyId: string; at: Date; by: ChangedBy },
): Promise<string> {
  const row = await tx
    .insertInto("agreement")
    .values({ bodyId: a.bodyId, createdAt: a.at, createdBy: a.by.userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function appendVersion(
  tx: Database,
  v: {
    agreementId: string;
    version: number;
    status: AgreementStatus;
    change: VersionRow["change"];
    content: AgreementContent;
    at: Date;
    by: ChangedBy;
  },
) {
  await tx
    .insertInto("agreementVersion")
    .values({
      agreementId: v.agreementId,
      version: v.version,
      status: v.status,
      change: v.change,
      title: v.content.title,
      summary: v.content.summary,
      public: v.content.public,
      commitments: JSON.stringify(v.content.commitments),
      at: v.at,
      byUser: v.by.userId,
      byOrganisation: v.by.organisation,
      byRole: v.by.role,
    })
    .execute();
}

export type CommentRow = {
  id: string;
  version: number;
  text: string;
  at: Date;
  byName: string;
  byOrganisation: string;
};

export async function commentsOf(db: Database, agreementId: string): Promise<CommentRow[]> {
  return db
    .selectFrom("agreementComment as c")
    .innerJoin("appUser as u", "u.id", "c.byUser")
    .select(["c.id", "c.version", "c.text", "c.at", "u.displayName as byName", "c.byOrganisation"])
    .where("c.agreementId", "=", agreementId)
    .orderBy("c.at")
    .orderBy("c.id")
    .execute();
}

export async function insertComment(
  tx: Database,
  c: { agreementId: string; version: number; text: string; at: Date; by: ChangedBy },
) {
  await tx
    .insertInto("agreementComment")
    .values({
      agreementId: c.agreementId,
      version: c.version,
      text: c.text,
      at: c.at,
      byUser: c.by.userId,
      byOrganisation: c.by.organisation,
    })
    .execute();
}

/** The agreements of a body, for the demo seed's "already there" check. */
export async function countOfBody(db: Database, bodyId: string): Promise<number> {
  const row = await db
    .selectFrom("agreement")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("bodyId", "=", bodyId)
    .executeTakeFirstOrThrow();
  return row.n;
}
