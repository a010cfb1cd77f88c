import { type RawBuilder, sql } from "kysely";
import type { HandoverFact } from "../access/handover-relations.ts";
import { bodyHoldingOn } from "./responsible-body.ts";

/**
 * A citizen's handovers as the relation rules take them
 * (src/access/handover-relations.ts), in one SQL expression over a `citizen`
 * row aliased `alias`, for the citizens store's `sealedFacts`: every read of
 * a citizen's facts sees the same handovers.
 *
 * Only the handovers that can give a relation are read: those still open or
 * declined, and those a body's coordinators were called in on (their window
 * runs on after the handover is resolved). A citizen's many confirmed
 * handovers of years past cost nothing.
 *
 * A call is a ladder step to the body's coordinator (the body the sweeper
 * recorded; the step's due time, from the sweeper's clock) or a decline (the
 * body holding the declining organisation's municipality on the decline's
 * Danish date — the body `decisions.ts` told, even after the handover was
 * sent on to a receiver elsewhere).
 *
 * As it arrives: [status, sector, discharging hospital, receiving
 * municipality, receiving practice, resolved at, calls as [body, cause, at]].
 */
export type HandoverFactsJson = [
  HandoverFact["status"],
  HandoverFact["sector"],
  string,
  string | null,
  string | null,
  string | null,
  [string, "overdue" | "declined", string][],
][];

export function handoverRelationFacts(alias: string): RawBuilder<HandoverFactsJson> {
  const c = sql.id(alias);
  const declinerMunicipality = sql`(select coalesce(o.municipality_code, gp.municipality_code)
      from organisation o left join general_practice gp on gp.id = o.general_practice_id
      where o.id = t.actor_organisation_id)`;
  const declineBody = bodyHoldingOn(
    declinerMunicipality,
    sql`(t.at at time zone 'Europe/Copenhagen')::date`,
    sql.ref("h.body_id"),
  );
  const calls = sql`
    select coalesce(e.body_id, h.body_id) as body_id, 'overdue' as cause, e.due_at as at
      from handover_escalation e where e.handover_id = h.id and e.target = 'body-coordinator'
    union all
    select ${declineBody}, 'declined', t.at
      from handover_transition t where t.handover_id = h.id and t.kind = 'declined'`;
  // The calls are read per handover (a lateral, probing the indexes by handover id), never
  // as a hashed scan of every escalation and transition (test/handovers/worklist-plans.test.ts).
  return sql<HandoverFactsJson>`coalesce((select json_agg(json_build_array(h.status, h.sector,
      h.discharging_hospital_id, h.receiver_municipality_code, h.receiver_practice_id,
      case when h.status in ('confirmed', 'closed') then coalesce(
        (select max(r.at) from handover_transition r
          where r.handover_id = h.id and r.to_status = h.status), h.updated_at) end,
      coalesce(x.calls, '[]')))
    from handover h
    cross join lateral (select json_agg(json_build_array(k.body_id, k.cause, k.at)
        order by k.at) as calls
      from (${calls}) k where k.body_id is not null) x
    where h.citizen_id = ${c}.id
      and (h.status in ('open', 'declined') or x.calls is not null)), '[]')`;
}

/** What `handoverRelationFacts` selected, as the relation rules take it. */
export function handoverFactsFrom(json: HandoverFactsJson): HandoverFact[] {
  return json.map(([status, sector, hospital, municipality, practice, resolvedAt, calls]) => ({
    status,
    sector,
    dischargingHospitalId: hospital,
    receiverMunicipalityCode: municipality,
    receiverPracticeId: practice,
    resolvedAt: resolvedAt === null ? null : new Date(resolvedAt),
    calls: calls.map(([bodyId, cause, at]) => ({ bodyId, cause, at: new Date(at) })),
  }));
}
