import type { FollowUpEvent } from "../follow-ups/events.ts";

/**
 * What a medical follow-up item's notification says (issue 21, parts 5 and
 * 6), as pure rules: its kinds, its thin payload and where it leads. The
 * handovers' are in model.ts.
 */

/**
 * A medical follow-up item without a GP (src/follow-ups) opened, was resolved
 * (someone named, or "none needed" recorded) or closed (a death, a cancelled
 * stay or discharge): told to the discharging department and the body's
 * coordinators, in the app and to the webhooks that subscribe.
 */
export const FOLLOW_UP_KINDS = [
  "follow-up.opened",
  "follow-up.resolved",
  "follow-up.closed",
] as const satisfies readonly FollowUpEvent["kind"][];
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/**
 * The thin body of a follow-up item's notification and webhook deliveries:
 * ids, states and codes only. Never the citizen, and never the free-text
 * reason of "none needed" (it may say anything about the citizen): the link
 * leads to the item, where the access rules and the audit log apply.
 */
export type FollowUpPayload = {
  id: string;
  type: FollowUpKind;
  occurredAt: string;
  followUp: {
    id: string;
    status: FollowUpEvent["status"];
    dischargedAt: string;
    /** Resolved: who follows up (`not-needed`: nobody), and the organisation named. */
    resolution?: NonNullable<FollowUpEvent["resolution"]>;
    followUpOrganisationId?: string;
    /** Resolved: the organisation the resolver acted for. */
    resolvedByOrganisationId?: string;
    /** Closed: why (death, stay-cancelled, discharge-cancelled). */
    closedReason?: string;
  };
  organisationId: string;
  links: { app: string };
};

export function followUpPayloadOf(
  notificationId: string,
  organisationId: string,
  event: FollowUpEvent,
): FollowUpPayload {
  return {
    id: notificationId,
    type: event.kind,
    occurredAt: event.at.toISOString(),
    followUp: {
      id: event.followUpId,
      status: event.status,
      dischargedAt: event.dischargedAt.toISOString(),
      ...(event.resolution ? { resolution: event.resolution } : {}),
      ...(event.followUpOrganisationId
        ? { followUpOrganisationId: event.followUpOrganisationId }
        : {}),
      ...(event.resolvedByOrganisationId
        ? { resolvedByOrganisationId: event.resolvedByOrganisationId }
        : {}),
      ...(event.closedReason ? { closedReason: event.closedReason } : {}),
    },
    organisationId,
    links: { app: followUpLink(event.followUpId) },
  };
}

/** The follow-up list brought to one item. */
export function followUpLink(followUpId: string): string {
  return `/opfoelgning?punkt=${encodeURIComponent(followUpId)}`;
}
