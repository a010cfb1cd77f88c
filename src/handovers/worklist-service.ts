import type { CitizenAuditResource } from "../access/audit-vocabulary.ts";
import type { RequestContext } from "../access/citizen-access.ts";
import type { CitizenService, NamedCitizen } from "../citizens/service.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { createChangeFeed } from "./change-feed.ts";
import * as inHospitalStore from "./in-hospital-store.ts";
import {
  type HandoverStatus,
  NEEDS_ACTION_GROUPS,
  type Sector,
  WORKLIST_GROUPS,
  type WorklistGroup,
  type WorklistReader,
} from "./model.ts";
import type { Page } from "./worklist-sql.ts";
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
  /** The acting organisation's worklist scope, or 403 when it has none. */
  function scopeOf(ctx: RequestContext) {
    const org =
      ctx.actor.kind === "staff" || ctx.actor.kind === "token" ? ctx.actor.organisation : null;
    if (!org)
      throw new AppError(
        "TOV_ERR_FORBIDDEN",
        "Worklists belong to staff acting for an organisation",
        [],
        { key: "handovers.staffOnly" },
      );
    const scope = worklistScope(org);
    if (!scope)
      throw new AppError("TOV_ERR_FORBIDDEN", "This organisation has no handover worklist", [], {
        key: "handovers.noWorklist",
      });
    return scope;
  }

  function filterOf(ctx: RequestContext, f: WorklistQuery, now: Date): store.WorklistFilter {
    const scope = scopeOf(ctx);
    return {
      ...scope.filter,
      ...(f.id ? { id: f.id } : {}),
      statuses: f.statuses ?? scope.statuses,
      overdueOnly: f.overdueOnly,
      ...(scope.overdueOrDeclined ? { overdueOrDeclined: true } : {}),
      ...(f.sector ? { sector: f.sector } : {}),
      ...(f.group ? { group: f.group } : {}),
      newestFirst: f.newestFirst ?? false,
      now,
    };
  }

  type Row = Awaited<ReturnType<typeof store.worklist>>[number];

  /** Rows as the list shows them, with the names the relation rules allow. */
  function shown(rows: Row[], names: Map<string, NamedCitizen | null>, now: Date) {
    // Field by field: the citizen's facts decided the name and are not part of the answer.
    return rows.map((r) => {
      const named = names.get(r.citizenId) ?? null;
      const citizenName = named?.name ?? null;
      return {
        id: r.id,
        citizenId: r.citizenId,
        citizenName,
        // `basic`: the name and the handover only (a body's coordinators); null: no relation.
        relationScope: named?.scope ?? null,
        stayId: r.stayId,
        sector: r.sector,
        status: r.status,
        statusReason: r.statusReason,
        version: r.version,
        dischargedAt: r.dischargedAt.toISOString(),
        deadlineAt: r.deadlineAt.toISOString(),
        overdue: r.status === "open" && r.deadlineAt.getTime() < now.getTime(),
        escalationStep: r.escalationStep,
        // The ward's note is health data: only for those with a full relation to the citizen.
        note: named?.scope === "full" ? r.note : null,
        // The receiver's words on declining are part of the handover a relation is about.
        declineNote: named ? declineNoteOf(r.declineText, r.statusReason) : null,
        updatedAt: r.updatedAt.toISOString(),
        receiverOrganisationId: r.receiverOrganisationId,
        dischargingOrganisationId: r.dischargingOrganisationId,
        receiverName: r.receiverName,
        dischargingName: r.dischargingName,
        hospitalId: r.hospitalId,
        // The worklist's group for this reader now (model.ts), and when the ladder ended.
        group: r.group ?? ("rest" as const),
        unresolvedAt: r.unresolvedAt ? r.unresolvedAt.toISOString() : null,
      };
    });
  }

  /**
   * One page of the acting organisation's worklist, decided by what it is: a
   * municipality (or one of its units) or a practice sees what it must
   * confirm; a hospital (or department) its discharges not yet taken over;
   * a body secretariat what is overdue or declined in the body. Names
   * and the ward's note come through the relation rules, each read audited
   * as `resource` (default "worklist") — only the page's, so a long list
   * costs no more than the rows shown.
   */
  function worklist(ctx: RequestContext, f: WorklistQuery, page: Page) {
    return pageOf(ctx, filterOf(ctx, f, clock()), page, f.resource);
  }

  async function pageOf(
    ctx: RequestContext,
    filter: store.WorklistFilter,
    page: Page,
    resource: CitizenAuditResource = "worklist",
  ) {
    const rows = await store.worklist(db, filter, page);
    return shownWithNames(ctx, rows, filter.now, resource);
  }

  async function shownWithNames(
    ctx: RequestContext,
    rows: Row[],
    now: Date,
    resource: CitizenAuditResource,
  ) {
    const names = await citizens.namedOf(
      ctx,
      rows.map((r) => r.citizen),
      resource,
    );
    return shown(rows, names, now);
  }

  /** The receiver's citizens in hospital now, as the list shows them. */
  function inHospitalShown(
    rows: Awaited<ReturnType<typeof inHospitalStore.currentStaysOf>>,
    names: Map<string, NamedCitizen | null>,
  ) {
    return rows.map((r) => ({
      stayId: r.stayId,
      citizenId: r.citizenId,
      citizenName: names.get(r.citizenId)?.name ?? null,
      status: r.status === "on-leave" ? ("on-leave" as const) : ("admitted" as const),
      admittedAt: r.admittedAt.toISOString(),
      hospitalName: r.hospitalName,
      departmentName: r.departmentName,
    }));
  }

  /** A receiver's in-hospital scope; hospitals and bodies have none (their lists are about handovers). */
  function staysFilterOf(ctx: RequestContext): inHospitalStore.StaysFilter {
    const { filter } = scopeOf(ctx);
    return {
      ...(filter.municipalityCode ? { municipalityCode: filter.municipalityCode } : {}),
      ...(filter.practiceId ? { practiceId: filter.practiceId } : {}),
    };
  }

  return {
    worklist,

    /**
     * The default view: what needs the reader now, group by group in the
     * order model.ts gives (`NEEDS_ACTION_GROUPS`), the first `limit` rows of
     * each; and how many every group holds, the rest and the unresolved too,
     * for their tabs. One statement; only the rows shown are named and audited.
     */
    async groupedView(ctx: RequestContext, f: WorklistQuery, limit: number) {
      const filter = filterOf(ctx, f, clock());
      const { rows, counts, inHospital } = await store.groupedPage(
        db,
        filter,
        staysFilterOf(ctx),
        NEEDS_ACTION_GROUPS,
        limit,
      );
      const items = await shownWithNames(ctx, rows, filter.now, f.resource ?? "worklist");
      return {
        groups: NEEDS_ACTION_GROUPS.map((group) => ({
          group,
          total: counts[group],
          items: items.filter((i) => i.group === group),
        })),
        counts,
        inHospitalTotal: inHospital,
      };
    },

    /**
     * One page of the worklist, how long the whole list is, and (for a
     * receiver) how many of its citizens are in hospital now.
     */
    async worklistPage(ctx: RequestContext, f: WorklistQuery, page: Page) {
      const filter = filterOf(ctx, f, clock());
      const { rows, total, inHospital } = await store.worklistPage(
        db,
        filter,
        staysFilterOf(ctx),
        page,
      );
      const items = await shownWithNames(ctx, rows, filter.now, f.resource ?? "worklist");
      return { items, total, inHospitalTotal: inHospital };
    },

    /**
     * One handover as the acting organisation's worklist shows it, whatever
     * its status (the FHIR Task read); null when it is not on that list.
     */
    async worklistItem(ctx: RequestContext, id: string, resource: CitizenAuditResource) {
      const [item] = await worklist(
        ctx,
        { id, statuses: ANY_STATUS, overdueOnly: false, resource },
        { limit: 1, offset: 0 },
      );
      return item ?? null;
    },

    /** Whether a handover is on the acting organisation's worklist, in any status (no name read). */
    async onWorklist(ctx: RequestContext, id: string) {
      const filter = filterOf(ctx, { id, statuses: ANY_STATUS, overdueOnly: false }, clock());
      return (await store.worklist(db, filter, { limit: 1, offset: 0 })).length > 0;
    },

    /**
     * Calls `onChange` whenever the acting organisation's worklist may have
     * changed (a live worklist refetches then); returns the way to stop.
     */
    watch(ctx: RequestContext, onChange: () => void): () => void {
      return feed.watch(scopeOf(ctx).filter, onChange);
    },

    /**
     * One page of a receiver's citizens in hospital now — the discharges to
     * come — with names read through the relation rules, and how many there
     * are. Empty for hospitals and bodies.
     */
    async inHospital(ctx: RequestContext, page: Page) {
      const filter = staysFilterOf(ctx);
      const [rows, total] = await Promise.all([
        inHospitalStore.currentStaysOf(db, filter, page),
        inHospitalStore.currentStaysCount(db, filter),
      ]);
      const names = await citizens.namedOf(
        ctx,
        rows.map((r) => r.citizen),
        "worklist",
      );
      return { items: inHospitalShown(rows, names), total };
    },

    /**
     * Both lists searched by the citizen's name (names are sealed, so the
     * server reads the first `SEARCHED` of each and compares): only the
     * matches are returned, and only they are audited as read.
     */
    async search(ctx: RequestContext, f: WorklistQuery, name: string) {
      const now = clock();
      const wanted = name.trim().toLocaleLowerCase("da");
      const matches = (n: string) => n.toLocaleLowerCase("da").includes(wanted);
      const all = { limit: SEARCHED, offset: 0 };
      const [rows, stays] = await Promise.all([
        store.worklist(db, filterOf(ctx, f, now), all),
        inHospitalStore.currentStaysOf(db, staysFilterOf(ctx), all),
      ]);
      const names = await citizens.namesMatching(
        ctx,
        [...rows, ...stays].map((r) => r.citizen),
        "worklist",
        matches,
      );
      return {
        items: shown(
          rows.filter((r) => names.has(r.citizenId)),
          names,
          now,
        ),
        inHospital: inHospitalShown(
          stays.filter((r) => names.has(r.citizenId)),
          names,
        ),
      };
    },
  };
}

