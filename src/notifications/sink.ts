import { randomUUID } from "node:crypto";
import type { HandoverEvent, HandoverEventSink } from "../handovers/events.ts";
import type { Database } from "../platform/db/database.ts";
import { payloadOf, RULES_TO_CONFIRM, rulesToConfirmPayload } from "./model.ts";
import { insertNotifications, type NewNotification } from "./store.ts";

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
