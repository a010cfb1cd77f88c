import type { CitizenAccess } from "../access/citizen-access.ts";
import type { CitizenService } from "../citizens/service.ts";
import { createPathwayService } from "../pathways/service.ts";
import type { Database } from "../platform/db/database.ts";
import type { StructureService } from "../structure/service.ts";
import { createHandoverService } from "./service.ts";

/**
 * Pathways and handovers, wired together: the pathway tells the handovers of
 * every stay change (inside the ingest's transaction), and asks them who has
 * confirmed. Every place that applies hospital notifications uses this, so a
 * discharge always creates its handovers.
 */
export function createCareServices(deps: {
  db: Database;
  citizens: CitizenService;
  structure: StructureService;
  access: CitizenAccess;
  clock?: () => Date;
}) {
  const handovers = createHandoverService(deps);
  const pathways = createPathwayService(deps.db, deps.citizens, deps.structure, deps.clock, {
    onStayChanges: handovers.onStayChanges,
    handoversOfStays: handovers.handoversOfStays,
  });
  return { pathways, handovers };
}
