import { activeMembership, type Me } from "../access/session-api";
import { dashboardPath, qualityPath } from "./paths";
import { selectionToParams } from "./selection";

/**
 * Where a user lands after login when no page asked for it. Leadership lands on
 * figures: a body's lead (and a council member, whose organisation is the body's)
 * on the body's own dashboard. A regional committee member steers all the
 * clusters of the region, not one of them, so lands on Kvalitet comparing the
 * bodies, with the region's singled out against the rest of the country.
 * Everyone else lands on the front page.
 */
export function landingPath(me: Me): string {
  const acting = activeMembership(me);
  if (acting?.role !== "body_lead" && acting?.role !== "committee_member") return "/";
  const { bodyId, regionCode } = acting.organisation;
  if (bodyId) return dashboardPath(bodyId);
  const params = selectionToParams({
    indicator: "",
    periodKind: "quarter",
    at: "",
    unit: "body",
    attribution: "residence",
    ageBand: "",
    sector: "",
    group: "",
    region: regionCode ?? "",
  });
  return `${qualityPath}?${params}`;
}
