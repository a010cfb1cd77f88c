import { type RawBuilder, sql } from "kysely";
import type { FollowUpFact } from "../access/follow-up-relations.ts";

/**
 * A citizen's medical follow-up items as the relation rules take them
 * (src/access/follow-up-relations.ts), in one SQL expression over a `citizen`
 * row aliased `alias`, for the citizens store's `sealedFacts`. A citizen has
 * an item only for a discharge without a listed GP; only the open ones can
 * relate anyone, so only they are read.
 *
 * As it arrives: [discharging hospital, body, resolved or closed at].
 */
export type FollowUpFactsJson = [string, string | null, string | null][];

export function followUpRelationFacts(alias: string): RawBuilder<FollowUpFactsJson> {
  const c = sql.id(alias);
  return sql<FollowUpFactsJson>`coalesce((select json_agg(json_build_array(
      f.discharging_hospital_id, f.body_id,
      case when f.status <> 'open' then coalesce(f.resolved_at, f.discharged_at) end))
    from medical_follow_up f
    where f.citizen_id = ${c}.id and f.status = 'open'), '[]')`;
}

export function followUpFactsFrom(json: FollowUpFactsJson): FollowUpFact[] {
  return json.map(([hospital, bodyId, resolvedAt]) => ({
    dischargingHospitalId: hospital,
    bodyId,
    resolvedAt: resolvedAt === null ? null : new Date(resolvedAt),
  }));
}
