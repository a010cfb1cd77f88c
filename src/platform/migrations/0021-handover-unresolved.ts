import { type Kysely, sql } from "kysely";

/**
 * A handover the whole ladder has chased without anyone confirming becomes
 * unresolved (src/handovers, "Unresolved"). It is a mark on an open handover,
 * not a status of its own: the receiver can still confirm it, the indicators
 * count it as open (never as done), and no transition rule changes. The
 * sweeper sets the mark and records it in the history as an `unresolved`
 * transition (open to open), so when it happened stays on record.
 *
 * Handovers whose ladder ended before this migration have no next step
 * (`next_escalation_at` is null); they get one at their deadline, so the
 * sweeper's next round works out, with their body's rule, whether their time
 * has passed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table handover add column unresolved_at timestamptz;
    alter table handover_transition drop constraint handover_transition_kind_check;
    alter table handover_transition add constraint handover_transition_kind_check check (kind in (
      'created', 'confirmed', 'declined', 'closed', 'deadline-moved', 'escalated', 'note-changed',
      'rerouted', 'undone', 'unresolved'
    ));
    update handover set next_escalation_at = deadline_at
      where status = 'open' and next_escalation_at is null;
    -- The unresolved lists read the few unresolved of a body, hospital or receiver.
    create index handover_unresolved on handover (unresolved_at)
      where status = 'open' and unresolved_at is not null;
  `.execute(db);
}
