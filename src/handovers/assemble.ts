import type { CitizenAccess } from "../access/citizen-access.ts";
import type { CitizenService } from "../citizens/service.ts";
import type { FollowUpEventSink } from "../follow-ups/events.ts";
import { createFollowUpService } from "../follow-ups/service.ts";
import { notifyFollowUpEvents, notifyHandoverEvents } from "../notifications/sink.ts";
import { createPathwayService } from "../pathways/service.ts";
import type { Database } from "../platform/db/database.ts";
import type { StructureService } from "../structure/service.ts";
import type { HandoverEventSink } from "./events.ts";
import { createHandoverService } from "./service.ts";

/**
 * Pathways and handovers, wired together: the pathway tells the handovers of
 * every stay change (inside the ingest's transaction), and asks them who has
 * confirmed. Every place that applies hospital notifications uses this, so a
 * discharge always creates its handovers, and every handover change is told
 * to the receivers in the app and by webhook (unless `events` says otherwise:
 * a history import does not notify anyone of last year). A discharge of a
 * citizen without a listed GP opens a medical follow-up item beside the
 * handovers (src/follow-ups), in the same transaction, and its opening,
 * resolution and closing are told as the handovers' changes are (unless
 * `followUpEvents` says otherwise: a history import passes both).
 */
export function createCareServices(deps: {
  db: Database;
  citizens: CitizenService;
  structure: StructureService;
  access: CitizenAccess;
  clock?: () => Date;
  events?: HandoverEventSink;
  followUpEvents?: FollowUpEventSink;
}) {
  const handovers = createHandoverService({ ...deps, events: deps.events ?? notifyHandoverEvents });
  const followUps = createFollowUpService({
    ...deps,
    events: deps.followUpEvents ?? notifyFollowUpEvents,
  });
  const pathways = createPathwayService(deps.db, deps.citizens, deps.structure, deps.clock, {
    onStayChanges: async (tx, changes) => {
      await handovers.onStayChanges(tx, changes);
      await followUps.onStayChanges(tx, changes);
    },
    handoversOfStays: handovers.handoversOfStays,
    followUpsOfStays: followUps.ofStays,
  });
  return { pathways, handovers, followUps };
}
