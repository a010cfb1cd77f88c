import { type Kysely, sql } from "kysely";

/**
 * A discharge can come from a staff action in the hospital view as well as
 * from a HospitalNotification: it is one more notification of the stay, folded
 * with the others, recorded by a user instead of a message. Such a
 * notification has no inbound message, so the table gets its own key.
 *
 * The ward can write (or correct) its note to the receivers on an open
 * handover; that is a change the receivers must see before they confirm, so
 * it is one more kind of transition.
 *
 * Live worklists poll for handovers and stays changed in the last seconds,
 * in every server process: indexes on their update times keep that cheap.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table stay_notification drop constraint stay_notification_pkey;
    alter table stay_notification alter column message_id drop not null;
    alter table stay_notification add column id uuid not null default gen_random_uuid();
    alter table stay_notification add primary key (id);
    create unique index stay_notification_message on stay_notification (message_id)
      where message_id is not null;
    alter table stay_notification add column recorded_by_user_id uuid references app_user(id);
    alter table stay_notification add constraint stay_notification_source
      check ((message_id is null) = (recorded_by_user_id is not null));
    alter table handover_transition drop constraint handover_transition_kind_check;
    alter table handover_transition add constraint handover_transition_kind_check check (kind in (
      'created', 'confirmed', 'declined', 'closed', 'deadline-moved', 'escalated', 'note-changed'
    ));
    create index handover_updated on handover (updated_at);
    create index hospital_stay_updated on hospital_stay (updated_at);
  `.execute(db);
}
