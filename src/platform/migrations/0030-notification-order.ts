import { type Kysely, sql } from "kysely";

/**
 * Notifications keep the order they were written in. The events of one
 * change share its time (a sweep's steps, then the ladder's end), and a card
 * folding them tells its latest: by time, then by this order, rather than by
 * a random id. Existing rows are numbered in their time order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table notification add column seq bigint;
    create sequence notification_seq owned by notification.seq;
    update notification n set seq = o.rn from (
      select id, row_number() over (order by created_at, id) as rn from notification) o
      where o.id = n.id;
    select setval('notification_seq', coalesce((select max(seq) from notification), 0) + 1, false);
    alter table notification alter column seq set default nextval('notification_seq');
    alter table notification alter column seq set not null;
  `.execute(db);
}
