import type { Database } from "../platform/db/database.ts";
import type { FollowUpStatus, ResolutionKind } from "./model.ts";

/**
 * What the follow-up items tell the rest of the system (in-app
 * notifications, webhooks), handed over inside the transaction that made the
 * change, as the handovers' events are: the notice is never ahead of, nor
 * behind, the item. Ids and codes only, never a citizen's name or CPR number,
 * nor the free-text reason of "none needed".
 */
export type FollowUpEvent = {
  kind: "follow-up.opened" | "follow-up.resolved" | "follow-up.closed";
  followUpId: string;
  status: FollowUpStatus;
  dischargedAt: Date;
  /** The organisations to tell (`followUpRecipients`). */
  recipientOrganisationIds: string[];
  at: Date;
  /** Resolved: how, the organisation named, and for which organisation the resolver acted. */
  resolution?: ResolutionKind | null;
  followUpOrganisationId?: string | null;
  resolvedByOrganisationId?: string | null;
  /** Closed: why. */
  closedReason?: string | null;
  /** The person whose own act this is: it is not news to them (their card is read). */
  actedBy?: { userId: string; organisationId: string };
};

export type FollowUpEventSink = (tx: Database, events: FollowUpEvent[]) => Promise<void>;

/** For a history load: last year's items are not news. */
export const ignoreFollowUpEvents: FollowUpEventSink = async () => {};
