import { type Kysely, sql } from "kysely";

/**
 * How to reach an organisation: phone, email, opening hours and web address.
 * These are the organisation's own public details, not personal data, so any
 * signed-in user may read them; the citizen's page shows them for whoever is
 * responsible now. One row per organisation; a unit without a row shows its
 * parent's (a department's hospital), decided in code, not here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisation_contact (
      organisation_id uuid primary key references organisation(id),
      phone text,
      email text,
      opening_hours text,
      web_url text check (web_url is null or web_url like 'https://%'),
      updated_by uuid references app_user(id),
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}
