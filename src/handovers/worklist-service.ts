import type { RequestContext } from "../access/citizen-access.ts";
import type { CitizenService } from "../citizens/service.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { createChangeFeed } from "./change-feed.ts";
import type { HandoverStatus, Sector } from "./model.ts";
import * as store from "./worklist-store.ts";

/**
 * Worklists: what each organisation must act on, decided by what it is; the
 * receivers' citizens in hospital now; and live changes to both.
 */
export function createWorklists(deps: {
  db: Database;
  citizens: CitizenService;
  clock: () => Date;
  feedIntervalMs?: number;
}) {
  const { db, citizens, clock } = deps;
  const feed = createChangeFeed(db, {
    clock,
    ...(deps.feedIntervalMs ? { intervalMs: deps.feedIntervalMs } : {}),
  });
  /**
   * The acting organisation's worklist, decided by what it is: a
   * municipality (or one of its units) or a practice sees what it must
   * confirm; a hospital (or department) its discharges not yet taken over;
   * a cluster secretariat what is overdue or declined in the cluster. Names
   * and the ward's note come through the relation rules, each read audited
   * as `resource` (default "worklist").
   */
  async function worklist(
    ctx: RequestContext,
    f: {
      statuses?: HandoverStatus[];
      overdueOnly: boolean;
      sector?: Sector;
      newestFirst?: boolean;
      limit: number;
      id?: string;
      resource?: string;
    },
  ) {
    const org =
      ctx.actor.kind === "staff" || ctx.actor.kind === "token" ? ctx.actor.organisation : null;
    if (!org)
      throw new AppError(
        "TOV_ERR_FORBIDDEN",
        "Worklists belong to staff acting for an organisation",
      );
    const now = clock();
    const scope = worklistScope(org);
    if (!scope)
      throw new AppError("TOV_ERR_FORBIDDEN", "This organisation has no handover worklist");
    const rows = await store.worklist(db, {
      ...scope.filter,
      ...(f.id ? { id: f.id } : {}),
      statuses: f.statuses ?? scope.statuses,
      overdueOnly: f.overdueOnly,
      ...(f.sector ? { sector: f.sector } : {}),
      newestFirst: f.newestFirst ?? false,
      now,
      limit: f.limit,
    });
    const visible = scope.overdueOrDeclined
      ? rows.filter((r) => r.status === "declined" || new Date(r.deadlineAt) < now)
      : rows;
    const names = await citizens.namesFor(
      ctx,
      visible.map((r) => r.citizenId),
      f.resource ?? "worklist",
    );
    return visible.map((r) => ({
      ...r,
      citizenName: names.get(r.citizenId) ?? null,
      // The ward's note is health data: only for those with a relation to the citizen.
      note: names.get(r.citizenId) ? r.note : null,
      dischargedAt: new Date(r.dischargedAt).toISOString(),
      deadlineAt: new Date(r.deadlineAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
      overdue: r.status === "open" && new Date(r.deadlineAt) < now,
    }));
  }

  return {
    worklist,

    /**
     * One handover as the acting organisation's worklist shows it, whatever
     * its status (the FHIR Task read); null when it is not on that list.
     */
    async worklistItem(ctx: RequestContext, id: string, resource: string) {
      const [item] = await worklist(ctx, {
        id,
        statuses: ["open", "confirmed", "declined", "closed"],
        overdueOnly: false,
        limit: 1,
        resource,
      });
      return item ?? null;
    },

    /**
     * Calls `onChange` whenever the acting organisation's worklist may have
     * changed (a live worklist refetches then); returns the way to stop.
     */
    watch(ctx: RequestContext, onChange: () => void): () => void {
      const org =
        ctx.actor.kind === "staff" || ctx.actor.kind === "token" ? ctx.actor.organisation : null;
      const scope = org ? worklistScope(org) : null;
      if (!scope)
        throw new AppError("TOV_ERR_FORBIDDEN", "This organisation has no handover worklist");
      return feed.watch(scope.filter, onChange);
    },

    /**
     * A receiver's citizens in hospital now — the discharges to come — with
     * names read through the relation rules. Empty for hospitals and clusters,
     * whose worklists are about handovers only.
     */
    async inHospital(ctx: RequestContext, limit: number) {
      const org =
        ctx.actor.kind === "staff" || ctx.actor.kind === "token" ? ctx.actor.organisation : null;
      const scope = org ? worklistScope(org) : null;
      const filter = scope?.filter ?? {};
      if (!filter.municipalityCode && !filter.practiceId) return [];
      const rows = await store.currentStaysOf(db, {
        ...(filter.municipalityCode ? { municipalityCode: filter.municipalityCode } : {}),
        ...(filter.practiceId ? { practiceId: filter.practiceId } : {}),
        limit,
      });
      const names = await citizens.namesFor(
        ctx,
        rows.map((r) => r.citizenId),
        "worklist",
      );
      return rows.map((r) => ({
        ...r,
        status: r.status === "on-leave" ? ("on-leave" as const) : ("admitted" as const),
        citizenName: names.get(r.citizenId) ?? null,
        admittedAt: new Date(r.admittedAt).toISOString(),
      }));
    },
  };
}

type Org = Extract<RequestContext["actor"], { kind: "staff" | "token" }>["organisation"];

function worklistScope(org: Org): {
  filter: Partial<store.WorklistFilter>;
  statuses: HandoverStatus[];
  overdueOrDeclined?: boolean;
} | null {
  if (org.kind === "general_practice" && org.generalPracticeId)
    return { filter: { practiceId: org.generalPracticeId }, statuses: ["open", "declined"] };
  if ((org.kind === "municipality" || org.kind === "municipal_unit") && org.municipalityCode)
    return { filter: { municipalityCode: org.municipalityCode }, statuses: ["open", "declined"] };
  if ((org.kind === "hospital" || org.kind === "hospital_department") && org.hospitalId)
    return { filter: { dischargingHospitalId: org.hospitalId }, statuses: ["open", "declined"] };
  if (org.kind === "cluster_secretariat" && org.clusterId)
    return {
      filter: { clusterId: org.clusterId },
      statuses: ["open", "declined"],
      overdueOrDeclined: true,
    };
  return null;
}
