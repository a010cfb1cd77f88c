import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import { dischargeRefusal } from "../access/discharge-rule.ts";
import type { CitizenService } from "../citizens/service.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import * as store from "./inpatients-store.ts";

const RESOURCE = "inpatients";

/**
 * The hospital's list of its current inpatients and expected discharges, so
 * that staff find the person they discharge without a CPR number. Only
 * hospital staff have one; each citizen on the page is named through the
 * relation rules (a current stay at the hospital is a relation) and each
 * read is audited, one entry per citizen.
 */
export function createInpatients(deps: {
  db: Database;
  citizens: CitizenService;
  access: CitizenAccess;
}) {
  const { db, citizens, access } = deps;
  return {
    async list(ctx: RequestContext, q: { readyOnly: boolean; limit: number; offset: number }) {
      const actor = ctx.actor;
      const org = actor.kind === "staff" ? actor.organisation : null;
      if (
        !org ||
        (org.kind !== "hospital" && org.kind !== "hospital_department") ||
        !org.hospitalId
      )
        throw await access.deny(
          ctx,
          null,
          { action: "read", resource: RESOURCE },
          new AppError("TOV_ERR_FORBIDDEN", "Only a hospital has a list of inpatients", [], {
            key: "inpatients.hospitalOnly",
          }),
        );
      const filter = {
        hospitalId: org.hospitalId,
        departmentId: org.kind === "hospital_department" ? org.id : null,
        readyOnly: q.readyOnly,
      };
      const [rows, total] = await Promise.all([
        store.inpatients(db, filter, q),
        store.inpatientCount(db, filter),
      ]);
      const names = await citizens.namedOf(
        ctx,
        rows.map((r) => r.citizen),
        RESOURCE,
      );
      const items = rows.map((r) => ({
        stayId: r.stayId,
        citizenId: r.citizenId,
        citizenName: names.get(r.citizenId)?.name ?? null,
        status: r.status === "on-leave" ? ("on-leave" as const) : ("admitted" as const),
        admittedAt: new Date(r.admittedAt).toISOString(),
        departmentName: r.departmentName,
        medicallyReadyAt: r.medicallyReadyAt ? new Date(r.medicallyReadyAt).toISOString() : null,
        // The row's action: discharge, where the reader may (src/access/discharge-rule.ts).
        canDischarge:
          names.get(r.citizenId) != null &&
          dischargeRefusal(actor, { hospitalId: r.hospitalId, status: r.status }) === null,
      }));
      return { items, total };
    },
  };
}

export type Inpatients = ReturnType<typeof createInpatients>;
