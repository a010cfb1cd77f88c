import { type Kysely, sql } from "kysely";

/**
 * GP capacity (issue 22 §5): facts per general practice — doctors, listed
 * patients, closed to new patients (*lukket for tilgang*) — each dated
 * (`as_of`) and marked with where it came from (`source`): the register, a CSV
 * import or the synthetic Denmark. A practice has at most one fact per date;
 * a later import of the same date replaces it. Aggregation per municipality,
 * body and region happens when read, on the structure of the date asked.
 *
 * A body's thin-area rule: more than `max_patients_per_doctor` listed patients
 * per doctor makes a municipality thin (1,900 until the body sets another).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table gp_capacity_fact (
      organisation_id uuid not null references organisation(id),
      as_of date not null,
      doctors integer not null check (doctors > 0),
      listed_patients integer not null check (listed_patients >= 0),
      closed_to_new boolean not null,
      source text not null check (source in ('register', 'csv-import', 'synthetic')),
      recorded_at timestamptz not null,
      recorded_by uuid references app_user(id),
      primary key (organisation_id, as_of)
    );
    create index gp_capacity_fact_as_of on gp_capacity_fact (as_of);

    create table gp_capacity_rule (
      body_id text primary key references body(id),
      max_patients_per_doctor integer not null check (max_patients_per_doctor > 0),
      set_at timestamptz not null,
      set_by uuid references app_user(id)
    );
  `.execute(db);
}
