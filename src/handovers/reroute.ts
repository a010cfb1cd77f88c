import type { CitizenAuditAction } from "../access/audit-vocabulary.ts";
import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { OrganisationRef } from "../access/model.ts";
import type { Database } from "../platform/db/database.ts";
import type { OrganisationKind } from "../platform/db/schema.ts";
import { AppError } from "../platform/http/errors.ts";
import { danishToday, type StructureService } from "../structure/service.ts";
import { handoverConflict, handoverNotFound } from "./decisions.ts";
import type { HandoverEventSink } from "./events.ts";
import { deadlineOf, escalationDueAt, type Sector } from "./model.ts";
import { bodyOfDischarge } from "./placement.ts";
import * as rerouteStore from "./reroute-store.ts";
import { ruleLookup } from "./rules-service.ts";
import * as store from "./store.ts";

/**
 * A declined handover waits for the hospital: "not our citizen", "the
 * citizen has moved", "needs a different service". The discharging hospital,
 * or the body's coordinator, sends it on to the right receiver (or back to
 * the same one, with a better note). It opens again for the new receiver with
 * a deadline counted from now, its ladder from the first step, and the
 * receiver hears of it as of a new handover. The hospital stays responsible
 * until someone confirms.
 */

/** What a receiver of each sector is. */
const RECEIVER_KIND: Record<Sector, OrganisationKind> = {
  municipality: "municipality",
  "general-practice": "general_practice",
};

type Handover = NonNullable<Awaited<ReturnType<typeof store.findHandover>>>;
type Receiver = NonNullable<Awaited<ReturnType<typeof rerouteStore.organisationById>>>;

/**
 * The discharging hospital (any of its departments) or the coordinators of
 * the body responsible for the handover today (`responsibleBodyId`): from 1
 * January 2027 a December handover of a cluster is the council's to send on.
 */
function maySend(org: OrganisationRef | null, h: Handover, responsibleBodyId: string | null) {
  if (!org) return false;
  if (org.kind === "hospital" || org.kind === "hospital_department")
    return org.hospitalId === h.hospitalId;
  return (
    org.kind === "body_secretariat" &&
    responsibleBodyId !== null &&
    org.bodyId === responsibleBodyId
  );
}

export function createRerouting(deps: {
  db: Database;
  access: CitizenAccess;
  structure: StructureService;
  clock: () => Date;
  events: HandoverEventSink;
}) {
  const { db, access, structure, clock, events } = deps;

  /** The handover, for someone who may send it on; 403 (audited) for anyone else. */
  async function sendable(ctx: RequestContext, id: string, action: CitizenAuditAction) {
    const h = await store.findHandover(db, id);
    if (!h) throw handoverNotFound();
    const org = ctx.actor.kind === "staff" ? ctx.actor.organisation : null;
    const responsible =
      org?.kind === "body_secretariat"
        ? await store.responsibleBodyOf(db, id, danishToday(clock()))
        : null;
    if (!maySend(org, h, responsible))
      throw await access.deny(
        ctx,
        h.citizenId,
        { action, resource: "handover" },
        new AppError(
          "TOV_ERR_FORBIDDEN",
          "Only the discharging hospital or the body's coordinators can send a handover on",
          [],
          { key: "handovers.notSender" },
        ),
      );
    return h;
  }

  /** The organisation named as the new receiver, if it can receive this sector's handovers. */
  async function receiverFor(h: Handover, organisationId: string) {
    const org = await rerouteStore.organisationById(db, organisationId);
    const kind = RECEIVER_KIND[h.sector];
    if (!org || org.kind !== kind)
      throw new AppError(
        "TOV_ERR_VALIDATION",
        "The new receiver cannot take this handover",
        [
          {
            in: "body",
            field: "receiverOrganisationId",
            reason: `must be ${kind === "municipality" ? "a municipality" : "a general practice"} (the handover is to ${h.sector})`,
            i18n: { key: `handovers.receiverMustBe.${kind}` },
          },
        ],
        { key: "handovers.cannotReceive" },
      );
    return org;
  }

  /**
   * The new receiver's body, and the deadline and first escalation its
   * body's rule gives a handover sent to it now. The body is the one that held
   * the receiver's municipality on the discharge's date: the handover still
   * belongs to that discharge, so a December discharge sent on in January stays
   * under its cluster (the escalation's target is the sweeper's to choose).
   */
  async function routeTo(tx: Database, h: Handover, receiver: Receiver, now: Date) {
    const bodyId = await bodyOfDischarge(
      tx,
      structure,
      h.sector === "municipality"
        ? { municipalityCode: receiver.municipalityCode }
        : { practiceId: receiver.generalPracticeId },
      new Date(h.dischargedAt),
    );
    const rule = (await ruleLookup(tx, [bodyId]))(bodyId, h.sector);
    const deadlineAt = deadlineOf(now, rule);
    return { bodyId, deadlineAt, nextEscalationAt: escalationDueAt(deadlineAt, rule, 0) };
  }

  return {
    /** Candidate receivers by name, of the handover's sector. */
    async receivers(ctx: RequestContext, id: string, name: string) {
      const h = await sendable(ctx, id, "search-receivers");
      return rerouteStore.receiverCandidates(db, RECEIVER_KIND[h.sector], name);
    },

    async reroute(
      ctx: RequestContext,
      id: string,
      input: { version: number; receiverOrganisationId: string; note?: string },
    ) {
      const what = { action: "reroute", resource: "handover" } as const;
      const h = await sendable(ctx, id, what.action);
      const receiver = await receiverFor(h, input.receiverOrganisationId);
      const actor = ctx.actor.kind === "staff" ? ctx.actor : null;
      const now = clock();
      const sent = await db.transaction().execute(async (tx) => {
        const route = await routeTo(tx, h, receiver, now);
        const note = input.note?.trim();
        const done = await rerouteStore.reroute(tx, id, input.version, {
          receiverOrganisationId: receiver.id,
          receiverMunicipalityCode: h.sector === "municipality" ? receiver.municipalityCode : null,
          receiverPracticeId: h.sector === "general-practice" ? receiver.generalPracticeId : null,
          ...route,
          ...(note ? { note } : {}),
        });
        if (!done) {
          const current = await store.findHandover(tx, id);
          throw handoverConflict(
            current,
            current?.status === "declined"
              ? undefined
              : {
                  reason: `only a declined handover can be sent on; it is ${current?.status}`,
                  i18n: { key: "handovers.onlyDeclinedSentOn" },
                },
          );
        }
        await store.insertTransitions(tx, [
          {
            handoverId: id,
            kind: "rerouted",
            fromStatus: "declined",
            toStatus: "open",
            actorUserId: actor?.userId ?? null,
            actorOrganisationId: actor?.organisation.id ?? null,
            reason: `to ${receiver.name}`,
          },
        ]);
        await events(tx, [
          {
            kind: "handover.created",
            handoverId: id,
            sector: h.sector,
            status: "open",
            recipientOrganisationIds: [receiver.id],
            at: now,
            deadlineAt: route.deadlineAt,
          },
        ]);
        // The audit entry commits with the change: a change nobody can account for is never kept.
        await access.auditIn(tx, ctx, h.citizenId, what, "allowed");
        return done;
      });
      return { id, status: sent.status, version: sent.version };
    },
  };
}
