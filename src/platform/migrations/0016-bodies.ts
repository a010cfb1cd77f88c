import { type Kysely, sql } from "kysely";

/**
 * From 1 January 2027 the 22 sundhedsklynger give way to 17 sundhedsråd. Both are
 * the same concept in Tovholder: the local *body* a municipality belongs to on a
 * date, of kind `sundhedsklynge` or `sundhedsraad`. This migration renames the
 * cluster tables and columns to that neutral name (the rows keep their ids) and
 * adds what the crossing needs:
 *
 * - regions are time-versioned (Hovedstaden and Sjælland end, Østdanmark begins),
 *   may carry an id that is not a verified region code, and their health
 *   collaboration committees get their own dated table (they end in 2027);
 * - an organisation can end (a cluster's secretariat);
 * - `body_succession` is the documented mapping from a municipality's old body to
 *   its new one; `body_carry_over` records each carry-over the transition made;
 * - an escalation records the body it went to, which from 1 January is the
 *   council holding the citizen's municipality, not the handover's cluster;
 * - a handover rule records the body it was carried over from and whether the
 *   body's coordinators still have to confirm it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table cluster rename to body;
    alter table body add column kind text not null default 'sundhedsklynge'
      check (kind in ('sundhedsklynge', 'sundhedsraad'));
    alter table body alter column kind drop default;
    alter table body rename constraint cluster_pkey to body_pkey;

    alter table cluster_hospital rename to body_hospital;
    alter table body_hospital rename column cluster_id to body_id;

    drop trigger cluster_membership_single_primary on cluster_membership;
    drop function cluster_membership_single_primary();
    alter table cluster_membership rename to body_membership;
    alter table body_membership rename column cluster_id to body_id;
    alter index cluster_membership_municipality rename to body_membership_municipality;
    alter index cluster_membership_cluster rename to body_membership_body;
    create function body_membership_single_primary() returns trigger language plpgsql as $$
    begin
      if new.kind = 'primary' and exists (
        select 1 from body_membership m
        where m.municipality_code = new.municipality_code
          and m.kind = 'primary'
          and m.id <> new.id
          and m.valid_from < coalesce(new.valid_to, 'infinity'::date)
          and new.valid_from < coalesce(m.valid_to, 'infinity'::date)
      ) then
        raise exception 'municipality % would have two primary bodies', new.municipality_code
          using errcode = '23P01';
      end if;
      return new;
    end $$;
    create trigger body_membership_single_primary
      before insert or update on body_membership
      for each row execute function body_membership_single_primary();

    create table regional_committee (
      region_code text not null references region(code),
      name text not null,
      verified boolean not null default false,
      valid_from date not null,
      valid_to date,
      primary key (region_code, valid_from),
      check (valid_to is null or valid_to > valid_from)
    );
    insert into regional_committee (region_code, name, verified, valid_from)
      select code, committee_name, committee_verified,
        coalesce((select min(as_of) from structure_version), date '2022-07-01')
      from region;
    alter table region drop column committee_name;
    alter table region drop column committee_verified;
    alter table region drop constraint region_code_check;
    alter table region add constraint region_code_check check (code ~ '^([0-9]{4}|[a-z]+)$');
    alter table region add column code_verified boolean not null default true;
    alter table region add column seat text;
    alter table region add column valid_from date;
    update region set valid_from =
      coalesce((select min(as_of) from structure_version), date '2022-07-01');
    alter table region alter column valid_from set not null;
    alter table region add column valid_to date check (valid_to is null or valid_to > valid_from);

    drop index organisation_cluster;
    alter table organisation drop constraint organisation_kind_check;
    update organisation set kind = 'body_secretariat' where kind = 'cluster_secretariat';
    alter table organisation add constraint organisation_kind_check check (kind in (
      'hospital', 'hospital_department', 'municipality', 'municipal_unit',
      'general_practice', 'body_secretariat', 'region'
    ));
    alter table organisation rename column cluster_id to body_id;
    create unique index organisation_body on organisation (body_id)
      where kind = 'body_secretariat';
    alter table organisation add column valid_to date;

    alter table membership drop constraint membership_role_check;
    update membership set role = 'body_lead' where role = 'cluster_lead';
    alter table membership add constraint membership_role_check check (role in (
      'clinician', 'coordinator', 'body_lead', 'committee_member', 'administrator'
    ));
    alter table membership drop constraint membership_granted_via_check;
    alter table membership add constraint membership_granted_via_check
      check (granted_via in ('administrator', 'operator', 'seed', 'carry-over'));

    alter table handover rename column cluster_id to body_id;
    alter index handover_live_cluster rename to handover_live_body;

    alter table handover_escalation drop constraint handover_escalation_target_check;
    update handover_escalation set target = 'body-coordinator' where target = 'cluster-coordinator';
    alter table handover_escalation add constraint handover_escalation_target_check
      check (target in ('receiver', 'body-coordinator', 'discharging-department'));
    alter table handover_escalation add column body_id text references body(id);
    update handover_escalation e set body_id = h.body_id
      from handover h where h.id = e.handover_id and e.target = 'body-coordinator';

    alter table handover_rule rename column cluster_id to body_id;
    update handover_rule
      set rule = replace(rule::text, '"cluster-coordinator"', '"body-coordinator"')::jsonb;
    alter table handover_rule add column carried_over_from text references body(id);
    alter table handover_rule add column needs_confirmation boolean not null default false;

    create table body_succession (
      municipality_code text not null references municipality(code),
      from_body_id text not null references body(id),
      to_body_id text not null references body(id),
      valid_from date not null,
      primary key (municipality_code, valid_from)
    );
    create index body_succession_to on body_succession (to_body_id, valid_from);

    create table body_carry_over (
      id bigint generated always as identity primary key,
      valid_from date not null,
      kind text not null check (kind in ('rule', 'membership')),
      from_body_id text not null references body(id),
      to_body_id text not null references body(id),
      detail jsonb not null,
      applied_at timestamptz not null
    );
    create index body_carry_over_date on body_carry_over (valid_from, kind);
  `.execute(db);
}
