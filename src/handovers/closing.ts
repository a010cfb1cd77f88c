import type { StayChange } from "../pathways/model.ts";
import type { Database } from "../platform/db/database.ts";
import { danishToday } from "../structure/service.ts";
import { type HandoverEventSink, recipients } from "./events.ts";
import type { CloseReason, HandoverStatus, Sector } from "./model.ts";
import * as store from "./store.ts";

/**
 * Closing handovers when what they were for is gone, inside the ingest's
 * transaction: a cancelled stay or a cancelled discharge closes that stay's
 * handovers; a death closes every open or declined handover of the citizen,
 * of any stay and any receiver, since nobody is to take over any more.
 */

/** Why a stay's own handovers close when the stay moves to this state. */
const STAY_CLOSING: Partial<Record<StayChange["after"], CloseReason>> = {
  cancelled: "stay-cancelled",
  admitted: "discharge-cancelled",
  "on-leave": "discharge-cancelled",
};

type Live = {
  id: string;
  sector: Sector;
  status: HandoverStatus;
  deadlineAt: Date | string;
  receiverOrganisationId: string;
};

type Deps = { clock: () => Date; events: HandoverEventSink };

/** The stay changes that close that stay's handovers (not deaths: see `closeForDeaths`). */
export function stayClosings(changes: StayChange[]): StayChange[] {
  return changes.filter(
    (c) => (c.before === "discharged" || c.after === "cancelled") && STAY_CLOSING[c.after],
  );
}

/**
 * The citizens a batch of stay changes tells died, each with the earliest
 * death the batch gives (null when the notification gave no time).
 */
export function deathsOf(changes: StayChange[]): Map<string, Date | null> {
  const deaths = new Map<string, Date | null>();
  for (const c of changes) {
    if (c.after !== "deceased") continue;
    const known = deaths.get(c.citizenId);
    if (!deaths.has(c.citizenId) || (c.diedAt && (!known || c.diedAt < known)))
      deaths.set(c.citizenId, c.diedAt);
  }
  return deaths;
}

/** The transition's reason for a handover closed by a death: that the citizen died, and when. */
export function deathReason(diedAt: Date | null): string {
  return diedAt
    ? `the citizen died on ${danishToday(diedAt)} (Danish time)`
    : "the citizen died (no time given)";
}

export function createClosing({ clock, events }: Deps) {
  async function close<H extends Live>(
    tx: Database,
    closing: H[],
    statusReason: CloseReason,
    transitionReason: (h: H) => string,
  ) {
    if (closing.length === 0) return;
    await store.closeHandovers(
      tx,
      closing.map((h) => h.id),
      statusReason,
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
        reason: transitionReason(h),
        // The app's clock: closing starts the coordinators' last days with the name.
        at: clock(),
      })),
    );
    await events(
      tx,
      closing.map((h) => ({
        kind: "handover.closed",
        handoverId: h.id,
        sector: h.sector,
        status: "closed",
        recipientOrganisationIds: recipients(h.receiverOrganisationId),
        at: clock(),
        deadlineAt: new Date(h.deadlineAt),
        reason: statusReason,
      })),
    );
  }

  return {
    /** Closes the handovers of cancelled stays and of cancelled discharges. */
    async closeForStays(tx: Database, changes: StayChange[]) {
      const live = await store.lockLiveHandovers(
        tx,
        changes.map((c) => c.stayId),
      );
      for (const reason of new Set(changes.map((c) => STAY_CLOSING[c.after]))) {
        if (!reason) continue;
        const stays = new Set(
          changes.filter((c) => STAY_CLOSING[c.after] === reason).map((c) => c.stayId),
        );
        await close(
          tx,
          live.filter((h) => stays.has(h.stayId)),
          reason,
          () => reason,
        );
      }
    },

    /**
     * Closes every open or declined handover of each citizen who died, from
     * any stay, to any receiver; a death told again finds nothing left open.
     */
    async closeForDeaths(tx: Database, deaths: Map<string, Date | null>) {
      const live = await store.lockLiveHandoversOfCitizens(tx, [...deaths.keys()]);
      await close(tx, live, "death", (h) => deathReason(deaths.get(h.citizenId) ?? null));
    },
  };
}
