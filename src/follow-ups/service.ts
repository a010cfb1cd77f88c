import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { CitizenService } from "../citizens/service.ts";
import type { StayChange } from "../pathways/model.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { danishDate, type StructureService } from "../structure/service.ts";
import type { FollowUpEvent, FollowUpEventSink } from "./events.ts";
import {
  type FollowUpStatus,
  followUpRecipients,
  itemScopeOf,
  opensFollowUp,
  type Resolution,
  resolutionProblem,
  resolveRefusal,
} from "./model.ts";
import * as store from "./store.ts";

/**
 * Medical follow-up items (model.ts): opened inside the ingest's transaction
 * when a citizen without a listed GP is discharged, listed for the
 * discharging hospital and the body's coordinators (names through the
 * relation rules, each read audited), resolved by either of them (audited,
 * with who, for which organisation and when on the row), and closed by a
 * death or a cancelled stay or discharge.
 */

type Deps = {
  db: Database;
  citizens: CitizenService;
  structure: StructureService;
  access: CitizenAccess;
  /** Tells an item's opening, resolution and closing, inside the change's own transaction. */
  events: FollowUpEventSink;
  clock?: () => Date;
};

const RESOURCE = "medical-follow-up";

/** Why a stay's open item closes when the stay moves to this state (as its handovers close). */
const CLOSING: Partial<Record<StayChange["after"], string>> = {
  cancelled: "stay-cancelled",
  admitted: "discharge-cancelled",
  "on-leave": "discharge-cancelled",
};

function refused(problem: string, detail: string) {
  return new AppError("TOV_ERR_FORBIDDEN", detail, [], { key: `followUps.refused.${problem}` });
}