/**
 * The note a receiver wrote on declining: the decline's transition reason is
 * "<reason>: <note>" (decisions.ts), or the reason alone without a note.
 */
export function declineNoteOf(text: string | null, reason: string | null): string | null {
  if (!text || !reason || !text.startsWith(`${reason}: `)) return null;
  return text.slice(reason.length + 2).trim() || null;
}

/** How many rows of each list a name search reads at most. */
export const SEARCHED = 1000;

const ANY_STATUS: HandoverStatus[] = ["open", "confirmed", "declined", "closed"];

export type WorklistQuery = {
  statuses?: HandoverStatus[];
  overdueOnly: boolean;
  sector?: Sector;
  newestFirst?: boolean;
  /** Only this group of the worklist (model.ts, `worklistGroup`). */
  group?: WorklistGroup;
  id?: string;
  resource?: CitizenAuditResource;
};

export { WORKLIST_GROUPS };

type Org = Extract<RequestContext["actor"], { kind: "staff" | "token" }>["organisation"];

function worklistScope(org: Org): {
  filter: Partial<store.WorklistFilter> & { reader: WorklistReader };
  statuses: HandoverStatus[];
  overdueOrDeclined?: boolean;
} | null {
  if (org.kind === "general_practice" && org.generalPracticeId)
    return {
      filter: { practiceId: org.generalPracticeId, reader: "receiver" },
      statuses: ["open", "declined"],
    };
  if ((org.kind === "municipality" || org.kind === "municipal_unit") && org.municipalityCode)
    return {
      filter: { municipalityCode: org.municipalityCode, reader: "receiver" },
      statuses: ["open", "declined"],
    };
  if ((org.kind === "hospital" || org.kind === "hospital_department") && org.hospitalId)
    return {
      filter: { dischargingHospitalId: org.hospitalId, reader: "hospital" },
      statuses: ["open", "declined"],
    };
  if (org.kind === "body_secretariat" && org.bodyId)
    return {
      filter: { bodyId: org.bodyId, reader: "body" },
      statuses: ["open", "declined"],
      overdueOrDeclined: true,
    };
  return null;
}
