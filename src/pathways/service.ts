import { randomUUID } from "node:crypto";
import { type CitizenAuditResource, CODED_PURPOSES } from "../access/audit-vocabulary.ts";
import type { RequestContext } from "../access/citizen-access.ts";
import { type DischargeRefusal, dischargeRefusal } from "../access/discharge-rule.ts";
import type { CitizenService } from "../citizens/service.ts";
import type { Database } from "../platform/db/database.ts";
import type { StayStatusColumn } from "../platform/db/schema.ts";
import { AppError, notFound, type Reason } from "../platform/http/errors.ts";
import { danishDate, type StructureService } from "../structure/service.ts";
import { type BodiesOnDate, type BodyRef, bodiesOnDate } from "./bodies-model.ts";
import {
  currentState,
  currentStay,
  hospitalTimeline,
  type StayChange,
  type StaySummary,
} from "./model.ts";
import { type FollowUpView, type HandoverView, responsibleNow } from "./responsibility-model.ts";
import { episodeKey, foldStay, type StayState } from "./stay-model.ts";
import * as store from "./store.ts";

export type HospitalStayEvent = {
  episodeKey: string;
  citizenId: string;
  hospitalId: string;
  senderOrganisationId: string;
  notification: Omit<store.StoredNotification, "stayId">;
};

/**
 * Each citizen's course of care. Hospital notifications come in through
 * `applyHospitalStayEvent` inside the ingest's transaction; staff read the
 * pathway through `pathwayOf`, which checks access and audits.
 */
/**
 * How the handovers capability hears of stay changes (inside the ingest's
 * transaction) and tells the pathway about confirmations, without pathways
 * depending on it: the composition root wires the two together.
 */
export type PathwayHooks = {
  onStayChanges?: (tx: Database, changes: StayChange[]) => Promise<void>;
  handoversOfStays?: (stayIds: string[]) => Promise<HandoverView[]>;
  /** Each stay's medical follow-up items (a discharge without a listed GP, src/follow-ups). */
  followUpsOfStays?: (stayIds: string[]) => Promise<FollowUpView[]>;
};

