import { type Kysely, sql } from "kysely";

/**
 * A body's initiatives as experiments (issue 22, section 2), versioned as the
 * agreements are: every change (an edit or a status step, the evaluation with
 * the finishing step) appends a version holding the whole initiative as it then
 * was, who made it and when. The goal, indicator, participants, budget (money as
 * integer øre), milestones and evaluation are the version's JSON content; the
 * columns the lists filter on (status, title, public) are columns.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table initiative (
      id uuid primary key default gen_random_uuid(),
      body_id text not null references body(id),
      created_at timestamptz not null,
      created_by uuid references app_user(id)
    );
    create index initiative_body on initiative (body_id);

    create table initiative_version (
      initiative_id uuid not null references initiative(id),
      version integer not null check (version > 0),
      status text not null check (status in ('planned', 'running', 'finished')),
      change text not null check (change in ('created', 'edited', 'status')),
      title text not null,
      public boolean not null,
      content jsonb not null,
      evaluation jsonb,
      at timestamptz not null,
      by_user uuid references app_user(id),
      by_organisation text,
      by_role text,
      primary key (initiative_id, version),
      check (status <> 'finished' or evaluation is not null)
    );
  `.execute(db);
}
