import { type Kysely, sql } from "kysely";

/**
 * A body's meetings and the decisions recorded at them (issue 22, section 3).
 * A meeting holds its agenda and attendees as JSON and a `version` that every
 * change carries (a stale one is refused). A decision concerns one agreement or
 * initiative of the body and keeps who was present when it was made.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table meeting (
      id uuid primary key default gen_random_uuid(),
      body_id text not null references body(id),
      title text not null,
      meeting_date date not null,
      public boolean not null,
      status text not null check (status in ('planned', 'held')),
      agenda jsonb not null,
      attendees jsonb not null,
      version integer not null check (version > 0),
      created_at timestamptz not null,
      changed_at timestamptz not null,
      changed_by uuid references app_user(id)
    );
    create index meeting_body on meeting (body_id, meeting_date);

    create table meeting_decision (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meeting(id),
      subject_kind text not null check (subject_kind in ('agreement', 'initiative')),
      subject_id uuid not null,
      text text not null,
      present jsonb not null,
      decided_at timestamptz not null,
      decided_by uuid references app_user(id)
    );
    create index meeting_decision_subject on meeting_decision (subject_kind, subject_id);
    create index meeting_decision_meeting on meeting_decision (meeting_id);
  `.execute(db);
}
