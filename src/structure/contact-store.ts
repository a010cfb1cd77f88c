import type { Database } from "../platform/db/database.ts";
import type { ContactDetails } from "./contact-model.ts";

/** SQL for organisations' contact details (table `organisation_contact`, migration 0007). */

export type ContactRow = {
  organisationId: string;
  name: string;
  parentId: string | null;
  contact: (ContactDetails & { updatedAt: Date }) | null;
};

/** Organisations by id with their own contact details (null where they have none). */
export async function contactsOf(db: Database, organisationIds: string[]): Promise<ContactRow[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom("organisation as o")
    .leftJoin("organisationContact as c", "c.organisationId", "o.id")
    .select([
      "o.id as organisationId",
      "o.name",
      "o.parentId",
      "c.organisationId as contactOf",
      "c.phone",
      "c.email",
      "c.openingHours",
      "c.webUrl",
      "c.updatedAt",
    ])
    .where("o.id", "in", [...new Set(organisationIds)])
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisationId,
    name: r.name,
    parentId: r.parentId,
    contact:
      r.contactOf === null
        ? null
        : {
            phone: r.phone,
            email: r.email,
            openingHours: r.openingHours,
            webUrl: r.webUrl,
            updatedAt: new Date(r.updatedAt ?? 0),
          },
  }));
}

/** Sets an organisation's contact details, replacing what it had. */
export async function saveContact(
  db: Database,
  organisationId: string,
  contact: ContactDetails,
  updatedBy: string | null,
) {
  return db
    .insertInto("organisationContact")
    .values({ organisationId, ...contact, updatedBy })
    .onConflict((oc) =>
      oc.column("organisationId").doUpdateSet({ ...contact, updatedBy, updatedAt: new Date() }),
    )
    .returning("updatedAt")
    .executeTakeFirstOrThrow();
}

/** Sets contact details only where an organisation has none yet (the demo seed). */
export async function addContactsIfMissing(
  db: Database,
  rows: (ContactDetails & { organisationId: string })[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto("organisationContact")
    .values(rows.map((r) => ({ ...r, updatedBy: null })))
    .onConflict((oc) => oc.column("organisationId").doNothing())
    .execute();
}
