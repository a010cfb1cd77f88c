import { type Kysely, sql } from "kysely";

/**
 * A body's agreements on who does what (issue 22, section 1), versioned: every
 * change (an edit or a step of the lifecycle) appends a version that holds the
 * whole agreement as it then was, who made it and when, so the history is read,
 * never rebuilt. Commitments are the version's JSON; their money is integer
 * øre and their staff hundredths of a full-time equivalent, never floats.
 *
 * Comments (the citizens' representatives' during consultation) are kept with
 * the version they were written on. A handover rule set by adopting an
 * agreement names it, so the rules page shows which agreement set each rule.
 *
 * The role `citizen_representative` is a membership of a body's secretariat
 * held by a patient or relatives' organisation's representative on the body.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table agreement (
      id uuid primary key default gen_random_uuid(),
      body_id text not null references body(id),
      created_at timestamptz not null,
      created_by uuid references app_user(id)
    );
    create index agreement_body on agreement (body_id);

    create table agreement_version (
      agreement_id uuid not null references agreement(id),
      version integer not null check (version > 0),
      status text not null check (status in (
        'draft', 'consultation', 'approved', 'adopted', 'in-force', 'ended'
      )),
      change text not null check (change in ('created', 'edited', 'step')),
      title text not null,
      summary text not null,
      public boolean not null,
      commitments jsonb not null,
      at timestamptz not null,
      by_user uuid references app_user(id),
      by_organisation text,
      by_role text,
      primary key (agreement_id, version)
    );

    create table agreement_comment (
      id uuid primary key default gen_random_uuid(),
      agreement_id uuid not null,
      version integer not null,
      text text not null,
      at timestamptz not null,
      by_user uuid not null references app_user(id),
      by_organisation text not null,
      foreign key (agreement_id, version) references agreement_version (agreement_id, version)
    );
    create index agreement_comment_agreement on agreement_comment (agreement_id, at);

    alter table handover_rule add column set_by_agreement_id uuid references agreement(id);
    alter table handover_rule add column set_by_agreement_version integer;

    alter table membership drop constraint membership_role_check;
    alter table membership add constraint membership_role_check check (role in (
      'clinician', 'coordinator', 'body_lead', 'committee_member', 'administrator',
      'citizen_representative'
    ));
  `.execute(db);
}