export function createPathwayService(
  db: Database,
  citizens: CitizenService,
  structure: StructureService,
  clock: () => Date = () => new Date(),
  hooks: PathwayHooks = {},
) {
  /** Folds each stay from all its notifications and writes the states back, in a few statements. */
  async function foldAndStore(
    tx: Database,
    stays: {
      id: string;
      citizenId: string;
      hospitalId: string;
      status: StayStatusColumn;
      staysOfCitizen: number;
    }[],
    /** The hospital's note to the receivers, by stay (a discharge recorded by staff). */
    notesToReceivers: Map<string, string> = new Map(),
  ) {
    const notes = await store.notificationsOfStays(
      tx,
      stays.map((s) => s.id),
    );
    const states = new Map<string, StayState>();
    const updates = stays.map((stay) => {
      const own = notes.filter((n) => n.stayId === stay.id);
      const state = foldStay(own);
      states.set(stay.id, state);
      const ended =
        state.status === "discharged"
          ? state.dischargedAt
          : state.status === "deceased"
            ? state.diedAt
            : null;
      return {
        id: stay.id,
        status: state.status,
        admittedAt: state.admittedAt ?? own[0]?.encounterStart ?? clock(),
        dischargedAt: state.status === "discharged" ? state.dischargedAt : null,
        diedAt: state.status === "deceased" ? state.diedAt : null,
        endedAt: ended,
        encounterClass: state.encounterClass,
        departmentOrganisationId: state.departmentId,
      };
    });
    await store.updateStays(tx, updates, clock());
    if (hooks.onStayChanges) {
      await hooks.onStayChanges(
        tx,
        updates.map((u, i) => ({
          stayId: u.id,
          citizenId: stays[i]?.citizenId ?? "",
          hospitalId: stays[i]?.hospitalId ?? "",
          departmentOrganisationId: u.departmentOrganisationId,
          before: stays[i]?.status ?? "admitted",
          after: u.status,
          dischargedAt: u.dischargedAt,
          diedAt: u.diedAt,
          note: notesToReceivers.get(u.id) ?? null,
        })),
      );
    }
    const unique = (ids: string[]) => [...new Set(ids)];
    // A transfer ends a stay at the next one's start; only citizens with several stays need that.
    await store.refreshStayEndings(
      tx,
      unique(stays.filter((s) => Number(s.staysOfCitizen) > 1).map((s) => s.citizenId)),
    );
    const touchedByDeath = unique(
      stays
        .filter((s) => s.status === "deceased" || states.get(s.id)?.status === "deceased")
        .map((s) => s.citizenId),
    );
    if (touchedByDeath.length > 0) {
      await citizens.setDeceased(tx, await store.earliestDeaths(tx, touchedByDeath));
    }
    return states;
  }

  /**
   * Places the course of care under the structure of each event's own date:
   * `on(date, hospitalId)` gives the residence's, the GP's and the hospital's
   * bodies on that date, `byId` names the body a handover was placed under.
   */
  async function placeUnderBodies(
    homeCode: string | null,
    practiceCode: string | null,
    stays: { hospitalId: string }[],
    handoverBodyIds: (string | null)[],
  ) {
    const codes = [homeCode, practiceCode].filter((c): c is string => c !== null);
    const [timelines, named] = await Promise.all([
      structure.bodyTimelines({
        municipalityCodes: codes,
        hospitalIds: stays.map((s) => s.hospitalId),
      }),
      structure.bodyRefs(handoverBodyIds.filter((id): id is string => id !== null)),
    ]);
    return {
      on: (date: string, hospitalId: string | null): BodiesOnDate =>
        bodiesOnDate(date, {
          residence: homeCode ? timelines.ofMunicipality(homeCode, date) : null,
          generalPractice: practiceCode ? timelines.ofMunicipality(practiceCode, date) : null,
          hospital: hospitalId ? timelines.ofHospital(hospitalId, date) : [],
        }),
      byId: (id: string | null): BodyRef | null => named.get(id ?? "") ?? null,
    };
  }

  return {
    /**
     * Records what messages do not say about stays (diagnosis, acute or
     * planned, medically ready), by the stays' episode-of-care ids. Facts for
     * stays not (yet) received are counted, not kept: the stay comes first.
     */
    /** Stay ids by episode-of-care identifier, for facts that name stays that way. */
    async stayIdsByEpisode(episodes: { system: string; value: string }[]) {
      const keys = episodes.map(episodeKey);
      const ids = await store.stayIdsByEpisode(db, keys);
      return keys.map((k) => ids.get(k) ?? null);
    },

    async recordClinicalFacts(
      facts: {
        episode: { system: string; value: string };
        diagnosis: string;
        preventableGroup: string | null;
        admission: "acute" | "planned";
        medicallyReadyAt: string | null;
        synthetic: boolean;
      }[],
    ) {
      return db.transaction().execute(async (tx) => {
        const keys = facts.map((f) => episodeKey(f.episode));
        const ids = await store.stayIdsByEpisode(tx, keys);
        const matched = facts.flatMap((f, i) => {
          const stayId = ids.get(keys[i] ?? "");
          if (!stayId) return [];
          return [
            {
              stayId,
              primaryDiagnosis: f.diagnosis,
              preventableGroup: f.preventableGroup,
              admissionKind: f.admission,
              medicallyReadyAt: f.medicallyReadyAt ? new Date(f.medicallyReadyAt) : null,
              synthetic: f.synthetic,
            },
          ];
        });
        await store.upsertClinicalFacts(tx, matched);
        return { matched: matched.length, unmatched: facts.length - matched.length };
      });
    },

    /**
     * Applies a batch of hospital notifications to their stays, inside the
     * caller's transaction: lock the stays, add the notifications, fold each
     * stay from all of its notifications, write the states.
     */
    async applyHospitalStayEvents(tx: Database, events: HospitalStayEvent[]) {
      const stays = await store.lockStays(
        tx,
        events.map((e) => ({
          episodeKey: e.episodeKey,
          citizenId: e.citizenId,
          hospitalId: e.hospitalId,
          senderOrganisationId: e.senderOrganisationId,
          admittedAt: e.notification.encounterStart ?? e.notification.occurredAt,
        })),
      );
      const stayOf = new Map(stays.map((s) => [s.episodeKey ?? "", s]));
      await store.insertNotifications(
        tx,
        events.map((e) => ({ ...e.notification, stayId: stayOf.get(e.episodeKey)?.id ?? "" })),
      );
      const states = await foldAndStore(tx, stays);
      return events.map((e) => {
        const stay = stayOf.get(e.episodeKey);
        return { stayId: stay?.id ?? "", status: stay ? states.get(stay.id)?.status : undefined };
      });
    },

    /**
     * A discharge recorded by hospital staff in the hospital view, for a stay
     * whose discharge no message has told (yet): one more notification of the
     * stay, folded with the rest, so a later HospitalNotification of the same
     * discharge changes nothing. The note goes to the receivers' handovers.
     */
    async dischargeByStaff(
      ctx: RequestContext,
      stayId: string,
      input: { dischargedAt?: Date; note?: string },
    ) {
      const actor = ctx.actor;
      const found = await store.stayById(db, stayId);
      if (!found) throw notFound("stay");
      // The state is checked under the stay's lock below (409); here who may discharge at all.
      const refusal = dischargeRefusal(actor, { hospitalId: found.hospitalId, status: "admitted" });
      if (refusal || actor.kind !== "staff")
        throw await citizens.deny(
          ctx,
          found.citizenId,
          { action: "read", resource: "hospital-stay", purpose: CODED_PURPOSES.discharge },
          new AppError(
            "TOV_ERR_FORBIDDEN",
            "Only the stay's own hospital's ward can discharge",
            [],
            {
              key: `pathways.dischargeRefused.${refusal ?? "notStaff"}`,
            },
          ),
        );
      const org = actor.organisation;
      // Checks the relation to the citizen and audits the action, allowed or not.
      await citizens.get(ctx, found.citizenId, CODED_PURPOSES.discharge, "hospital-stay");
      const now = clock();
      const at = input.dischargedAt ?? now;
      return db.transaction().execute(async (tx) => {
        const stay = await store.lockStay(tx, stayId);
        if (!stay || (stay.status !== "admitted" && stay.status !== "on-leave"))
          throw new AppError(
            "TOV_ERR_CONFLICT",
            `The stay is ${stay?.status ?? "gone"}`,
            [{ in: "path", field: "stayId", reason: `is ${stay?.status ?? "gone"}, not admitted` }],
            { key: "pathways.notAdmitted" },
          );
        const problem = dischargeTimeProblem(at, new Date(stay.admittedAt), now);
        if (problem)
          throw new AppError(
            "TOV_ERR_VALIDATION",
            "The discharge time is not possible",
            [{ in: "body", field: "dischargedAt", ...problem }],
            { key: "pathways.dischargeTime" },
          );
        await store.insertNotifications(tx, [
          {
            stayId,
            inboundMessageId: null,
            recordedByUserId: actor.userId,
            messageId: `urn:uuid:${randomUUID()}`,
            messageType: "staff-discharge",
            kind: "discharge",
            variant: "new",
            occurredAt: at,
            recordedAt: now,
            refersToMessageId: null,
            encounterStart: new Date(stay.admittedAt),
            encounterClass: stay.encounterClass ?? "inpatient",
            departmentId:
              org.kind === "hospital_department" ? org.id : stay.departmentOrganisationId,
          },
        ]);
        const note = input.note?.trim();
        const states = await foldAndStore(tx, [stay], new Map(note ? [[stayId, note]] : []));
        return { stayId, status: states.get(stayId)?.status ?? stay.status };
      });
    },

    /** Which of these message ids name death notifications (to recognise RE_MORS). */
    deathNotifications: (tx: Database, messageHeaderIds: string[]) =>
      store.deathNotifications(tx, messageHeaderIds),

    async pathwayOf(
      ctx: RequestContext,
      citizenId: string,
      purpose?: string,
      resource: CitizenAuditResource = "pathway",
    ) {
      const citizen = await citizens.get(ctx, citizenId, purpose, resource);
      const stays: (StaySummary & { episodeKey: string | null })[] = await store.staysOfCitizen(
        db,
        citizenId,
      );
      const notes = await store.notificationsOfStays(
        db,
        stays.map((s) => s.id),
      );
      const timeline = stays
        .flatMap((s) =>
          hospitalTimeline(
            s,
            notes.filter((n) => n.stayId === s.id),
          ),
        )
        .sort((a, b) => a.at.getTime() - b.at.getTime());
      const stay = currentStay(stays);
      const practice = citizen.listedPractice;
      const stayIds = stays.map((s) => s.id);
      const [handovers, followUps] = await Promise.all([
        hooks.handoversOfStays?.(stayIds) ?? [],
        hooks.followUpsOfStays?.(stayIds) ?? [],
      ]);
      const placed = await placeUnderBodies(
        citizen.homeMunicipality?.code ?? null,
        practice?.municipalityCode ?? null,
        stays,
        handovers.map((h) => h.bodyId),
      );
      const home = citizen.homeMunicipality
        ? {
            kind: "municipality" as const,
            organisationId: null,
            name: citizen.homeMunicipality.name,
          }
        : null;
      const gp = practice
        ? { kind: "general-practice" as const, organisationId: null, name: practice.name }
        : null;
      return {
        citizen,
        state: currentState(stays),
        responsibility: responsibleNow(stays, home, gp, handovers, followUps),
        // Today's bodies: who coordinates the citizen's care now.
        bodies: placed.on(danishDate(clock()), stay?.hospitalId ?? null),
        // Each stay under the bodies of its own admission's date, each handover under its own.
        stays: stays.map((s) => ({
          ...s,
          bodies: placed.on(danishDate(new Date(s.admittedAt)), s.hospitalId),
          // Whether the reader may discharge it, and if not why: the page says so.
          dischargeRefusal: dischargeRefusal(ctx.actor, s) as DischargeRefusal | null,
        })),
        timeline,
        handovers: handovers.map((h) => ({ ...h, body: placed.byId(h.bodyId) })),
      };
    },
  };
}

export type PathwayService = ReturnType<typeof createPathwayService>;

/** Why a staff discharge time cannot be, or null: not before the admission, not in the future. */
export function dischargeTimeProblem(at: Date, admittedAt: Date, now: Date): Reason | null {
  if (at.getTime() < admittedAt.getTime())
    return {
      reason: "must not be before the admission",
      i18n: { key: "pathways.beforeAdmission" },
    };
  // A few minutes' grace for clocks that differ between the ward's PC and the server.
  if (at.getTime() > now.getTime() + 5 * 60_000)
    return { reason: "must not be in the future", i18n: { key: "pathways.inFuture" } };
  return null;
}
