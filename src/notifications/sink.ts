import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { FollowUpEvent, FollowUpEventSink } from "../follow-ups/events.ts";
import type { HandoverEvent, HandoverEventSink } from "../handovers/events.ts";
import type { Database } from "../platform/db/database.ts";
import { followUpPayloadOf } from "./follow-up-payload.ts";
import { payloadOf, RULES_TO_CONFIRM, rulesToConfirmPayload } from "./model.ts";
import { audienceOf, insertNotifications, type NewNotification } from "./store.ts";

/**
 * The handovers' event sink: one in-app notification per event and addressed
 * organisation, and a pending delivery for each webhook that hears it, all
 * written in the handover change's own transaction. Nothing is sent here; the
 * delivery loop sends afterwards, so a webhook that is down delays nothing.
 */
export const notifyHandoverEvents: HandoverEventSink = async (
  tx: Database,
  events: HandoverEvent[],
) => {
  const rows: NewNotification[] = events.flatMap((event) =>
    event.recipientOrganisationIds.map((organisationId) => {
      const id = randomUUID();
      return {
        id,
        organisationId,
        kind: event.kind,
        handoverId: event.handoverId,
        body: JSON.stringify(payloadOf(id, organisationId, event)),
        createdAt: event.at,
      };
    }),
  );
  await insertNotifications(tx, rows);
};

/**
 * The follow-up items' event sink: one in-app notification per event and
 * addressed organisation, folded into one card per item, with a pending
 * delivery for each webhook that hears it, in the item change's own
 * transaction. The person whose act it was (a resolution) has read the item's
 * card: their own act is not news to them, though it is to their colleagues.
 */
export const notifyFollowUpEvents: FollowUpEventSink = async (
  tx: Database,
  events: FollowUpEvent[],
) => {
  const rows: NewNotification[] = events.flatMap((event) =>
    event.recipientOrganisationIds.map((organisationId) => {
      const id = randomUUID();
      return {
        id,
        organisationId,
        kind: event.kind,
        handoverId: null,
        followUpId: event.followUpId,
        body: JSON.stringify(followUpPayloadOf(id, organisationId, event)),
        createdAt: event.at,
      };
    }),
  );
  await insertNotifications(tx, rows);
  for (const event of events) {
    if (!event.actedBy) continue;
    const heard = await audienceOf(tx, event.actedBy.organisationId);
    if (heard.length === 0) continue;
    await tx
      .insertInto("notificationRead")
      .columns(["notificationId", "userId", "readAt"])
      .expression(
        tx
          .selectFrom("notification as n")
          .select([
            "n.id as notificationId",
            sql<string>`${event.actedBy.userId}::uuid`.as("userId"),
            sql<Date>`${event.at}::timestamptz`.as("readAt"),
          ])
          .where("n.followUpId", "=", event.followUpId)
          .where("n.organisationId", "in", heard),
      )
      .onConflict((oc) => oc.columns(["notificationId", "userId"]).doNothing())
      .execute();
  }
};

/**
 * Tells a body's coordinators (its secretariat) that the handover rules
 * carried over to it await their confirmation: one in-app notification, in
 * the carry-over's own transaction. No webhook hears it.
 */
export async function notifyRulesToConfirm(
  tx: Database,
  notice: Parameters<typeof rulesToConfirmPayload>[2] & { organisationId: string },
): Promise<void> {
  const id = randomUUID();
  await insertNotifications(tx, [
    {
      id,
      organisationId: notice.organisationId,
      kind: RULES_TO_CONFIRM,
      handoverId: null,
      body: JSON.stringify(rulesToConfirmPayload(id, notice.organisationId, notice)),
      createdAt: notice.at,
    },
  ]);
}
