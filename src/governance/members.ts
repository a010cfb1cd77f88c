import type { Actor } from "../access/model.ts";
import type { StructureService } from "../structure/service.ts";
import { danishToday } from "../structure/service.ts";
import type { MemberRole } from "./model.ts";
import type { BodyRef } from "./views.ts";

/**
 * Who is a member of a body: staff acting for its secretariat as coordinator,
 * lead or citizens' representative, or for the secretariat of the body that
 * succeeded it (a council, for its clusters' work).
 */
export function bodyMembership(structure: StructureService, clock: () => Date) {
  /** The body and the bodies it succeeded, whose work it carries on. */
  async function links(bodyId: string) {
    const body = await structure.getBody(bodyId, danishToday(clock()), undefined, {
      nearest: true,
    });
    const ref: BodyRef = { id: body.id, name: body.name, kind: body.kind };
    return {
      ref,
      predecessors: body.predecessors.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
      successorIds: body.successors.map((s) => s.id),
    };
  }

  /** The actor's role as a member of the body (or of a body that succeeded it), or null. */
  async function roleOf(actor: Actor | null, bodyId: string): Promise<MemberRole | null> {
    if (actor?.kind !== "staff" || actor.organisation.kind !== "body_secretariat") return null;
    const role = actor.role;
    if (role !== "coordinator" && role !== "body_lead" && role !== "citizen_representative")
      return null;
    const own = actor.organisation.bodyId;
    if (own === bodyId) return role;
    const { successorIds } = await links(bodyId);
    return own !== null && successorIds.includes(own) ? role : null;
  }

  return { links, roleOf };
}
