import { type RawBuilder, sql } from "kysely";

/**
 * Which body is responsible for a handover on a date, in SQL, so that the
 * sweeper, the worklists, the change feed, a decline's notice and sending a
 * handover on all answer alike.
 *
 * A handover keeps the body of its own date (`handover.body_id`: its rule,
 * its deadline and its history stay that body's). The body that must act on
 * it is another matter: on a date, it is the body that holds the handover's
 * municipality that day — the receiving municipality for the municipal
 * sector, the practice's municipality for the GP sector, as `handoverParties`
 * in src/structure derives a new handover's body. Before a change of
 * structure the two are the same; from 1 January 2027 a December handover of
 * a cluster is the council's to chase. Where the municipality has no body on
 * the date, the handover's own body answers.
 */
export function responsibleBodyOn(alias: string, date: string): RawBuilder<string | null> {
  const h = (column: string) => sql.ref(`${alias}.${column}`);
  return bodyHoldingOn(
    sql`case when ${h("sector")} = 'municipality'
        then ${h("receiver_municipality_code")}
        else (select gp.municipality_code from general_practice gp
          where gp.id = ${h("receiver_practice_id")}) end`,
    sql`${date}::date`,
    h("body_id"),
  );
}

/**
 * The body holding a municipality on a date (both SQL expressions), else
 * `otherwise`: the rule of `responsibleBodyOn`, for a municipality and date
 * other than a handover's receiver today (a decline's, in relation-facts.ts).
 */
export function bodyHoldingOn(
  municipalityCode: RawBuilder<unknown>,
  date: RawBuilder<unknown>,
  otherwise: RawBuilder<unknown> | ReturnType<typeof sql.ref>,
): RawBuilder<string | null> {
  return sql<string | null>`coalesce((
    select rb.body_id from body_membership rb
    where rb.kind = 'primary'
      and rb.valid_from <= ${date} and (rb.valid_to is null or ${date} < rb.valid_to)
      and rb.municipality_code = ${municipalityCode}
    limit 1), ${otherwise})`;
}

/**
 * The handovers a body is responsible for on a date. The first condition only
 * narrows the search to handovers of the bodies that have held any of its
 * municipalities (itself, and the ended bodies before it), so the worklist
 * index on `body_id` serves it; the second is the rule itself.
 */
export function inCareOf(alias: string, bodyId: string, date: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.body_id`)} in (
      select former.body_id from body_membership former
      join body_membership held on held.municipality_code = former.municipality_code
      where held.body_id = ${bodyId} and held.kind = 'primary' and former.kind = 'primary'
        and held.valid_from <= ${date}::date
        and (held.valid_to is null or ${date}::date < held.valid_to))
    and ${responsibleBodyOn(alias, date)} = ${bodyId}`;
}
