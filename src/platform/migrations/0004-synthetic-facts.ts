import { type Kysely, sql } from "kysely";

/**
 * Facts MedCom HospitalNotifications do not carry, for the indicators to come:
 * a stay's primary diagnosis, acute or planned, and when the patient was
 * medically ready for discharge; municipal home care; the citizen's address
 * (sealed like the name). The synthetic-data load fills them through its own
 * documented import; synthetic rows are marked, received messages included.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table citizen add column address_encrypted text;
    alter table general_practice add column synthetic boolean not null default false;
    alter table inbound_message add column synthetic boolean not null default false;

    create table stay_clinical_fact (
      stay_id uuid primary key references hospital_stay(id),
      primary_diagnosis text not null check (primary_diagnosis ~ '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?$'),
      preventable_group text,
      admission_kind text not null check (admission_kind in ('acute', 'planned')),
      medically_ready_at timestamptz,
      synthetic boolean not null default false,
      recorded_at timestamptz not null default now()
    );
    create index stay_clinical_fact_preventable on stay_clinical_fact (preventable_group)
      where preventable_group is not null;

    create table home_care_grant (
      id uuid primary key default gen_random_uuid(),
      citizen_id uuid not null references citizen(id),
      municipality_code text not null references municipality(code),
      service text not null check (service in ('personal-care', 'practical-help', 'home-nursing')),
      granted_on date not null,
      ended_on date,
      synthetic boolean not null default false,
      unique (citizen_id, service, granted_on),
      check (ended_on is null or ended_on >= granted_on)
    );
    create index home_care_grant_municipality on home_care_grant (municipality_code);
  `.execute(db);
}
