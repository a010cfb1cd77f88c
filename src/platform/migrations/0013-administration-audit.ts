import { type Kysely, sql } from "kysely";

/**
 * Who granted what. A membership records who granted it, in which of their
 * organisations, how (an administrator in the web or API, the operator through
 * the CLI, or the demo seed), and who revoked it. The audit log gets the
 * operator as a kind of actor (the CLI acts as "operator", with the OS user's
 * name) and the columns of an administration entry: the user, token,
 * organisation and membership it is about, the role or scopes given. A
 * citizen-data read by staff records the membership it went through, so the
 * citizen's log can say when that role was granted by an administrator.
 * Memberships from before this migration have no `granted_via` (unknown).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table membership
      add column granted_by uuid references app_user(id),
      add column granted_by_organisation_id uuid references organisation(id),
      add column granted_via text check (granted_via in ('administrator', 'operator', 'seed')),
      add column revoked_by uuid references app_user(id);

    alter table audit_log drop constraint audit_log_actor_kind_check;
    alter table audit_log add constraint audit_log_actor_kind_check check (actor_kind in (
      'staff', 'citizen', 'relative', 'token', 'system', 'operator'
    ));
    alter table audit_log
      add column actor_name text,
      add column membership_id uuid,
      add column subject_user_id uuid,
      add column subject_token_id uuid,
      add column subject_organisation_id uuid,
      add column granted_role text,
      add column scopes text[];
    create index audit_log_subject_user on audit_log (subject_user_id, at)
      where subject_user_id is not null;
  `.execute(db);
}
