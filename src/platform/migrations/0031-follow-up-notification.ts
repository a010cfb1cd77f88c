import { type Kysely, sql } from "kysely";

/**
 * A medical follow-up item (0022) is now told to those who must act on it
 * (issue 21, parts 5 and 6): the discharging department and the coordinators
 * of the body answering for it hear that it opened, and then that it was
 * resolved or closed, in the app and to the webhooks that subscribe.
 *
 * `follow_up_id` says which item a notification is about, so its events fold
 * into one card as a handover's do; a notification is about a handover or an
 * item, never both. Each event of an item is told to an organisation at most
 * once (the unique index), however often the change that made it is replayed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table notification drop constraint notification_kind_check;
    alter table notification add constraint notification_kind_check check (kind in (
      'handover.created', 'handover.confirmed', 'handover.declined',
      'handover.escalated', 'handover.closed', 'handover.undone', 'handover.unresolved',
      'follow-up.opened', 'follow-up.resolved', 'follow-up.closed',
      'body.rules-to-confirm'
    ));
    alter table notification add column follow_up_id uuid references medical_follow_up(id);
    alter table notification add constraint notification_about_one
      check (handover_id is null or follow_up_id is null);
    create unique index notification_follow_up_once
      on notification (follow_up_id, organisation_id, kind) where follow_up_id is not null;
  `.execute(db);
}
