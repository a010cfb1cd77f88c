import { type RawBuilder, sql } from "kysely";
import type { FollowUpFact } from "../access/follow-up-relations.ts";

/**
 * A citizen's medical follow-up items as the relation rules take them
 * (src/access/follow-up-relations.ts), in one SQL expression over a `citizen`
 * row aliased `alias`, for the citizens store's `sealedFacts`. A citizen has
 * an item only for a discharge without a listed GP; only the open ones can
 * relate anyone, so only they are read.
 *
 * The bodies that hold the item's municipality from the discharge's date on
 * come with it, each with its dates: on any day the one holding it then
 * answers for the item (a cluster's December item is the council's in
 * January), chosen by the pure rule with the reader's clock.
 *
 * As it arrives: [discharging hospital, body, resolved or closed at,
 * holders as [body, from, until or null]].
 */
export type FollowUpFactsJson = [
  string,
  string | null,
  string | null,
  [string, string, string | null][],
][];

export function followUpRelationFacts(alias: string): RawBuilder<FollowUpFactsJson> {
  const c = sql.id(alias);
  return sql<FollowUpFactsJson>`coalesce((select json_agg(json_build_array(
      f.discharging_hospital_id, f.body_id,
      case when f.status <> 'open' then coalesce(f.resolved_at, f.discharged_at) end,
      coalesce((select json_agg(json_build_array(m.body_id, m.valid_from, m.valid_to)
          order by m.valid_from)
        from body_membership m
        where m.municipality_code = f.municipality_code and m.kind = 'primary'
          and (m.valid_to is null
            or m.valid_to > (f.discharged_at at time zone 'Europe/Copenhagen')::date)),
        '[]')))
    from medical_follow_up f
    where f.citizen_id = ${c}.id and f.status = 'open'), '[]')`;
}

export function followUpFactsFrom(json: FollowUpFactsJson): FollowUpFact[] {
  return json.map(([hospital, bodyId, resolvedAt, holders]) => ({
    dischargingHospitalId: hospital,
    bodyId,
    resolvedAt: resolvedAt === null ? null : new Date(resolvedAt),
    holders: (holders ?? []).map(([holder, from, until]) => ({
      bodyId: holder,
      from: from.slice(0, 10),
      until: until === null ? null : until.slice(0, 10),
    })),
  }));
}
