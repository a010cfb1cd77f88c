import { type Kysely, sql } from "kysely";

/** The Danish health structure, time-versioned with half-open [valid_from, valid_to) intervals. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table region (
      code text primary key check (code ~ '^[0-9]{4}$'),
      name text not null,
      committee_name text not null,
      committee_verified boolean not null default false
    );

    create table municipality (
      code text primary key check (code ~ '^[0-9]{3}$'),
      name text not null,
      region_code text not null references region(code),
      population integer check (population is null or population >= 0),
      population_year integer,
      population65plus integer check (population65plus is null or population65plus >= 0)
    );

    create table cluster (
      id text primary key check (id ~ '^[a-z0-9-]+$'),
      name text not null,
      region_code text not null references region(code),
      aliases text[] not null default '{}',
      verified boolean not null,
      verification jsonb not null default '{}',
      sources jsonb not null default '[]',
      notes text,
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to > valid_from)
    );

    create table hospital (
      id text primary key check (id ~ '^[a-z0-9-]+$'),
      name text not null unique,
      region_code text not null references region(code),
      sor_code text unique,
      acute boolean not null default true
    );

    create table cluster_hospital (
      cluster_id text not null references cluster(id),
      hospital_id text not null references hospital(id),
      valid_from date not null,
      valid_to date,
      primary key (cluster_id, hospital_id, valid_from),
      check (valid_to is null or valid_to > valid_from)
    );

    create table cluster_membership (
      id bigint generated always as identity primary key,
      cluster_id text not null references cluster(id),
      municipality_code text not null references municipality(code),
      kind text not null check (kind in ('primary', 'partial')),
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to > valid_from)
    );
    create index cluster_membership_municipality on cluster_membership (municipality_code, valid_from);
    create index cluster_membership_cluster on cluster_membership (cluster_id, valid_from);

    -- The loader checks this too; the trigger keeps any other writer honest.
    create function cluster_membership_single_primary() returns trigger language plpgsql as $$
    begin
      if new.kind = 'primary' and exists (
        select 1 from cluster_membership m
        where m.municipality_code = new.municipality_code
          and m.kind = 'primary'
          and m.id <> new.id
          and m.valid_from < coalesce(new.valid_to, 'infinity'::date)
          and new.valid_from < coalesce(m.valid_to, 'infinity'::date)
      ) then
        raise exception 'municipality % would have two primary clusters', new.municipality_code
          using errcode = '23P01';
      end if;
      return new;
    end $$;
    create trigger cluster_membership_single_primary
      before insert or update on cluster_membership
      for each row execute function cluster_membership_single_primary();

    create table general_practice (
      id uuid primary key default gen_random_uuid(),
      provider_number text not null unique check (provider_number ~ '^[0-9]{4,7}$'),
      name text not null,
      municipality_code text not null references municipality(code),
      sor_code text unique,
      created_at timestamptz not null default now()
    );

    create table organisation (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in (
        'hospital', 'hospital_department', 'municipality', 'municipal_unit',
        'general_practice', 'cluster_secretariat', 'region'
      )),
      name text not null,
      sor_code text unique,
      region_code text references region(code),
      municipality_code text references municipality(code),
      hospital_id text references hospital(id),
      general_practice_id uuid references general_practice(id),
      cluster_id text references cluster(id),
      parent_id uuid references organisation(id),
      created_at timestamptz not null default now()
    );

    -- The structure's own bodies each have exactly one organisation row.
    create unique index organisation_region on organisation (region_code) where kind = 'region';
    create unique index organisation_municipality on organisation (municipality_code)
      where kind = 'municipality';
    create unique index organisation_hospital on organisation (hospital_id) where kind = 'hospital';
    create unique index organisation_cluster on organisation (cluster_id)
      where kind = 'cluster_secretariat';
    create unique index organisation_practice on organisation (general_practice_id)
      where kind = 'general_practice';

    create table structure_version (
      as_of date primary key,
      source_sha256 text not null,
      loaded_at timestamptz not null default now(),
      summary jsonb not null
    );
  `.execute(db);
}
