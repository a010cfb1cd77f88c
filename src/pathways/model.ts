import {
  effectiveNotifications,
  type NotificationKind,
  type StayNotification,
} from "./stay-model.ts";

/**
 * A citizen's course of care (forløb) as pure rules: the timeline across
 * sectors and the current state. Who is responsible now is
 * responsibility-model.ts; whether the citizen's three bodies (residence, GP,
 * treating hospital) differ, bodies-model.ts.
 */

export type StaySummary = {
  id: string;
  hospitalId: string;
  hospitalName: string;
  departmentOrganisationId: string | null;
  departmentName: string | null;
  status: "admitted" | "on-leave" | "discharged" | "deceased" | "cancelled";
  encounterClass: "inpatient" | "acute-ambulant" | null;
  admittedAt: Date;
  dischargedAt: Date | null;
  diedAt: Date | null;
  endedAt: Date | null;
};

export type CurrentState = "admitted" | "on-leave" | "discharged" | "deceased" | "no-stay";

/** Sectors are how the timeline grows: handovers, municipal care and GP events come later. */
export type Sector = "hospital" | "municipality" | "general-practice";

export type TimelineEvent = {
  at: Date;
  sector: Sector;
  kind: `hospital.${NotificationKind}` | "hospital.cancelled";
  stayId: string;
  organisation: string;
  /** The MedCom type of the message the event came from (STIN, RE_SLHJ, AN_STOR, …). */
  messageType: string;
  corrected: boolean;
};

/** A stay whose state a batch of notifications may have changed; handovers follow from it. */
export type StayChange = {
  stayId: string;
  citizenId: string;
  hospitalId: string;
  departmentOrganisationId: string | null;
  before: StaySummary["status"];
  after: StaySummary["status"];
  dischargedAt: Date | null;
  /** When the citizen died, when the stay ended in death. */
  diedAt: Date | null;
  /** The hospital's note to the receivers, when staff recorded the discharge with one. */
  note?: string | null;
};

/** "Hospital, Department", without repeating the hospital when the department's name has it. */
export function stayOrganisationName(
  s: Pick<StaySummary, "hospitalName" | "departmentName">,
): string {
  if (!s.departmentName) return s.hospitalName;
  return s.departmentName.startsWith(s.hospitalName)
    ? s.departmentName
    : `${s.hospitalName}, ${s.departmentName}`;
}

/** The stay that decides the state now: the latest one that was not cancelled. */
export function currentStay(stays: StaySummary[]): StaySummary | null {
  const live = stays.filter((s) => s.status !== "cancelled");
  return live.reduce<StaySummary | null>(
    (latest, s) => (!latest || s.admittedAt > latest.admittedAt ? s : latest),
    null,
  );
}

export function currentState(stays: StaySummary[]): CurrentState {
  if (stays.some((s) => s.status === "deceased")) return "deceased";
  const stay = currentStay(stays);
  if (!stay) return "no-stay";
  return stay.status === "cancelled" ? "no-stay" : stay.status;
}

/**
 * The hospital part of the timeline: the events that count, in event order,
 * plus each cancellation, shown as cancelled (MedCom R.BR6).
 */
export function hospitalTimeline(
  stay: Pick<StaySummary, "id" | "hospitalName" | "departmentName">,
  notes: (StayNotification & { messageType: string })[],
): TimelineEvent[] {
  const effective = effectiveNotifications(notes);
  const events: TimelineEvent[] = effective.map((n) => ({
    at: n.occurredAt,
    sector: "hospital",
    kind: `hospital.${n.kind}`,
    stayId: stay.id,
    organisation: stayOrganisationName(stay),
    messageType: notes.find((x) => x.messageId === n.messageId)?.messageType ?? n.kind,
    corrected: n.variant === "revision",
  }));
  for (const n of notes.filter((x) => x.variant === "cancellation")) {
    events.push({
      at: n.recordedAt,
      sector: "hospital",
      kind: "hospital.cancelled",
      stayId: stay.id,
      organisation: stayOrganisationName(stay),
      messageType: n.messageType,
      corrected: false,
    });
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
