import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { CitizenService } from "../citizens/service.ts";
import type { HandoverView, StayChange } from "../pathways/model.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { danishToday, type StructureService } from "../structure/service.ts";
import {
  canMove,
  DEFAULT_RULES,
  type DeclineReason,
  deadlineOf,
  escalationDueAt,
  type HandoverRule,
  type HandoverStatus,
  ruleProblems,
  type Sector,
} from "./model.ts";
import * as store from "./store.ts";

/**
 * Closed-loop handovers: a discharge creates one handover to the home
 * municipality and one to the listed GP, inside the ingest's transaction; the
 * receivers confirm or decline; a death or a cancelled stay closes them; a
 * corrected discharge time moves their deadlines. Every change is appended to
 * the transition history.
 */

type Deps = {
  db: Database;
  citizens: CitizenService;
  structure: StructureService;
  access: CitizenAccess;
  clock?: () => Date;
};

const CLOSING: Partial<Record<StayChange["after"], string>> = {
  deceased: "death",
  cancelled: "stay-cancelled",
  admitted: "discharge-cancelled",
  "on-leave": "discharge-cancelled",
};

export function createHandoverService(deps: Deps) {
  const { db, citizens, structure, access } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function rulesFor(tx: Database, clusterIds: (string | null)[]) {
    const ids = [...new Set(clusterIds.filter((c): c is string => c !== null))];
    const own = await store.clusterRules(tx, ids);
    return (clusterId: string | null, sector: Sector): HandoverRule =>
      (own.find((r) => r.clusterId === clusterId && r.sector === sector)?.rule as
        | HandoverRule
        | undefined) ?? DEFAULT_RULES[sector];
  }

  async function createFor(tx: Database, discharged: StayChange[]) {
    const receivers = await citizens.receiversOf(
      tx,
      discharged.map((c) => c.citizenId),
    );
    const byCitizen = new Map(receivers.map((r) => [r.id, r]));
    const parties = await structure.handoverParties(
      tx,
      receivers.flatMap((r) => (r.homeMunicipalityCode ? [r.homeMunicipalityCode] : [])),
      receivers.flatMap((r) => (r.listedPracticeId ? [r.listedPracticeId] : [])),
      danishToday(clock()),
    );
    const rows: store.NewHandover[] = [];
    const clusters = [...parties.municipality.values(), ...parties.practice.values()].map(
      (p) => p.clusterId,
    );
    const ruleOf = await rulesFor(tx, clusters);
    for (const change of discharged) {
      const r = byCitizen.get(change.citizenId);
      const dischargedAt = change.dischargedAt ?? clock();
      const base = {
        stayId: change.stayId,
        citizenId: change.citizenId,
        dischargingOrganisationId: change.departmentOrganisationId,
        dischargedAt,
      };
      const municipality = r?.homeMunicipalityCode
        ? parties.municipality.get(r.homeMunicipalityCode)
        : undefined;
      if (r?.homeMunicipalityCode && municipality) {
        const rule = ruleOf(municipality.clusterId, "municipality");
        const deadlineAt = deadlineOf(dischargedAt, rule);
        rows.push({
          ...base,
          sector: "municipality",
          receiverOrganisationId: municipality.organisationId,
          receiverMunicipalityCode: r.homeMunicipalityCode,
          receiverPracticeId: null,
          clusterId: municipality.clusterId,
          deadlineAt,
          nextEscalationAt: escalationDueAt(deadlineAt, rule, 0),
        });
      }
      const practice = r?.listedPracticeId ? parties.practice.get(r.listedPracticeId) : undefined;
      if (r?.listedPracticeId && practice) {
        const rule = ruleOf(practice.clusterId, "general-practice");
        const deadlineAt = deadlineOf(dischargedAt, rule);
        rows.push({
          ...base,
          sector: "general-practice",
          receiverOrganisationId: practice.organisationId,
          receiverMunicipalityCode: null,
          receiverPracticeId: r.listedPracticeId,
          clusterId: practice.clusterId,
          deadlineAt,
          nextEscalationAt: escalationDueAt(deadlineAt, rule, 0),
        });
      }
    }
    const created = await store.insertHandovers(tx, rows);
    await store.insertTransitions(
      tx,
      created.map((h) => ({
        handoverId: h.id,
        kind: "created",
        fromStatus: null,
        toStatus: "open",
        actorUserId: null,
        actorOrganisationId: null,
        reason: "discharge",
      })),
    );
  }

  async function moveDeadlines(tx: Database, changes: StayChange[]) {
    const live = await store.lockLiveHandovers(
      tx,
      changes.map((c) => c.stayId),
    );
    const ruleOf = await rulesFor(
      tx,
      live.map((h) => h.clusterId),
    );
    for (const h of live) {
      const change = changes.find((c) => c.stayId === h.stayId);
      if (h.status !== "open" || !change?.dischargedAt) continue;
      if (new Date(h.dischargedAt).getTime() === change.dischargedAt.getTime()) continue;
      const rule = ruleOf(h.clusterId, h.sector);
      const deadlineAt = deadlineOf(change.dischargedAt, rule);
      await store.moveDeadline(tx, h.id, {
        dischargedAt: change.dischargedAt,
        deadlineAt,
        nextEscalationAt: escalationDueAt(deadlineAt, rule, 0),
      });
      await store.insertTransitions(tx, [
        {
          handoverId: h.id,
          kind: "deadline-moved",
          fromStatus: "open",
          toStatus: "open",
          actorUserId: null,
          actorOrganisationId: null,
          reason: "corrected discharge time",
        },
      ]);
    }
  }

  async function closeFor(tx: Database, changes: StayChange[]) {
    const live = await store.lockLiveHandovers(
      tx,
      changes.map((c) => c.stayId),
    );
    for (const reason of new Set(changes.map((c) => CLOSING[c.after]))) {
      if (!reason) continue;
      const stays = new Set(
        changes.filter((c) => CLOSING[c.after] === reason).map((c) => c.stayId),
      );
      const closing = live.filter((h) => stays.has(h.stayId));
      await store.closeHandovers(
        tx,
        closing.map((h) => h.id),
        reason,
      );
      await store.insertTransitions(
        tx,
        closing.map((h) => ({
          handoverId: h.id,
          kind: "closed",
          fromStatus: h.status,
          toStatus: "closed",
          actorUserId: null,
          actorOrganisationId: null,
          reason,
        })),
      );
    }
  }

  return {
    /** The pathway's hook: runs inside the ingest's transaction for every batch of stay changes. */
    async onStayChanges(tx: Database, changes: StayChange[]) {
      const discharged = changes.filter((c) => c.after === "discharged");
      const newlyDischarged = discharged.filter((c) => c.before !== "discharged");
      if (newlyDischarged.length > 0) await createFor(tx, newlyDischarged);
      const revised = discharged.filter((c) => c.before === "discharged");
      if (revised.length > 0) await moveDeadlines(tx, revised);
      const closing = changes.filter(
        (c) => c.before === "discharged" || c.after === "deceased" || c.after === "cancelled",
      );
      const ended = closing.filter((c) => CLOSING[c.after]);
      if (ended.length > 0) await closeFor(tx, ended);
    },

    /** The pathway's other hook: each stay's handovers, for "who is responsible now". */
    async handoversOfStays(stayIds: string[]): Promise<HandoverView[]> {
      const rows = await store.handoversOfStays(db, stayIds);
      const decided = await store.lastDecisions(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({
        stayId: r.stayId,
        sector: r.sector,
        status: r.status,
        receiverOrganisationId: r.receiverOrganisationId,
        receiverName: r.receiverName,
        deadlineAt: new Date(r.deadlineAt),
        decidedAt: decided.get(r.id) ?? null,
      }));
    },

    /**
     * The acting organisation's worklist, decided by what it is: a
     * municipality (or one of its units) or a practice sees what it must
     * confirm; a hospital (or department) its discharges not yet taken over;
     * a cluster secretariat what is overdue or declined in the cluster.
     */
    async worklist(
      ctx: RequestContext,
      f: { statuses?: HandoverStatus[]; overdueOnly: boolean; limit: number },
    ) {
      const org = ctx.actor.kind === "staff" ? ctx.actor.organisation : null;
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
        statuses: f.statuses ?? scope.statuses,
        overdueOnly: f.overdueOnly,
        now,
        limit: f.limit,
      });
      const visible = scope.overdueOrDeclined
        ? rows.filter((r) => r.status === "declined" || new Date(r.deadlineAt) < now)
        : rows;
      const names = await citizens.namesFor(
        ctx,
        visible.map((r) => r.citizenId),
        "worklist",
      );
      return visible.map((r) => ({
        ...r,
        citizenName: names.get(r.citizenId) ?? null,
        dischargedAt: new Date(r.dischargedAt).toISOString(),
        deadlineAt: new Date(r.deadlineAt).toISOString(),
        overdue: r.status === "open" && new Date(r.deadlineAt) < now,
      }));
    },

    /**
     * Imports confirmations that happened before Tovholder saw them (the
     * synthetic history): each becomes a confirmed transition at its own time,
     * with no acting user. Live handovers are only ever confirmed by people.
     */
    async importConfirmations(items: { stayId: string; sector: Sector; at: Date }[]) {
      return db.transaction().execute(async (tx) => {
        const changed = await store.confirmAsOf(tx, items);
        await store.insertTransitions(
          tx,
          changed.map((c) => ({
            handoverId: c.id,
            kind: "confirmed",
            fromStatus: "open",
            toStatus: "confirmed",
            at: new Date(c.at),
            actorUserId: null,
            actorOrganisationId: null,
            reason: "imported history",
          })),
        );
        return changed.length;
      });
    },

    /** A cluster's rules for both sectors: its own where set, the defaults otherwise. */
    async rulesOf(clusterId: string) {
      const own = await store.clusterRules(db, [clusterId]);
      return (["municipality", "general-practice"] as const).map((sector) => {
        const set = own.find((r) => r.sector === sector);
        return {
          sector,
          rule: (set?.rule as HandoverRule | undefined) ?? DEFAULT_RULES[sector],
          isDefault: !set,
        };
      });
    },

    /**
     * Sets a cluster's rule for one receiving sector. Only the cluster's own
     * coordinators and leads may; an unsound rule is refused naming each field.
     * It applies to handovers created from now on.
     */
    async setRule(ctx: RequestContext, clusterId: string, sector: Sector, rule: HandoverRule) {
      const actor = ctx.actor;
      if (
        actor.kind !== "staff" ||
        actor.organisation.kind !== "cluster_secretariat" ||
        actor.organisation.clusterId !== clusterId
      )
        throw new AppError(
          "TOV_ERR_FORBIDDEN",
          "Only the cluster's own coordinators can change its handover rules",
        );
      const problems = ruleProblems(rule);
      if (problems.length > 0)
        throw new AppError(
          "TOV_ERR_VALIDATION",
          "The handover rule is not sound",
          problems.map((p) => ({ in: "body", field: p.field, reason: p.reason })),
        );
      await store.saveRule(db, { clusterId, sector, rule, updatedBy: actor.userId });
      return { sector, rule, isDefault: false };
    },

    confirm: (ctx: RequestContext, id: string, expected: { version: number; note?: string }) =>
      decide(ctx, id, expected, { status: "confirmed", reason: null }),

    decline: (
      ctx: RequestContext,
      id: string,
      expected: { version: number; reason: DeclineReason; note?: string },
    ) => decide(ctx, id, expected, { status: "declined", reason: expected.reason }),
  };

  /** Confirms or declines for the acting organisation; 403 (audited) for anyone else, 409 if changed. */
  async function decide(
    ctx: RequestContext,
    id: string,
    expected: { version: number; note?: string },
    to: { status: HandoverStatus; reason: string | null },
  ) {
    // The access check and its audit use their own connection, so they come before the transaction.
    const h = await store.findHandover(db, id);
    if (!h) throw new AppError("TOV_ERR_NOT_FOUND", "No such handover");
    const actor = ctx.actor;
    const org = actor.kind === "staff" || actor.kind === "token" ? actor.organisation : null;
    const isReceiver =
      org !== null &&
      (h.sector === "municipality"
        ? org.municipalityCode === h.receiverMunicipalityCode && org.kind !== "general_practice"
        : org.generalPracticeId === h.receiverPracticeId);
    const what = {
      action: to.status === "confirmed" ? "confirm" : "decline",
      resource: "handover",
    };
    if (!isReceiver) {
      await access.audit(ctx, h.citizenId, what, "denied");
      throw new AppError(
        "TOV_ERR_FORBIDDEN",
        "Only the receiving organisation can confirm or decline this handover",
      );
    }
    const moved = await db.transaction().execute(async (tx) => {
      const current = await store.findHandover(tx, id);
      const now = {
        id,
        status: current?.status ?? h.status,
        version: current?.version ?? h.version,
      };
      if (!current || !canMove(current.status, to.status) || current.version !== expected.version)
        throw conflict(now);
      const done = await store.transition(
        tx,
        id,
        { version: expected.version, from: current.status },
        to,
      );
      if (!done) throw conflict(now);
      await store.insertTransitions(tx, [
        {
          handoverId: id,
          kind: to.status === "confirmed" ? "confirmed" : "declined",
          fromStatus: current.status,
          toStatus: to.status,
          actorUserId: actor.kind === "staff" ? actor.userId : null,
          actorOrganisationId: org?.id ?? null,
          reason: [to.reason, expected.note].filter(Boolean).join(": ") || null,
        },
      ]);
      return done;
    });
    await access.audit(ctx, h.citizenId, what, "allowed");
    return { id, status: moved.status, version: moved.version };
  }
}

type Org = Extract<RequestContext["actor"], { kind: "staff" }>["organisation"];

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

function conflict(current: { id: string; status: string; version: number }) {
  return new AppError(
    "TOV_ERR_CONFLICT",
    `The handover has changed: it is ${current.status} (version ${current.version})`,
    [{ in: "body", field: "version", reason: `is not the current version ${current.version}` }],
  );
}

export type HandoverService = ReturnType<typeof createHandoverService>;