export function createFollowUpService(deps: Deps) {
  const { db, citizens, structure, access, events } = deps;
  const clock = deps.clock ?? (() => new Date());

  /**
   * Tells these items' parties what just happened to them, in `tx`: whoever
   * answers for each today (`noticeFactsOf`), with the item's state as it now is.
   */
  async function tell(
    tx: Database,
    kind: FollowUpEvent["kind"],
    ids: string[],
    at: Date,
    actedBy?: FollowUpEvent["actedBy"],
  ) {
    const facts = await store.noticeFactsOf(tx, ids, danishDate(at));
    await events(
      tx,
      facts.map((f) => ({
        kind,
        followUpId: f.id,
        status: f.status,
        dischargedAt: f.dischargedAt,
        recipientOrganisationIds: followUpRecipients(f),
        at,
        resolution: f.resolution,
        followUpOrganisationId: f.followUpOrganisationId,
        resolvedByOrganisationId: f.resolvedByOrganisationId,
        closedReason: f.closedReason,
        ...(actedBy ? { actedBy } : {}),
      })),
    );
  }

  async function open(tx: Database, discharged: StayChange[]) {
    const receivers = await citizens.receiversOf(
      tx,
      discharged.map((c) => c.citizenId),
    );
    const byId = new Map(receivers.map((r) => [r.id, r]));
    const opening = discharged.filter((c) => opensFollowUp(c, byId.get(c.citizenId)));
    if (opening.length === 0) return;
    const codes = opening.flatMap((c) => byId.get(c.citizenId)?.homeMunicipalityCode ?? []);
    const parties = await structure.handoverParties(tx, codes, []);
    const now = clock();
    const opened = await store.insertFollowUps(
      tx,
      opening.map((c) => {
        const home = byId.get(c.citizenId)?.homeMunicipalityCode ?? null;
        const dischargedAt = c.dischargedAt ?? now;
        return {
          stayId: c.stayId,
          citizenId: c.citizenId,
          dischargingHospitalId: c.hospitalId,
          dischargingOrganisationId: c.departmentOrganisationId,
          // The body that holds the citizen's municipality on the discharge's own date,
          // the same one the municipality's handover belongs to.
          bodyId: home ? parties.bodyOf(home, danishDate(dischargedAt)) : null,
          municipalityCode: home,
          dischargedAt,
          createdAt: now,
        };
      }),
    );
    // Only the items opened now: a stay that already has an open item is not told again.
    await tell(
      tx,
      "follow-up.opened",
      opened.map((o) => o.id),
      now,
    );
  }

  /** The acting organisation's list scope, or a 403 saying why it has none (audited). */
  async function scopeOrRefuse(ctx: RequestContext) {
    const scope = itemScopeOf(ctx.actor);
    if (!("refusal" in scope)) return scope;
    throw await access.deny(
      ctx,
      null,
      { action: "read", resource: RESOURCE },
      refused(
        scope.refusal,
        "Only the discharging hospital and the body's coordinators see these items",
      ),
    );
  }

  return {
    /** The pathway's hook, beside the handovers': runs inside the ingest's transaction. */
    async onStayChanges(tx: Database, changes: StayChange[]) {
      const newly = changes.filter((c) => c.after === "discharged" && c.before !== "discharged");
      if (newly.length > 0) await open(tx, newly);
      const now = clock();
      const closed: { id: string }[] = [];
      for (const [after, reason] of Object.entries(CLOSING)) {
        const stayIds = changes
          .filter((c) => c.after === after && (c.before === "discharged" || after === "cancelled"))
          .map((c) => c.stayId);
        closed.push(...(await store.closeOpen(tx, { stayIds }, reason, now)));
      }
      const died = changes.filter((c) => c.after === "deceased").map((c) => c.citizenId);
      closed.push(...(await store.closeOpen(tx, { citizenIds: died }, "death", now)));
      await tell(
        tx,
        "follow-up.closed",
        closed.map((c) => c.id),
        now,
      );
    },

    /** The items of these stays, for the course of care's "who is responsible now". */
    ofStays: (stayIds: string[]) => store.itemsOfStays(db, stayIds),

    /** One page of the acting organisation's items, each citizen named through the relation rules. */
    async list(
      ctx: RequestContext,
      status: FollowUpStatus,
      page: { limit: number; offset: number },
    ) {
      const scope = await scopeOrRefuse(ctx);
      const filter = { ...scope, status, date: danishDate(clock()) };
      const [rows, total] = await Promise.all([
        store.itemsOf(db, filter, page),
        store.countOf(db, filter),
      ]);
      const names = await citizens.namedOf(
        ctx,
        rows.map((r) => r.citizen),
        RESOURCE,
      );
      const items = rows.map(({ citizen: _facts, citizenFacts: _json, ...r }) => ({
        ...r,
        citizenName: names.get(r.citizenId)?.name ?? null,
      }));
      return { items, total };
    },

    /**
     * One item, whatever its state, for the discharging hospital and the
     * body answering for it (403, audited, for anyone else): where a
     * notification leads. The citizen is named through the relation rules.
     */
    async item(ctx: RequestContext, id: string) {
      const date = danishDate(clock());
      const found = await store.findItem(db, id, date);
      if (!found) throw notFoundItem();
      const refusal = resolveRefusal(ctx.actor, { ...found, status: "open" });
      const scope = itemScopeOf(ctx.actor);
      if (refusal || "refusal" in scope)
        throw await access.deny(
          ctx,
          found.citizenId,
          { action: "read", resource: RESOURCE },
          refused(
            refusal ?? "notParty",
            "Only the discharging hospital and the body's coordinators see this item",
          ),
        );
      const [row] = await store.itemsOf(db, { ...scope, date, id }, { limit: 1, offset: 0 });
      if (!row) throw notFoundItem();
      const names = await citizens.namedOf(ctx, [row.citizen], RESOURCE);
      const { citizen: _facts, citizenFacts: _json, ...item } = row;
      return { ...item, citizenName: names.get(item.citizenId)?.name ?? null };
    },

    /** Where the discharging hospital's outpatient clinics are: its departments. */
    async clinics(ctx: RequestContext, id: string) {
      const item = await store.findItem(db, id, danishDate(clock()));
      if (!item) throw notFoundItem();
      const refusal = resolveRefusal(ctx.actor, { ...item, status: "open" });
      if (refusal)
        throw await access.deny(
          ctx,
          item.citizenId,
          { action: "read", resource: RESOURCE },
          refused(refusal, "Only the discharging hospital and the body's coordinators resolve it"),
        );
      return store.clinicsOf(db, item.dischargingHospitalId);
    },

    /** General practices of the organisation register, by name or provider number. */
    practices: (text: string) => store.practicesMatching(db, text.trim(), 20),

    /**
     * Names who follows up, or records why nobody needs to: for the
     * discharging hospital or the body's coordinators only (403, audited),
     * at the version read (409 when someone got there first), the named
     * organisation checked against the register (400 naming the field).
     */
    async resolve(
      ctx: RequestContext,
      id: string,
      input: { version: number; resolution: Resolution },
    ) {
      const item = await store.findItem(db, id, danishDate(clock()));
      if (!item) throw notFoundItem();
      const what = {
        action: "resolve",
        resource: RESOURCE,
        purpose: input.resolution.kind,
      } as const;
      const refusal = resolveRefusal(ctx.actor, item);
      const actor = ctx.actor;
      if (refusal === "notOpen") throw changed(item.status, item.version);
      if (refusal || actor.kind !== "staff")
        throw await access.deny(
          ctx,
          item.citizenId,
          what,
          refused(
            refusal ?? "notStaff",
            "Only the discharging hospital and the body's coordinators resolve it",
          ),
        );
      const r = input.resolution;
      const named =
        r.kind === "not-needed"
          ? null
          : ((await store.organisationOf(db, r.organisationId)) ?? null);
      const problem = resolutionProblem(r, named, item);
      if (problem)
        throw new AppError(
          "TOV_ERR_VALIDATION",
          "The resolution is not valid",
          [
            {
              in: "body",
              field: `resolution.${problem.field}`,
              reason: problem.reason,
              i18n: { key: `followUps.${problem.problem}` },
            },
          ],
          { key: "validation.fields" },
        );
      const at = clock();
      const done = await db.transaction().execute(async (tx) => {
        const row = await store.resolveItem(tx, id, input.version, r, {
          userId: actor.userId,
          organisationId: actor.organisation.id,
          at,
        });
        if (!row) {
          const now = await store.findItem(tx, id, danishDate(at));
          throw changed(now?.status ?? "closed", now?.version ?? input.version);
        }
        // The parties' cards now say who follows up; the resolver's own is read.
        await tell(tx, "follow-up.resolved", [id], at, {
          userId: actor.userId,
          organisationId: actor.organisation.id,
        });
        return row;
      });
      await access.audit(ctx, item.citizenId, what, "allowed");
      return { id, status: done.status, version: done.version, resolvedAt: at };
    },
  };
}

function notFoundItem() {
  return new AppError("TOV_ERR_NOT_FOUND", "The follow-up item was not found", [], {
    key: "followUps.notFound",
  });
}

function changed(status: string, version: number) {
  return new AppError(
    "TOV_ERR_CONFLICT",
    `The follow-up item changed meanwhile and is now ${status}`,
    [{ in: "body", field: "version", reason: `is not the newest version (${version})` }],
    { key: "followUps.changed", values: { status } },
  );
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
