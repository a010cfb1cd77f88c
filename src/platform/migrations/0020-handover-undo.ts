import { type Kysely, sql } from "kysely";

/**
 * A receiver that confirmed or declined by mistake may take it back within
 * minutes (src/handovers, "undo"). The undo is a transition of its own in the
 * append-only history, so the decision it takes back stays on record, and
 * those told of the decision are told of its undoing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table handover_transition drop constraint handover_transition_kind_check;
    alter table handover_transition add constraint handover_transition_kind_check check (kind in (
      'created', 'confirmed', 'declined', 'closed', 'deadline-moved', 'escalated', 'note-changed',
      'rerouted', 'undone'
    ));
    alter table notification drop constraint notification_kind_check;
    alter table notification add constraint notification_kind_check check (kind in (
      'handover.created', 'handover.confirmed', 'handover.declined',
      'handover.escalated', 'handover.closed', 'handover.undone', 'body.rules-to-confirm'
    ));
  `.execute(db);
}
