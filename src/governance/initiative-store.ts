import type { Database } from "../platform/db/database.ts";
import type { Evaluation, InitiativeContent, InitiativeStatus } from "./initiative-model.ts";
import type { ChangedBy } from "./store.ts";

export type InitiativeVersionRow = {
  initiativeId: string;
  bodyId: string;
  version: number;
  status: InitiativeStatus;
  change: "created" | "edited" | "status";
  title: string;
  public: boolean;
  content: InitiativeContent;
  evaluation: Evaluation | null;
  at: Date;
  byName: string | null;
  byOrganisation: string | null;
  byRole: string | null;
};

function versions(db: Database) {
  return db
    .selectFrom("initiativeVersion as v")
    .innerJoin("initiative as i", "i.id", "v.initiativeId")
    .leftJoin("appUser as u", "u.id", "v.byUser")
    .select([
      "v.initiativeId",
      "i.bodyId",
      "v.version",
      "v.status",
      "v.change",
      "v.title",
      "v.public",
      "v.content",
      "v.evaluation",
      "v.at",
      "u.displayName as byName",
      "v.byOrganisation",
      "v.byRole",
    ]);
}

/** Every version of an initiative, oldest first; empty when there is no such initiative. */
export async function initiativeVersions(
  db: Database,
  initiativeId: string,
): Promise<InitiativeVersionRow[]> {
  const rows = await versions(db)
    .where("v.initiativeId", "=", initiativeId)
    .orderBy("v.version")
    .execute();
  return rows as InitiativeVersionRow[];
}

/** The current version of each initiative of these bodies, newest change first. */
export async function currentInitiatives(
  db: Database,
  bodyIds: string[],
): Promise<InitiativeVersionRow[]> {
  if (bodyIds.length === 0) return [];
  const rows = await versions(db)
    .where("i.bodyId", "in", bodyIds)
    .where(({ eb, selectFrom }) =>
      eb(
        "v.version",
        "=",
        selectFrom("initiativeVersion as w")
          .select(({ fn }) => fn.max("w.version").as("max"))
          .whereRef("w.initiativeId", "=", "v.initiativeId"),
      ),
    )
    .orderBy("v.at", "desc")
    .orderBy("v.initiativeId")
    .execute();
  return rows as InitiativeVersionRow[];
}

/** The current version, locked for the change about to be made (one writer at a time). */
export async function lockCurrentInitiative(tx: Database, initiativeId: string) {
  await tx
    .selectFrom("initiative")
    .select("id")
    .where("id", "=", initiativeId)
    .forUpdate()
    .execute();
  return (await initiativeVersions(tx, initiativeId)).at(-1);
}

export async function insertInitiative(
  tx: Database,
  i: { bodyId: string; at: Date; by: ChangedBy },
): Promise<string> {
  const row = await tx
    .insertInto("initiative")
    .values({ bodyId: i.bodyId, createdAt: i.at, createdBy: i.by.userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function appendInitiativeVersion(
  tx: Database,
  v: {
    initiativeId: string;
    version: number;
    status: InitiativeStatus;
    change: InitiativeVersionRow["change"];
    content: InitiativeContent;
    evaluation: Evaluation | null;
    at: Date;
    by: ChangedBy;
  },
) {
  await tx
    .insertInto("initiativeVersion")
    .values({
      initiativeId: v.initiativeId,
      version: v.version,
      status: v.status,
      change: v.change,
      title: v.content.title,
      public: v.content.public,
      content: JSON.stringify(v.content),
      evaluation: v.evaluation === null ? null : JSON.stringify(v.evaluation),
      at: v.at,
      byUser: v.by.userId,
      byOrganisation: v.by.organisation,
      byRole: v.by.role,
    })
    .execute();
}
