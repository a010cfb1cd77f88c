import { type Kysely, sql } from "kysely";

/**
 * The organisation register's SOR-coded units, received MedCom messages (raw,
 * sealed, with their outcome and acknowledgement), and the hospital stays and
 * notifications that make up each citizen's course of care.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisation
      add column gln text check (gln ~ '^[0-9]{13}$'),
      add column unit_type text check (unit_type in (
        'hospital_department', 'home_care', 'home_nursing', 'care_centre', 'visitation',
        'rehabilitation', 'general_practice', 'other'
      )),
      add column synthetic boolean not null default false;
    alter table organisation add constraint organisation_sor_digits
      check (sor_code is null or sor_code ~ '^[0-9]{11,}$');
    create index organisation_parent on organisation (parent_id);

    create table inbound_message (
      id uuid primary key default gen_random_uuid(),
      -- Arrival order: a batch shares one received_at, so pages are cut on this instead.
      seq bigint generated always as identity unique,
      message_header_id text unique,
      bundle_id text,
      received_at timestamptz not null default now(),
      received_via text not null check (received_via in ('http', 'import')),
      token_id uuid references api_token(id),
      body_encrypted text not null,
      body_sha256 text not null,
      message_type text,
      activity_code text,
      sender_sor text,
      receiver_sor text,
      event_at timestamptz,
      status text not null check (status in ('applied', 'rejected', 'dead_letter')),
      response_code text not null check (response_code in ('ok', 'fatal-error', 'transient-error')),
      problems jsonb not null default '[]',
      acknowledgement jsonb,
      citizen_id uuid references citizen(id),
      attempts integer not null default 1,
      last_attempt_at timestamptz not null default now(),
      applied_at timestamptz
    );
    create index inbound_message_status on inbound_message (status, seq desc);
    create index inbound_message_citizen on inbound_message (citizen_id);

    alter table hospital_stay
      add column episode_key text,
      add column status text not null default 'admitted' check (status in (
        'admitted', 'on-leave', 'discharged', 'deceased', 'cancelled'
      )),
      add column encounter_class text check (encounter_class in ('inpatient', 'acute-ambulant')),
      add column died_at timestamptz,
      add column ended_at timestamptz,
      add column sender_organisation_id uuid references organisation(id),
      add column updated_at timestamptz not null default now();
    create unique index hospital_stay_episode on hospital_stay (episode_key);
    create index hospital_stay_open on hospital_stay (status, hospital_id);

    create table stay_notification (
      message_id uuid primary key references inbound_message(id),
      stay_id uuid not null references hospital_stay(id),
      message_header_id text not null unique,
      message_type text not null,
      kind text not null,
      variant text not null check (variant in ('new', 'revision', 'cancellation')),
      occurred_at timestamptz not null,
      recorded_at timestamptz not null,
      encounter_start timestamptz not null,
      encounter_class text not null check (encounter_class in ('inpatient', 'acute-ambulant')),
      refers_to_message_id text,
      previous_message_id text,
      department_organisation_id uuid references organisation(id)
    );
    create index stay_notification_stay on stay_notification (stay_id);
  `.execute(db);
}
