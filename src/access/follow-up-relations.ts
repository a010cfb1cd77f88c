/**
 * The relations a medical follow-up item gives (issue 21, part 5), as pure
 * rules. A discharge of a citizen without a listed GP opens an item for the
 * discharging department and the coordinators of the body the citizen's
 * municipality belongs to; both must be able to see whom it is about to
 * name who follows up.
 *
 * - While the item is open it relates the discharging hospital (the hospital
 *   and its departments, as the stay relation scopes it) to the citizen, in
 *   full, whatever the time since discharge: the ward still holds the
 *   medical follow-up.
 * - The body's secretariat gets the citizen's name and basic facts only
 *   (`basic`), while the item is open: their part is to see it resolved, not
 *   care, and once someone is named the named party and the ward carry on.
 */
import type { HandoverOrganisation } from "./handover-relations.ts";

export type FollowUpFact = {
  dischargingHospitalId: string;
  /** The body of the discharge's date; null where no body held the municipality. */
  bodyId: string | null;
  /** When it was resolved or closed; null while it is open. */
  resolvedAt: Date | null;
  /**
   * The bodies holding the item's municipality from the discharge on, with
   * their Danish dates (until exclusive). The one holding it on the day
   * answers for the item; where none does, `bodyId`.
   */
  holders?: { bodyId: string; from: string; until: string | null }[];
};

/** The body whose coordinators answer for an item on a Danish date. */
export function answeringBodyOn(item: FollowUpFact, date: string): string | null {
  const holder = (item.holders ?? []).find(
    (h) => h.from <= date && (h.until === null || date < h.until),
  );
  return holder?.bodyId ?? item.bodyId;
}

export type FollowUpRelation = "follow-up-discharging-hospital" | "body-coordinator-no-gp";

/** Relations that open only the citizen's name and basic facts. */
export const FOLLOW_UP_BASIC_RELATIONS: readonly FollowUpRelation[] = ["body-coordinator-no-gp"];

/** The relation the citizen's follow-up items give an organisation on a Danish date, if any. */
export function followUpRelation(
  org: HandoverOrganisation,
  items: FollowUpFact[],
  date: string,
): FollowUpRelation | null {
  const open = items.filter((i) => i.resolvedAt === null);
  if (
    (org.kind === "hospital" || org.kind === "hospital_department") &&
    org.hospitalId !== null &&
    open.some((i) => i.dischargingHospitalId === org.hospitalId)
  )
    return "follow-up-discharging-hospital";
  if (org.kind !== "body_secretariat" || org.bodyId === null) return null;
  return open.some((i) => answeringBodyOn(i, date) === org.bodyId)
    ? "body-coordinator-no-gp"
    : null;
}
