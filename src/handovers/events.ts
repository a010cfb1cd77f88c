import type { Database } from "../platform/db/database.ts";
import type { EscalationTarget, HandoverStatus, Sector } from "./model.ts";

/**
 * What the handovers tell the rest of the system (in-app notifications,
 * webhooks), handed over inside the transaction that made the change: an
 * outbox written in that transaction is never ahead of, nor behind, the
 * handover itself. Events carry ids only, never a citizen's name or CPR.
 */
export type HandoverEvent = {
  kind:
    | "handover.created"
    | "handover.confirmed"
    | "handover.declined"
    | "handover.escalated"
    | "handover.closed"
    /** A confirmation or decline taken back by its organisation; `reason` is the status undone. */
    | "handover.undone"
    /** The whole escalation ladder has passed without a confirmation; it stays open. */
    | "handover.unresolved";
  handoverId: string;
  sector: Sector;
  status: HandoverStatus;
  /** The organisations to tell. */
  recipientOrganisationIds: string[];
  at: Date;
  deadlineAt: Date;
  /** Escalations: the ladder step (0-based) and whom it targets. */
  step?: number;
  target?: EscalationTarget;
  /** Declines and closes: why. */
  reason?: string | null;
};

export type HandoverEventSink = (tx: Database, events: HandoverEvent[]) => Promise<void>;

export const ignoreEvents: HandoverEventSink = async () => {};

/** The distinct, known organisation ids of a list (a discharge may have no department). */
export function recipients(...ids: (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === "string"))];
}
