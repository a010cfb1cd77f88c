import { landingPath as leadershipLanding } from "../indicators/landing";
import { activeMembership, type Me } from "./session-api";

/**
 * Where a user lands after login when no page asked for it (issue 21, part 3):
 *
 * - the citizen, and the relative, on their own course of care ("Mit
 *   forløb", which takes a citizen straight to theirs and lets a relative
 *   choose among those who gave consent);
 * - care staff of a hospital, a municipality, a practice, and the body's
 *   coordinators (who route what is overdue or declined) on the worklist;
 * - leadership and committee roles on their body's dashboard (Overblik), or
 *   a regional committee member on Kvalitet for the region
 *   (web/src/indicators/landing.ts);
 * - an administrator on the users of their organisation;
 * - staff who have not chosen a membership yet on the front page, where
 *   the choice is offered.
 */
export function landingPath(me: Me): string {
  if (me.user.kind === "citizen" || me.user.kind === "relative") return "/mit-forloeb";
  const acting = activeMembership(me);
  switch (acting?.role) {
    case "clinician":
    case "coordinator":
      return "/arbejdsliste";
    case "body_lead":
    case "committee_member":
      return leadershipLanding(me);
    case "administrator":
      return "/admin/brugere";
    default:
      return "/";
  }
}
