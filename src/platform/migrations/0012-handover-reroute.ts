import { type Kysely, sql } from "kysely";

/**
 * A declined handover can be sent on: the discharging hospital (or the
 * cluster's coordinator) names another receiver, and the handover opens again
 * with a new deadline. Each such route climbs the escalation ladder from its
 * first step, so an escalation is unique per handover, route and step (it was
 * per handover and step). The history gets one more kind of transition.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table handover add column route integer not null default 0;
    alter table handover_escalation add column route integer not null default 0;
    alter table handover_escalation drop constraint handover_escalation_handover_id_step_key;
    alter table handover_escalation add constraint handover_escalation_route_step
      unique (handover_id, route, step);
    alter table handover_transition drop constraint handover_transition_kind_check;
    alter table handover_transition add constraint handover_transition_kind_check check (kind in (
      'created', 'confirmed', 'declined', 'closed', 'deadline-moved', 'escalated', 'note-changed',
      'rerouted'
    ));
  `.execute(db);
}
