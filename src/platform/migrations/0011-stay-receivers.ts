import { type Kysely, sql } from "kysely";

/**
 * A stay carries its citizen's home municipality and listed practice: the
 * receivers whose "in hospital now" list it is on. Without them, every
 * municipal and GP worklist request joined each open stay in the database to
 * its citizen to find the receiver's own (~300 citizen lookups for a
 * cluster-scale year, ~2 to 4 ms, and every admitted citizen in Denmark in a
 * national database). With them, it reads only the receiver's entries in a
 * partial index of open stays (~0.1 ms).
 *
 * They are copies, so the database keeps them equal to the citizen's, whatever
 * code writes: a stay takes them from its citizen when it is written, and a
 * citizen who moves or changes practice takes their stays along.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table hospital_stay
      add column citizen_municipality_code text references municipality(code),
      add column citizen_practice_id uuid references general_practice(id);
    update hospital_stay s
      set citizen_municipality_code = c.home_municipality_code,
        citizen_practice_id = c.listed_practice_id
      from citizen c where c.id = s.citizen_id;

    create function hospital_stay_takes_citizen_receivers() returns trigger language plpgsql as $$
    begin
      select c.home_municipality_code, c.listed_practice_id
        into new.citizen_municipality_code, new.citizen_practice_id
        from citizen c where c.id = new.citizen_id;
      return new;
    end $$;
    create trigger hospital_stay_citizen_receivers
      before insert or update of citizen_id, citizen_municipality_code, citizen_practice_id
      on hospital_stay
      for each row execute function hospital_stay_takes_citizen_receivers();

    create function citizen_moves_stays() returns trigger language plpgsql as $$
    begin
      update hospital_stay
        set citizen_municipality_code = new.home_municipality_code,
          citizen_practice_id = new.listed_practice_id
        where citizen_id = new.id;
      return null;
    end $$;
    create trigger citizen_receivers_to_stays
      after update of home_municipality_code, listed_practice_id on citizen
      for each row
      when (old.home_municipality_code is distinct from new.home_municipality_code
        or old.listed_practice_id is distinct from new.listed_practice_id)
      execute function citizen_moves_stays();

    create index hospital_stay_open_in_municipality
      on hospital_stay (citizen_municipality_code, admitted_at, id)
      where status in ('admitted', 'on-leave');
    create index hospital_stay_open_in_practice
      on hospital_stay (citizen_practice_id, admitted_at, id)
      where status in ('admitted', 'on-leave');
  `.execute(db);
}
