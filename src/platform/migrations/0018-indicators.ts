import { type Kysely, sql } from "kysely";

/**
 * Quality indicators (issue 20).
 *
 * - `citizen_residence`: where a citizen lived and which practice they were
 *   listed with, from when to when, so that an event is attributed to the
 *   municipality of its own day and a population is counted on a period's first
 *   day. A trigger keeps it: whatever code moves a citizen, the history follows.
 *   The day of a change is the transaction's `tovholder.today` (the app's
 *   clock, set by the writer) or else the database's Danish date.
 * - `indicator_admission`: each citizen's admissions (sygehusophold of ≥ 12 h)
 *   with what the indicators need, rebuilt per citizen when their stays change.
 * - `indicator_cell` and `indicator_population`: monthly counts per unit key
 *   (municipality, practice, hospital), age band and sex; a period's figure is
 *   summed from its months when asked.
 * - `indicator_dirty_citizen` / `indicator_dirty_month`: what changed since the
 *   last maintenance run, written by triggers, so figures follow new messages
 *   and confirmations without recomputing everything.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table citizen_residence (
      id bigint generated always as identity primary key,
      citizen_id uuid not null references citizen(id),
      municipality_code text references municipality(code),
      practice_id uuid references general_practice(id),
      valid_from date,
      valid_to date,
      check (valid_to is null or valid_from is null or valid_to > valid_from)
    );
    create index citizen_residence_citizen on citizen_residence (citizen_id, valid_from);
    create unique index citizen_residence_open on citizen_residence (citizen_id) where valid_to is null;
    insert into citizen_residence (citizen_id, municipality_code, practice_id)
      select id, home_municipality_code, listed_practice_id from citizen;

    create function tovholder_today() returns date language sql stable as $$
      select coalesce(
        nullif(current_setting('tovholder.today', true), '')::date,
        (now() at time zone 'Europe/Copenhagen')::date)
    $$;

    create function citizen_residence_follows() returns trigger language plpgsql as $$
    declare
      today date := tovholder_today();
    begin
      if tg_op = 'INSERT' then
        insert into citizen_residence (citizen_id, municipality_code, practice_id)
          values (new.id, new.home_municipality_code, new.listed_practice_id);
        return new;
      end if;
      if new.home_municipality_code is not distinct from old.home_municipality_code
         and new.listed_practice_id is not distinct from old.listed_practice_id then
        return new;
      end if;
      -- A second change on the same day corrects that day's row.
      update citizen_residence
        set municipality_code = new.home_municipality_code, practice_id = new.listed_practice_id
        where citizen_id = new.id and valid_to is null and valid_from = today;
      if not found then
        update citizen_residence set valid_to = today
          where citizen_id = new.id and valid_to is null;
        insert into citizen_residence (citizen_id, municipality_code, practice_id, valid_from)
          values (new.id, new.home_municipality_code, new.listed_practice_id, today);
      end if;
      return new;
    end $$;
    create trigger citizen_residence_history
      after insert or update of home_municipality_code, listed_practice_id on citizen
      for each row execute function citizen_residence_follows();

    create table indicator_admission (
      citizen_id uuid not null references citizen(id),
      seq integer not null,
      first_stay_id uuid not null,
      last_stay_id uuid not null,
      first_hospital_id text not null,
      last_hospital_id text not null,
      started_at timestamptz not null,
      ended_at timestamptz,
      start_month text not null,
      end_month text,
      acute boolean not null,
      diagnosis text,
      preventable_group text,
      died_during boolean not null,
      days_after_ready integer not null,
      charge numeric(12, 2) not null,
      is_index boolean not null,
      index_excluded_by text[] not null,
      readmission_excluded boolean not null,
      readmitted_at timestamptz,
      sex text not null,
      age_band_at_start text not null,
      age_band_at_end text,
      residence_at_start text,
      residence_at_end text,
      practice_at_start uuid,
      practice_at_end uuid,
      primary key (citizen_id, seq)
    );
    create index indicator_admission_start on indicator_admission (start_month);
    create index indicator_admission_end on indicator_admission (end_month);
    create index indicator_admission_acute_start on indicator_admission (citizen_id, started_at)
      where acute;

    create table indicator_cell (
      indicator text not null,
      attribution text not null check (attribution in ('residence', 'practice', 'hospital')),
      month text not null,
      key text not null,
      age_band text not null,
      sex text not null,
      sector text not null default '',
      grp text not null default '',
      numerator bigint not null,
      denominator bigint,
      amount numeric(16, 2),
      durations jsonb,
      primary key (indicator, attribution, month, key, age_band, sex, sector, grp)
    );
    create index indicator_cell_month on indicator_cell (month);
    -- The loop's cells read one month of discharges at a time.
    create index handover_discharged on handover (discharged_at);

    create table indicator_population (
      month text not null,
      attribution text not null check (attribution in ('residence', 'practice')),
      key text not null,
      age_band text not null,
      sex text not null,
      persons bigint not null,
      primary key (month, attribution, key, age_band, sex)
    );

    create table indicator_dirty_citizen (
      citizen_id uuid primary key,
      marked_at timestamptz not null default now()
    );
    create table indicator_dirty_month (
      source text not null check (source in ('admission', 'population', 'loop')),
      month text not null,
      primary key (source, month)
    );
    create table indicator_state (
      id boolean primary key default true check (id),
      computed_at timestamptz,
      -- Goes up with every run that changed figures: what the service's cached tables are keyed on.
      generation bigint not null default 0,
      population_counted_at timestamptz,
      parameters_sha256 text,
      first_month text,
      last_month text
    );
    insert into indicator_state (id) values (true);
    -- Goes up whenever a month's cells are rebuilt: a cached table of unchanged months stays valid.
    create table indicator_month_state (
      month text primary key,
      version bigint not null
    );

    create function indicator_citizen_changed() returns trigger language plpgsql as $$
    begin
      insert into indicator_dirty_citizen (citizen_id) values (new.citizen_id)
        on conflict do nothing;
      return null;
    end $$;
    create trigger indicator_stay_changed after insert or update on hospital_stay
      for each row execute function indicator_citizen_changed();

    create function indicator_fact_changed() returns trigger language plpgsql as $$
    begin
      insert into indicator_dirty_citizen (citizen_id)
        select citizen_id from hospital_stay where id = new.stay_id
        on conflict do nothing;
      return null;
    end $$;
    create trigger indicator_fact_changed after insert or update on stay_clinical_fact
      for each row execute function indicator_fact_changed();

    -- A move or a death changes the populations, and the events of a citizen with stays.
    -- A citizen's first residence comes before any stay: their admissions cannot change,
    -- and a register of millions must not queue millions of citizens with nothing to count.
    create function indicator_residence_changed() returns trigger language plpgsql as $$
    begin
      if new.valid_from is not null
         and exists (select 1 from hospital_stay s where s.citizen_id = new.citizen_id) then
        insert into indicator_dirty_citizen (citizen_id) values (new.citizen_id)
          on conflict do nothing;
      end if;
      insert into indicator_dirty_month (source, month)
        values ('population', coalesce(to_char(new.valid_from, 'YYYY-MM'), '*'))
        on conflict do nothing;
      return null;
    end $$;
    create trigger indicator_residence_changed after insert or update on citizen_residence
      for each row execute function indicator_residence_changed();

    create function indicator_death_changed() returns trigger language plpgsql as $$
    begin
      if new.deceased_at is distinct from old.deceased_at then
        if exists (select 1 from hospital_stay s where s.citizen_id = new.id) then
          insert into indicator_dirty_citizen (citizen_id) values (new.id) on conflict do nothing;
        end if;
        insert into indicator_dirty_month (source, month)
          values ('population', to_char(coalesce(least(new.deceased_at, old.deceased_at),
            new.deceased_at, old.deceased_at) at time zone 'Europe/Copenhagen', 'YYYY-MM'))
          on conflict do nothing;
      end if;
      return null;
    end $$;
    create trigger indicator_death_changed after update of deceased_at on citizen
      for each row execute function indicator_death_changed();

    create function indicator_handover_changed() returns trigger language plpgsql as $$
    begin
      insert into indicator_dirty_month (source, month)
        values ('loop', to_char(new.discharged_at at time zone 'Europe/Copenhagen', 'YYYY-MM'))
        on conflict do nothing;
      if tg_op = 'UPDATE' and old.discharged_at is distinct from new.discharged_at then
        insert into indicator_dirty_month (source, month)
          values ('loop', to_char(old.discharged_at at time zone 'Europe/Copenhagen', 'YYYY-MM'))
          on conflict do nothing;
      end if;
      return null;
    end $$;
    create trigger indicator_handover_changed after insert or update on handover
      for each row execute function indicator_handover_changed();
  `.execute(db);
}
