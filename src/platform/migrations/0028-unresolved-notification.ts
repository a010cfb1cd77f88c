import { type Kysely, sql } from "kysely";

/**
 * A handover the whole ladder has chased becomes unresolved (0021); the
 * hospital, the receiver and the body's coordinators are now told so, in the
 * app and to the webhooks that subscribe (issue 21, part 1: it must never
 * disappear silently).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table notification drop constraint notification_kind_check;
    alter table notification add constraint notification_kind_check check (kind in (
      'handover.created', 'handover.confirmed', 'handover.declined',
      'handover.escalated', 'handover.closed', 'handover.undone', 'handover.unresolved',
      'body.rules-to-confirm'
    ));
  `.execute(db);
}
