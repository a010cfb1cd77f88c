import { type RawBuilder, sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { InAppKind } from "./model.ts";

/**
 * In-app notifications and their read markers, and the outbox rows the
 * handover events leave for the webhooks. (Webhooks and their deliveries:
 * webhook-store.ts.)
 *
 * Who hears what: an organisation hears what is addressed to it; a hospital
 * also what is addressed to its departments (a discharge's confirmations go
 * to the ward); a municipal unit also what is addressed to its municipality
 * (handovers go to the municipality, its home-care unit does the work). The
 * same rule decides the in-app feed and which webhooks a notification goes to.
 */
const hearing = (listeners: RawBuilder<unknown>) => sql`(
  select o.id as listener, o.id as addressee from organisation o
    where o.id in (${listeners})
  union all
  select l.id, d.id from organisation l
    join organisation d on d.kind = 'hospital_department' and d.hospital_id = l.hospital_id
    where l.kind = 'hospital' and l.id in (${listeners})
  union all
  select l.id, m.id from organisation l
    join organisation m on m.kind = 'municipality' and m.municipality_code = l.municipality_code
    where l.kind = 'municipal_unit' and l.id in (${listeners})
)`;

export type NewNotification = {
  id: string;
  organisationId: string;
  kind: InAppKind;
  /** Null for a notice about no handover (a follow-up item, a body's rules to confirm). */
  handoverId: string | null;
  /** The medical follow-up item it is about, if any (0031). */
  followUpId?: string | null;
  /** The payload as JSON text: stored as the notification and sent, byte for byte, to webhooks. */
  body: string;
  /**
   * When it happened, by the clock of the change that told it (an injected
   * clock in tests and the demo): digests are cut by this time, so it must
   * be the same clock as the reader's, not the database server's.
   */
  createdAt: Date;
};

/**
 * The notifications, and a pending delivery for every active webhook that
 * hears each and subscribes to its kind, due now: one statement however many
 * (the sweeper may escalate thousands in one transaction), the rows passed as
 * one JSON parameter so no parameter limit applies. A follow-up item's event
 * already told to an organisation is skipped (the unique index of 0031), and
 * so is its delivery: told once, however often the change is replayed.
 * Answers the ids written.
 */
export async function insertNotifications(
  tx: Database,
  rows: NewNotification[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const { rows: written } = await sql<{ id: string }>`
    with v as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as v(id uuid, "organisationId" uuid, kind text, "handoverId" uuid, "followUpId" uuid,
          body text, "createdAt" timestamptz)
    ),
    added as (
      insert into notification
        (id, organisation_id, kind, handover_id, follow_up_id, payload, created_at)
      select v.id, v."organisationId", v.kind, v."handoverId", v."followUpId", v.body::jsonb,
        v."createdAt" from v
      on conflict do nothing
      returning id, organisation_id, kind
    ),
    hooks as (
      select w.id, w.events, h.addressee from webhook w
        join ${hearing(sql`select organisation_id from webhook where active and disabled_at is null`)} h
          on h.listener = w.organisation_id
        where w.active and w.disabled_at is null
    ),
    delivered as (
      insert into webhook_delivery (webhook_id, notification_id, kind, body, next_attempt_at)
      select hooks.id, added.id, added.kind, v.body, now()
      from added
        join v on v.id = added.id
        join hooks on hooks.addressee = added.organisation_id and added.kind = any(hooks.events)
    )
    select id from added
  `.execute(tx);
  return written.map((r) => r.id);
}

/** The organisations whose notifications this one hears (itself included). */
export async function audienceOf(db: Database, organisationId: string): Promise<string[]> {
  const { rows } = await sql<{ addressee: string }>`
    select distinct h.addressee from ${hearing(sql`select ${organisationId}::uuid`)} h
  `.execute(db);
  return rows.map((r) => r.addressee);
}

export type Feed = { addressees: string[]; userId: string; since: Date };

/** Marks as read for one person: the given ids (those the person hears; others are ignored), or all. */
export async function markRead(db: Database, f: Feed & { ids: string[] | "all"; at: Date }) {
  if (f.addressees.length === 0 || f.ids.length === 0) return;
  let chosen = db
    .selectFrom("notification as n")
    // Parameters, not literals: the text stays the same for every person and moment, so
    // PostgreSQL prepares it once per connection (statement-cache.ts).
    .select([
      "n.id as notificationId",
      sql<string>`${f.userId}::uuid`.as("userId"),
      sql<Date>`${f.at}::timestamptz`.as("readAt"),
    ])
    .where("n.organisationId", "in", f.addressees)
    .where("n.createdAt", ">=", f.since);
  if (f.ids !== "all") chosen = chosen.where("n.id", "in", f.ids);
  await db
    .insertInto("notificationRead")
    .columns(["notificationId", "userId", "readAt"])
    .expression(chosen)
    .onConflict((oc) => oc.columns(["notificationId", "userId"]).doNothing())
    .execute();
}
