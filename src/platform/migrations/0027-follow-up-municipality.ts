import { type Kysely, sql } from "kysely";

/**
 * A medical follow-up item keeps the municipality it was opened for (issue 21,
 * part 5, across the change of 2027). Its `body_id` is the body of the
 * discharge's date, as a handover's is; the body whose coordinators must see
 * it resolved is the one holding that municipality on the day they look, so a
 * December item of a cluster is the council's from 1 January 2027, as a
 * handover is (src/handovers/responsible-body.ts).
 *
 * Items opened before this migration take the citizen's home municipality
 * now: the one the item was opened for unless the citizen has moved since.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table medical_follow_up
      add column municipality_code text references municipality(code);
    update medical_follow_up f set municipality_code = c.home_municipality_code
      from citizen c where c.id = f.citizen_id;
  `.execute(db);
}
