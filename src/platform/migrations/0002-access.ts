import { type Kysely, sql } from "kysely";

/**
 * Users, memberships, sessions, tokens, the append-only audit log, and the
 * citizen registry with its relations (home municipality, listed practice,
 * hospital stays, relatives' consent). CPR numbers are stored encrypted with a
 * keyed hash for look-up, never in the clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table citizen (
      id uuid primary key default gen_random_uuid(),
      cpr_hash text not null unique,
      cpr_encrypted text not null,
      name_encrypted text not null,
      birth_date date not null,
      sex text not null check (sex in ('female', 'male')),
      home_municipality_code text references municipality(code),
      listed_practice_id uuid references general_practice(id),
      synthetic boolean not null default false,
      deceased_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index citizen_home_municipality on citizen (home_municipality_code);
    create index citizen_listed_practice on citizen (listed_practice_id);

    create table hospital_stay (
      id uuid primary key default gen_random_uuid(),
      citizen_id uuid not null references citizen(id),
      hospital_id text not null references hospital(id),
      department_organisation_id uuid references organisation(id),
      admitted_at timestamptz not null,
      discharged_at timestamptz,
      check (discharged_at is null or discharged_at >= admitted_at)
    );
    create index hospital_stay_citizen on hospital_stay (citizen_id, admitted_at);

    create table app_user (
      id uuid primary key default gen_random_uuid(),
      username text not null unique check (username ~ '^[a-z0-9._@-]{3,100}$'),
      display_name text not null,
      kind text not null check (kind in ('staff', 'citizen', 'relative')),
      citizen_id uuid unique references citizen(id),
      password_hash text,
      oidc_issuer text,
      oidc_subject text,
      demo boolean not null default false,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      unique (oidc_issuer, oidc_subject),
      check (kind <> 'citizen' or citizen_id is not null)
    );

    create table membership (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user(id),
      organisation_id uuid not null references organisation(id),
      role text not null check (role in (
        'clinician', 'coordinator', 'cluster_lead', 'committee_member', 'administrator'
      )),
      granted_at timestamptz not null default now(),
      revoked_at timestamptz
    );
    create unique index membership_active on membership (user_id, organisation_id, role)
      where revoked_at is null;

    create table relative_consent (
      id uuid primary key default gen_random_uuid(),
      citizen_id uuid not null references citizen(id),
      relative_user_id uuid not null references app_user(id),
      granted_at timestamptz not null default now(),
      expires_at timestamptz,
      revoked_at timestamptz
    );
    create index relative_consent_relative on relative_consent (relative_user_id, citizen_id);

    create table user_session (
      id text primary key,
      user_id uuid not null references app_user(id),
      active_membership_id uuid references membership(id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz,
      login_method text not null check (login_method in ('password', 'oidc'))
    );
    create index user_session_by_user on user_session (user_id);

    create table login_throttle (
      key text primary key,
      failures integer not null default 0,
      window_started_at timestamptz not null default now(),
      locked_until timestamptz
    );

    create table api_token (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      token_hash text not null unique,
      organisation_id uuid not null references organisation(id),
      scopes text[] not null,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz
    );

    create table break_glass (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user(id),
      membership_id uuid not null references membership(id),
      citizen_id uuid not null references citizen(id),
      reason text not null check (length(reason) >= 10),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index break_glass_lookup on break_glass (user_id, citizen_id, expires_at);

    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      request_id text,
      actor_kind text not null check (actor_kind in ('staff', 'citizen', 'relative', 'token', 'system')),
      user_id uuid,
      token_id uuid,
      organisation_id uuid,
      organisation_name text,
      role text,
      citizen_id uuid,
      action text not null,
      resource text not null,
      outcome text not null check (outcome in ('allowed', 'denied')),
      relation text,
      purpose text,
      break_glass boolean not null default false,
      break_glass_reason text
    );
    create index audit_log_citizen on audit_log (citizen_id, at);

    -- Append-only, enforced by the database: no role the application uses may change history.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = '42501';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();
    revoke update, delete, truncate on audit_log from public;
  `.execute(db);
}
