import { type CitizenAuditResource, CODED_PURPOSES } from "../access/audit-vocabulary.ts";
import type { AccessPurpose, CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import * as store from "./store.ts";
import type { createWorklists } from "./worklist-service.ts";

/**
 * A handover as a FHIR Task exists for an organisation only when it is on
 * that organisation's worklist. Any other id — another organisation's
 * handover or none at all — is the same 404 to the caller, so ids cannot be
 * probed, and each is audited as a refusal: with the citizen when the
 * handover exists, so that the citizen sees the attempt in their access log.
 */
export function createTaskVisibility(deps: {
  db: Database;
  access: Pick<CitizenAccess, "deny">;
  worklists: Pick<ReturnType<typeof createWorklists>, "worklistItem" | "onWorklist">;
}) {
  const { db, access, worklists } = deps;

  async function notFound(ctx: RequestContext, id: string, what: AccessPurpose) {
    const h = await store.findHandover(db, id);
    return access.deny(
      ctx,
      h?.citizenId ?? null,
      {
        ...what,
        purpose: h ? CODED_PURPOSES.notOnWorklist : CODED_PURPOSES.noSuchHandover,
      },
      new AppError("TOV_ERR_NOT_FOUND", "No such Task on the acting organisation's worklist", [], {
        key: "handovers.taskNotFound",
      }),
    );
  }

  return {
    /** The Task as the worklist shows it (its read audited as `resource`), or 404, audited. */
    async task(ctx: RequestContext, id: string, resource: CitizenAuditResource) {
      const item = await worklists.worklistItem(ctx, id, resource);
      if (!item) throw await notFound(ctx, id, { action: "read", resource });
      return item;
    },

    /** 404, audited as `what`, unless the Task is on the acting organisation's worklist. */
    async mustSeeTask(ctx: RequestContext, id: string, what: AccessPurpose) {
      if (!(await worklists.onWorklist(ctx, id))) throw await notFound(ctx, id, what);
    },
  };
}
