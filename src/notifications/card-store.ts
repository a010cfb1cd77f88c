import { type RawBuilder, sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import { type DeliveryMode, DIGEST_CARD_LIMIT, HISTORY_LIMIT } from "./cards.ts";
import type { Feed } from "./store.ts";

/**
 * The notifications as cards (cards.ts): one handover's notifications fold
 * into one card, and so do one follow-up item's, within one digest when a
 * person takes the digest. Read
 * markers stay per notification, so a new event about a card already read
 * makes it unread again.
 */

/** A feed cut into digests: card i of digest b holds what happened in [bounds[b-1], bounds[b]). */
export type CardFeed = Feed & { bounds: Date[] | null };

/** One card: its latest notification, how many it folds, and the latest few of them. */
export type CardRow = {
  latestId: string;
  kind: string;
  handoverId: string | null;
  followUpId: string | null;
  payload: unknown;
  latestAt: Date;
  count: number;
  unread: boolean;
  readAt: Date | null;
  history: {
    id: string;
    kind: string;
    createdAt: string;
    handover: unknown;
    followUp: unknown;
  }[];
  /** The digest the card is in (1 = the oldest), or 0 without digests. */
  bucket: number;
  /** How many cards its digest holds in all. */
  cardsInBucket: number;
};

/** What a card is about: its handover, else its follow-up item, else the notice itself. */
const FOLD = (n: string) => sql.raw(`coalesce(${n}.handover_id, ${n}.follow_up_id, ${n}.id)`);

/** The feed's notifications, each with its card (`fold`) and digest (`bucket`). */
function notificationsOf(f: CardFeed): RawBuilder<unknown> {
  const bucket = f.bounds ? sql`width_bucket(n.created_at, ${f.bounds}::timestamptz[])` : sql`0`;
  const last = f.bounds?.[f.bounds.length - 1];
  return sql`
    select n.id, n.seq, n.kind, n.handover_id, n.follow_up_id, n.payload, n.created_at, r.read_at,
      ${FOLD("n")} as fold, ${bucket} as bucket
    from notification n
      left join notification_read r on r.notification_id = n.id and r.user_id = ${f.userId}::uuid
    where n.organisation_id = any(${f.addressees}::uuid[]) and n.created_at >= ${f.since}
      ${last ? sql`and n.created_at < ${last}` : sql``}`;
}

/**
 * The cards, newest first: `limit` cards, or with digests at most
 * `DIGEST_CARD_LIMIT` cards of each digest. `unreadOnly`: the cards (or the
 * digests) with anything unread.
 */
export async function listCards(
  db: Database,
  f: CardFeed & { unreadOnly: boolean; limit: number },
): Promise<CardRow[]> {
  if (f.addressees.length === 0 || (f.bounds && f.bounds.length < 2)) return [];
  const perBucket = f.bounds ? DIGEST_CARD_LIMIT : f.limit;
  const { rows } = await sql<CardRow>`
    with n as (${notificationsOf(f)}),
    g as (
      select fold, bucket, count(*)::integer as count,
        bool_or(read_at is null) as unread,
        case when bool_and(read_at is not null) then max(read_at) end as read_at,
        (array_agg(id order by created_at desc, seq desc))[1] as latest_id,
        (array_agg(seq order by created_at desc, seq desc))[1] as latest_seq,
        max(created_at) as latest_at,
        to_jsonb((array_agg(jsonb_build_object('id', id, 'kind', kind, 'createdAt', created_at,
          'handover', payload -> 'handover', 'followUp', payload -> 'followUp') order by created_at desc, seq desc))[1:${HISTORY_LIMIT}::integer])
          as history
      from n group by fold, bucket
    ),
    ranked as (
      select g.*,
        row_number() over (partition by bucket order by latest_at desc, latest_seq desc) as rank,
        count(*) over (partition by bucket) as cards_in_bucket,
        bool_or(unread) over (partition by bucket) as bucket_unread
      from g
    )
    select c.latest_id as "latestId", n.kind, n.handover_id as "handoverId",
      n.follow_up_id as "followUpId", n.payload,
      c.latest_at as "latestAt", c.count, c.unread, c.read_at as "readAt", c.history,
      c.bucket, c.cards_in_bucket::integer as "cardsInBucket"
    from ranked c join n on n.id = c.latest_id
    where c.rank <= ${perBucket}::integer
      ${f.unreadOnly ? (f.bounds ? sql`and c.bucket_unread` : sql`and c.unread`) : sql``}
    order by c.latest_at desc, c.latest_seq desc
    limit ${f.bounds ? f.limit * DIGEST_CARD_LIMIT : f.limit}::integer`.execute(db);
  return rows.map((r) => ({ ...r, latestAt: new Date(r.latestAt), readAt: dateOrNull(r.readAt) }));
}

function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** Unread cards, or with digests the digests with anything unread. */
export async function unreadCards(db: Database, f: CardFeed): Promise<number> {
  if (f.addressees.length === 0 || (f.bounds && f.bounds.length < 2)) return 0;
  const { rows } = await sql<{ n: number }>`
    with n as (${notificationsOf(f)})
    select count(distinct ${f.bounds ? sql`bucket` : sql`fold`})::integer as n
    from n where read_at is null`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Reads cards for one person: each given notification (one the person hears)
 * and the earlier ones about the same handover or item, the card's history. A later
 * event than the one read stays unread: the card is news again.
 */
export async function markCardsRead(db: Database, f: Feed & { ids: string[]; at: Date }) {
  if (f.addressees.length === 0 || f.ids.length === 0) return;
  await sql`
    insert into notification_read (notification_id, user_id, read_at)
    select distinct n.id, ${f.userId}::uuid, ${f.at}::timestamptz
    from notification c
      join notification n on n.organisation_id = any(${f.addressees}::uuid[])
        and ${FOLD("n")} = ${FOLD("c")}
        and n.created_at <= c.created_at and n.created_at >= ${f.since}
    where c.id = any(${f.ids}::uuid[]) and c.organisation_id = any(${f.addressees}::uuid[])
    on conflict (notification_id, user_id) do nothing`.execute(db);
}

/** Reads a digest for one person: everything it holds. */
export async function markPeriodRead(db: Database, f: Feed & { from: Date; to: Date; at: Date }) {
  if (f.addressees.length === 0) return;
  await sql`
    insert into notification_read (notification_id, user_id, read_at)
    select n.id, ${f.userId}::uuid, ${f.at}::timestamptz from notification n
    where n.organisation_id = any(${f.addressees}::uuid[])
      and n.created_at >= ${f.since} and n.created_at >= ${f.from} and n.created_at < ${f.to}
    on conflict (notification_id, user_id) do nothing`.execute(db);
}

/** What a card says of its handover besides ids: whose it is, and who the parties are. */
export type HandoverFacts = {
  id: string;
  citizenId: string;
  receiverName: string;
  dischargingName: string | null;
  hospitalName: string;
  bodyKind: string | null;
};

export async function handoverFacts(db: Database, ids: string[]): Promise<HandoverFacts[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<HandoverFacts>`
    select h.id, h.citizen_id as "citizenId", r.name as "receiverName",
      d.name as "dischargingName", hs.name as "hospitalName", b.kind as "bodyKind"
    from handover h
      join organisation r on r.id = h.receiver_organisation_id
      left join organisation d on d.id = h.discharging_organisation_id
      join hospital hs on hs.id = h.discharging_hospital_id
      left join body b on b.id = h.body_id
    where h.id = any(${[...new Set(ids)]}::uuid[])`.execute(db);
  return rows;
}

/**
 * What a card says of its follow-up item besides ids: whose it is, where it
 * was discharged from, and who resolved it, for whom, naming whom. Not the
 * free-text reason of "none needed": that is read on the item itself.
 */
export type FollowUpFacts = {
  id: string;
  citizenId: string;
  hospitalName: string;
  departmentName: string | null;
  followUpName: string | null;
  resolvedByName: string | null;
  resolvedByOrganisationName: string | null;
  resolvedAt: Date | null;
};

export async function followUpFacts(db: Database, ids: string[]): Promise<FollowUpFacts[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<FollowUpFacts>`
    select f.id, f.citizen_id as "citizenId", hp.name as "hospitalName",
      d.name as "departmentName", w.name as "followUpName",
      u.display_name as "resolvedByName", ro.name as "resolvedByOrganisationName",
      f.resolved_at as "resolvedAt"
    from medical_follow_up f
      join hospital hp on hp.id = f.discharging_hospital_id
      left join organisation d on d.id = f.discharging_organisation_id
      left join organisation w on w.id = f.follow_up_organisation_id
      left join app_user u on u.id = f.resolved_by_user_id
      left join organisation ro on ro.id = f.resolved_by_organisation_id
    where f.id = any(${[...new Set(ids)]}::uuid[])`.execute(db);
  return rows.map((r) => ({ ...r, resolvedAt: r.resolvedAt ? new Date(r.resolvedAt) : null }));
}

export async function deliveryOf(db: Database, userId: string): Promise<DeliveryMode> {
  const row = await db
    .selectFrom("notificationPreference")
    .select("delivery")
    .where("userId", "=", userId)
    .executeTakeFirst();
  return row?.delivery ?? "single";
}

export async function setDelivery(db: Database, userId: string, delivery: DeliveryMode, at: Date) {
  await db
    .insertInto("notificationPreference")
    .values({ userId, delivery, updatedAt: at })
    .onConflict((oc) => oc.column("userId").doUpdateSet({ delivery, updatedAt: at }))
    .execute();
}
