import type { NotificationKind, StayNotification } from "../../pathways/stay-model.ts";
import {
  type Classification,
  classify,
  type HospitalNotification,
  type NotificationBaseType,
} from "./hospital-notification.ts";

/** What a HospitalNotification means for the stay it belongs to. */

const KIND: Record<NotificationBaseType, NotificationKind> = {
  STIN: "admit-inpatient",
  STAA: "admit-acute-ambulant",
  STOR: "leave-start",
  SLOR: "leave-end",
  SLHJ: "discharge",
  MORS: "death",
};

export function toStayNotification(
  n: HospitalNotification,
  c: Classification,
  departmentId: string | null = null,
): StayNotification {
  const current = n.provenance.find((p) => p.messageHeaderId === n.messageHeaderId);
  return {
    messageId: n.messageHeaderId,
    kind: KIND[c.base],
    variant: c.variant,
    occurredAt: new Date(c.eventAt),
    recordedAt: new Date(current?.recordedAt ?? n.timestamp),
    refersToMessageId: c.refersToMessageHeaderId,
    previousMessageId: c.previousMessageHeaderId,
    encounterStart: new Date(n.encounter.periodStart),
    encounterClass: n.encounter.class === "IMP" ? "inpatient" : "acute-ambulant",
    departmentId,
  };
}

/** Convenience for tests and tools: classify and map in one step. */
export function stayNotificationOf(n: HospitalNotification): StayNotification {
  const c = classify(n);
  if (!c) throw new Error("The message has no current Provenance");
  return toStayNotification(n, c);
}
