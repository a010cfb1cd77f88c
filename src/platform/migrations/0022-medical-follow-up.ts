import { type Kysely, sql } from "kysely";

/**
 * A discharge of a citizen without a listed GP asks no practice to take the
 * medical follow-up, so it opens an item instead (issue 21, part 5): "Ingen
 * praktiserende læge — hvem følger op?", for the discharging department and
 * the coordinators of the body the citizen's municipality belongs to on the
 * discharge's date. It is resolved by naming who follows up — the
 * hospital's own outpatient clinic or a named practice, as organisations of
 * the register — or by recording why none is needed; who resolved it, for
 * which organisation, and when, stay on the row (and in the audit log). A
 * death, a cancelled stay or a cancelled discharge closes it.
 *
 * A stay has at most one open item; a discharge cancelled and given again
 * opens a new one (the closed one stays as history).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table medical_follow_up (
      id uuid primary key default gen_random_uuid(),
      stay_id uuid not null references hospital_stay(id),
      citizen_id uuid not null references citizen(id),
      discharging_hospital_id text not null references hospital(id),
      discharging_organisation_id uuid references organisation(id),
      body_id text references body(id),
      discharged_at timestamptz not null,
      created_at timestamptz not null,
      status text not null default 'open' check (status in ('open', 'resolved', 'closed')),
      resolution text check (resolution in ('outpatient-clinic', 'practice', 'not-needed')),
      follow_up_organisation_id uuid references organisation(id),
      reason text,
      closed_reason text,
      resolved_at timestamptz,
      resolved_by_user_id uuid references app_user(id),
      resolved_by_organisation_id uuid references organisation(id),
      version integer not null default 0,
      check ((status = 'resolved') = (resolution is not null)),
      check (status <> 'resolved' or (resolved_at is not null and resolved_by_user_id is not null)),
      check (resolution is distinct from 'not-needed' or length(btrim(coalesce(reason, ''))) > 0),
      check (resolution not in ('outpatient-clinic', 'practice')
        or follow_up_organisation_id is not null)
    );
    create unique index medical_follow_up_open_stay on medical_follow_up (stay_id)
      where status = 'open';
    create index medical_follow_up_open_hospital on medical_follow_up (discharging_hospital_id)
      where status = 'open';
    create index medical_follow_up_open_body on medical_follow_up (body_id)
      where status = 'open';
    create index medical_follow_up_citizen on medical_follow_up (citizen_id);
    create index medical_follow_up_stay on medical_follow_up (stay_id);
  `.execute(db);
}
